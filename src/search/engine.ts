/**
 * Multilingual search over the knowledge base.
 *
 * Whole-question fuzzy matching is poor at ranking multi-word questions, so
 * the engine matches per word: each query word is folded to its search key
 * (normalize.ts), looked up exactly, and failing that fuse.js finds the
 * nearest keys of the index vocabulary (misspellings). Entries are scored by
 * BM25-style term weights, normalised by the weight of the whole query, where
 * a word the index does not know at all counts against every entry. That makes
 * "programs in Germany" score low everywhere: the bot says "I don't know"
 * rather than answering about some other country.
 */
import Fuse from "fuse.js";
import { LANGS, type Entry, type EntryType, type Lang } from "../knowledge/schema.js";
import { detectLanguage, type Vocabulary } from "./language.js";
import { stem, words } from "./normalize.js";
import { isStopWord } from "./stopwords.js";

export interface SearchHit {
  id: string;
  type: EntryType;
  title: string;
  /** 0..1: the share of the query's weight this entry explains. */
  score: number;
}

export interface SearchResult {
  query: string;
  lang: Lang;
  /** The best two are too close to choose between: ask "did you mean". */
  ambiguous: boolean;
  /** Best first; empty when no entry is a confident answer. */
  results: SearchHit[];
}

export interface SearchOptions {
  limit?: number;
}

/** Tuned on tests/search/queries.yaml (see tests/search/quality.test.ts). */
export const TUNING = {
  /** How much each field's words count. */
  fieldWeight: { title: 4, aliases: 4, summary: 2, body: 1 },
  k1: 1.2,
  b: 0.5,
  /** Fuse score above which a vocabulary word is not taken as a misspelling. */
  fuzzyThreshold: 0.3,
  /** Below this score the best entry is not a confident answer. */
  minScore: 0.3,
  /** Alternatives shown beside the best must reach this share of its score. */
  minRelative: 0.35,
  /** Second best at or above this share of the best: ambiguous. */
  ambiguityRatio: 0.85,
};

interface Posting {
  doc: number;
  tf: number;
}

interface Candidate {
  key: string;
  similarity: number;
}

export class SearchIndex {
  private readonly entries: Entry[];
  private readonly postings = new Map<string, Posting[]>();
  private readonly docLength: number[] = [];
  private readonly avgDocLength: number;
  /** One fuse.js index per first letter keeps misspelling lookup fast on big bases. */
  private readonly fuzzyByInitial = new Map<string, Fuse<string>>();
  private readonly vocabulary: Vocabulary;

  constructor(entries: readonly Entry[]) {
    this.entries = [...entries];
    this.vocabulary = { uz: new Set(), ru: new Set(), en: new Set() };
    this.entries.forEach((entry, doc) => this.indexEntry(entry, doc));
    this.avgDocLength = this.docLength.reduce((a, b) => a + b, 0) / Math.max(1, this.docLength.length);

    const keysByInitial = new Map<string, string[]>();
    for (const key of this.postings.keys()) {
      const initial = key[0]!;
      if (!keysByInitial.has(initial)) keysByInitial.set(initial, []);
      keysByInitial.get(initial)!.push(key);
    }
    for (const [initial, keys] of keysByInitial) {
      this.fuzzyByInitial.set(
        initial,
        new Fuse(keys, { includeScore: true, threshold: TUNING.fuzzyThreshold, ignoreLocation: true }),
      );
    }
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 5;
    const lang = detectLanguage(query, this.vocabulary);
    const keys = [...new Set(words(query).filter((w) => !isStopWord(w)).map(stem))].filter(
      (key) => key.length > 1 || /\d/.test(key),
    );
    const none: SearchResult = { query, lang, ambiguous: false, results: [] };
    if (keys.length === 0 || this.entries.length === 0) return none;

    const scores = new Map<number, number>();
    let queryWeight = 0;
    for (const key of keys) {
      const candidates = this.candidates(key);
      // A word the index does not know weighs like the rarest word there is.
      queryWeight += candidates.length === 0 ? this.unknownWeight() : Math.max(...candidates.map((c) => this.idf(c.key)));
      const best = new Map<number, number>();
      for (const { key: term, similarity } of candidates) {
        const idf = this.idf(term);
        for (const { doc, tf } of this.postings.get(term)!) {
          const gain = similarity * idf * this.saturation(tf, doc);
          if (gain > (best.get(doc) ?? 0)) best.set(doc, gain);
        }
      }
      for (const [doc, gain] of best) scores.set(doc, (scores.get(doc) ?? 0) + gain);
    }

    const ranked = [...scores]
      .map(([doc, raw]) => ({ doc, score: raw / queryWeight }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    const top = ranked[0];
    if (!top || top.score < TUNING.minScore) return none;

    const shown = ranked.filter((r) => r.score >= top.score * TUNING.minRelative).slice(0, limit);
    const second = shown[1];
    return {
      query,
      lang,
      ambiguous: second !== undefined && second.score >= top.score * TUNING.ambiguityRatio,
      results: shown.map(({ doc, score }) => {
        const entry = this.entries[doc]!;
        return { id: entry.id, type: entry.type, title: entry.title[lang], score: round(score) };
      }),
    };
  }

  private indexEntry(entry: Entry, doc: number): void {
    const tf = new Map<string, number>();
    const add = (text: string, weight: number, lang: Lang) => {
      for (const word of words(text)) {
        this.vocabulary[lang].add(word);
        if (isStopWord(word)) continue;
        const key = stem(word);
        tf.set(key, (tf.get(key) ?? 0) + weight);
      }
    };
    const w = TUNING.fieldWeight;
    for (const lang of LANGS) {
      add(entry.title[lang], w.title, lang);
      add(entry.summary[lang], w.summary, lang);
      add(entry.body[lang], w.body, lang);
      for (const alias of entry.aliases[lang]) add(alias, w.aliases, lang);
    }
    let length = 0;
    for (const [key, count] of tf) {
      length += count;
      const list = this.postings.get(key) ?? [];
      list.push({ doc, tf: count });
      this.postings.set(key, list);
    }
    this.docLength[doc] = length;
  }

  /** Index keys a query key may stand for: itself, or its nearest spellings. */
  private candidates(key: string): Candidate[] {
    if (this.postings.has(key)) return [{ key, similarity: 1 }];
    if (key.length < 4) return [];
    const fuse = this.fuzzyByInitial.get(key[0]!);
    if (!fuse) return [];
    return fuse
      .search(key, { limit: 3 })
      .map(({ item, score = 1 }) => {
        const lengthRatio = Math.min(item.length, key.length) / Math.max(item.length, key.length);
        return { key: item, similarity: (1 - score) * lengthRatio };
      })
      .filter((c) => c.similarity >= 1 - TUNING.fuzzyThreshold * 1.5);
  }

  private idf(key: string): number {
    const df = this.postings.get(key)?.length ?? 0;
    const n = this.entries.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private unknownWeight(): number {
    return this.idf("\u0000");
  }

  /** BM25's term-frequency saturation, scaled to 0..1. */
  private saturation(tf: number, doc: number): number {
    const { k1, b } = TUNING;
    const norm = 1 - b + (b * this.docLength[doc]!) / this.avgDocLength;
    return tf / (tf + k1 * norm);
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
