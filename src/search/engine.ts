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
import { LanguageDetector, type Vocabulary } from "./language.js";
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
  /** Below this score no entry is an answer (default TUNING.minScore); staff tools ask for weaker hits too. */
  minScore?: number;
}

/** Tuned on tests/search/queries.yaml (see tests/search/quality.test.ts). */
export const TUNING = {
  /** How much each field's words count. */
  fieldWeight: { title: 4, aliases: 4, summary: 1, body: 0.5 },
  k1: 4,
  b: 0.3,
  /** Fuse score above which a vocabulary word is not taken as a misspelling. */
  fuzzyThreshold: 0.3,
  /** A misspelling or truncated word must be at least this similar to count. */
  minSimilarity: 0.7,
  /** Below this score the best entry is not a confident answer. */
  minScore: 0.15,
  /** Alternatives shown beside the best must reach this share of its score. */
  minRelative: 0.35,
  /** Second best at or above this share of the best: ambiguous. */
  ambiguityRatio: 0.85,
  /** An unknown word weighs this share of the rarest known word. */
  unknownWeight: 1,
  /** Share of the score that comes from naming an entry by a whole title or alias. */
  nameShare: 0.3,
  /** An alias names its entry less surely than its title. */
  aliasFactor: 0.8,
};

export interface Candidate {
  key: string;
  similarity: number;
}

export interface QueryKey {
  key: string;
  /** Index keys this query word may stand for; empty when the index does not know it. */
  candidates: Candidate[];
  weight: number;
}

export interface QueryAnalysis {
  lang: Lang;
  keys: QueryKey[];
  /** The sum of the keys' weights: a score is the share of it an entry explains. */
  weight: number;
}

/** A title or alias, as the set of its index keys. */
interface Phrase {
  doc: number;
  keys: string[];
  /** A title names its entry more surely than an alias does. */
  factor: number;
}

export class SearchIndex {
  private readonly entries: Entry[];
  /** Every index key's number, in the order the keys were first met. */
  private readonly keyIds = new Map<string, number>();
  private readonly idfs: Float64Array;
  /**
   * The postings, packed: the entries containing key k are postingDocs[p] for
   * p from postingStart[k] up to postingStart[k + 1], each with the key's
   * BM25 weight there (idf × saturated tf) in postingWeights[p]. A base of
   * 5,000 entries has half a million postings: as objects they took ~30 MB of
   * the bot's 96 MB heap, in typed arrays 6 MB outside it.
   */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Float64Array;
  /**
   * One fuse.js index per first letter and word length keeps misspelling lookup
   * fast on big bases: a query word is only compared with keys of similar length.
   */
  private readonly fuzzyBuckets = new Map<string, Fuse<string>>();
  private readonly vocabulary: Vocabulary = { uz: new Set(), ru: new Set(), en: new Set() };
  private readonly detector: LanguageDetector;
  /**
   * Titles and aliases, each filed under its rarest key only: a phrase can be
   * matched in full only if its rarest key is, and common words ("program")
   * then do not drag thousands of phrases into every query.
   */
  private readonly phrasesByRarestKey = new Map<string, Phrase[]>();
  private lastAnalysis: { query: string; analysis: QueryAnalysis } | undefined;

  constructor(entries: readonly Entry[]) {
    this.entries = [...entries];
    // Each entry's keys and their weighted counts, packed as they are read: key numbers, and counts (tf).
    const termKeys: Int32Array[] = [];
    const termCounts: Float64Array[] = [];
    const df: number[] = [];
    const lengths = new Float64Array(this.entries.length);
    const phrases: Phrase[] = [];
    this.entries.forEach((entry, doc) => {
      const counts = this.readEntry(entry, doc, phrases);
      const keys = new Int32Array(counts.size);
      const tfs = new Float64Array(counts.size);
      let i = 0;
      for (const [key, tf] of counts) {
        let id = this.keyIds.get(key);
        if (id === undefined) this.keyIds.set(key, (id = df.push(0) - 1));
        df[id]!++;
        keys[i] = id;
        tfs[i++] = tf;
        lengths[doc]! += tf;
      }
      termKeys.push(keys);
      termCounts.push(tfs);
    });

    this.detector = new LanguageDetector(this.vocabulary);
    this.idfs = Float64Array.from(df, (n) => this.idfFor(n));

    this.postingStart = new Int32Array(df.length + 1);
    df.forEach((n, id) => (this.postingStart[id + 1] = this.postingStart[id]! + n));
    this.postingDocs = new Int32Array(this.postingStart[df.length]!);
    this.postingWeights = new Float64Array(this.postingDocs.length);
    const filled = this.postingStart.slice(0, df.length);
    const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    termKeys.forEach((keys, doc) => {
      const norm = TUNING.k1 * (1 - TUNING.b + (TUNING.b * lengths[doc]!) / avgLength);
      keys.forEach((id, i) => {
        const tf = termCounts[doc]![i]!;
        const p = filled[id]!++;
        this.postingDocs[p] = doc;
        this.postingWeights[p] = this.idfs[id]! * (tf / (tf + norm));
      });
    });

    for (const phrase of phrases) {
      const rarest = phrase.keys.reduce((a, b) => (this.idf(b) > this.idf(a) ? b : a));
      if (!this.phrasesByRarestKey.has(rarest)) this.phrasesByRarestKey.set(rarest, []);
      this.phrasesByRarestKey.get(rarest)!.push(phrase);
    }

    const keysByBucket = new Map<string, string[]>();
    for (const key of this.keyIds.keys()) {
      const bucket = bucketOf(key, key.length);
      if (!keysByBucket.has(bucket)) keysByBucket.set(bucket, []);
      keysByBucket.get(bucket)!.push(key);
    }
    for (const [bucket, keys] of keysByBucket) {
      this.fuzzyBuckets.set(bucket, new Fuse(keys, { includeScore: true, threshold: TUNING.fuzzyThreshold, ignoreLocation: true }));
    }
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 5;
    const { lang, keys, weight } = this.analyse(query);
    const none: SearchResult = { query, lang, ambiguous: false, results: [] };
    if (keys.length === 0 || this.entries.length === 0) return none;

    // Scratch arrays indexed by entry: Maps would dominate the time on a big base.
    const relevance = new Float64Array(this.entries.length);
    const bestForWord = new Float64Array(this.entries.length);
    const touched: number[] = [];
    for (const { candidates } of keys) {
      // A query word counts once per entry, through its best-matching index key.
      const wordTouched: number[] = [];
      for (const { key, similarity } of candidates) {
        const id = this.keyIds.get(key)!;
        for (let p = this.postingStart[id]!; p < this.postingStart[id + 1]!; p++) {
          const doc = this.postingDocs[p]!;
          const gain = similarity * this.postingWeights[p]!;
          if (bestForWord[doc] === 0) wordTouched.push(doc);
          if (gain > bestForWord[doc]!) bestForWord[doc] = gain;
        }
      }
      for (const doc of wordTouched) {
        if (relevance[doc] === 0) touched.push(doc);
        relevance[doc]! += bestForWord[doc]!;
        bestForWord[doc] = 0;
      }
    }
    const named = this.nameMatches(keys);
    const { nameShare } = TUNING;

    const scored = touched.map((doc) => ({
      doc,
      score: ((1 - nameShare) * relevance[doc]! + nameShare * (named.get(doc) ?? 0)) / weight,
    }));
    const best = scored.reduce((max, r) => Math.max(max, r.score), 0);
    if (best < (options.minScore ?? TUNING.minScore)) return none;

    // Sorting only the contenders keeps a query fast on a base of thousands.
    const shown = scored
      .filter((r) => r.score >= best * TUNING.minRelative)
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, limit);
    const second = shown[1];
    return {
      query,
      lang,
      ambiguous: second !== undefined && second.score >= best * TUNING.ambiguityRatio,
      results: shown.map(({ doc, score }) => {
        const entry = this.entries[doc]!;
        return { id: entry.id, type: entry.type, title: entry.title[lang], score: round(score) };
      }),
    };
  }

  /** The language a text is written in, judged against this index's vocabulary. */
  language(text: string): Lang {
    return this.detector.detect(text);
  }

  /** How the engine reads a query: its language, and each word's index keys and weight. */
  analyse(query: string): QueryAnalysis {
    // The answer path reads the same query twice in a row (search, then the entries it names): once is enough.
    if (this.lastAnalysis?.query === query) return this.lastAnalysis.analysis;
    const analysis = this.analyseAnew(query);
    this.lastAnalysis = { query, analysis };
    return analysis;
  }

  private analyseAnew(query: string): QueryAnalysis {
    const lang = this.language(query);
    const keys = [...new Set(words(query).filter((w) => !isStopWord(w)).map(stem))]
      .filter((key) => key.length > 1 || /\d/.test(key))
      .map((key): QueryKey => {
        const candidates = this.candidates(key);
        // A word the index does not know weighs like the rarest word there is.
        const weight = candidates.length === 0 ? this.unknownWeight() : Math.max(...candidates.map((c) => this.idf(c.key)));
        return { key, candidates, weight };
      });
    return { lang, keys, weight: keys.reduce((sum, k) => sum + k.weight, 0) };
  }

  /** Whether a search key is a word of the knowledge itself (a real word, never to be read as a misspelling of another). */
  knows(key: string): boolean {
    return this.keyIds.has(key);
  }

  /** The word of the knowledge a search key is, or misspells most likely (with how similar), if any. */
  nearestKey(key: string): Candidate | undefined {
    return this.candidates(key).reduce<Candidate | undefined>((best, c) => (c.similarity > (best?.similarity ?? 0) ? c : best), undefined);
  }

  /** The entries a query names by a whole title or alias ("erasmus", "стажировка в китае"), misspellings included. */
  named(query: string): string[] {
    return [...this.nameMatches(this.analyse(query).keys).keys()].map((doc) => this.entries[doc]!.id);
  }

  /**
   * A title or alias whose every word is in the query names the entry. For each
   * entry so named: the weight of the query its best name covers. This is what
   * puts the country "India" above "India's ITEC programme" for "Hindiston".
   */
  private nameMatches(keys: QueryKey[]): Map<number, number> {
    const similarityOf = new Map<string, number>();
    for (const { candidates } of keys) {
      for (const c of candidates) similarityOf.set(c.key, Math.max(similarityOf.get(c.key) ?? 0, c.similarity));
    }
    const named = new Map<number, number>();
    for (const key of similarityOf.keys()) {
      for (const phrase of this.phrasesByRarestKey.get(key) ?? []) {
        let covered = 0;
        for (const k of phrase.keys) {
          const similarity = similarityOf.get(k);
          if (similarity === undefined) {
            covered = -1;
            break;
          }
          covered += similarity * this.idf(k);
        }
        const share = phrase.factor * covered;
        if (share > (named.get(phrase.doc) ?? 0)) named.set(phrase.doc, share);
      }
    }
    return named;
  }

  /** The weighted key counts of one entry; its titles and aliases go to `phrases`. */
  private readEntry(entry: Entry, doc: number, phrases: Phrase[]): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (text: string, weight: number, lang: Lang, isAlias = false): string[] => {
      const keys: string[] = [];
      for (const word of words(text)) {
        // Aliases mix scripts and languages on purpose, so they do not teach language detection.
        if (!isAlias) this.vocabulary[lang].add(word);
        if (isStopWord(word)) continue;
        const key = stem(word);
        keys.push(key);
        counts.set(key, (counts.get(key) ?? 0) + weight);
      }
      return keys;
    };
    const addPhrase = (keys: string[], factor: number) => {
      if (keys.length > 0) phrases.push({ doc, keys: [...new Set(keys)], factor });
    };
    const w = TUNING.fieldWeight;
    for (const lang of LANGS) {
      addPhrase(add(entry.title[lang], w.title, lang), 1);
      add(entry.summary[lang], w.summary, lang);
      add(entry.body[lang], w.body, lang);
      for (const alias of entry.aliases[lang]) addPhrase(add(alias, w.aliases, lang, true), TUNING.aliasFactor);
    }
    return counts;
  }

  /**
   * Index keys a query key may stand for: itself; else a known beginning of it
   * (an ending the stemmer does not know: "stranam" -> "stran"); and the
   * nearest spellings fuse.js finds (misspellings).
   */
  private candidates(key: string): Candidate[] {
    if (this.keyIds.has(key)) return [{ key, similarity: 1 }];
    // Short words and numbers ("2+3" is not "2+2") must match exactly.
    if (key.length < 4 || /\d/.test(key)) return [];
    const found = new Map<string, number>();
    const keep = (candidate: string, similarity: number) => {
      if (similarity >= TUNING.minSimilarity && similarity > (found.get(candidate) ?? 0)) found.set(candidate, similarity);
    };
    for (let end = key.length - 1; end >= 4; end--) {
      const prefix = key.slice(0, end);
      if (this.keyIds.has(prefix)) {
        keep(prefix, end / key.length);
        break;
      }
    }
    // Keys much shorter or longer could not reach minSimilarity anyway.
    const spread = Math.floor(key.length * (1 - TUNING.minSimilarity));
    for (let length = key.length - spread; length <= key.length + spread; length++) {
      for (const { item, score = 1 } of this.fuzzyBuckets.get(bucketOf(key, length))?.search(key, { limit: 3 }) ?? []) {
        const lengthRatio = Math.min(item.length, key.length) / Math.max(item.length, key.length);
        keep(item, (1 - score) * lengthRatio);
      }
    }
    return [...found].map(([candidate, similarity]) => ({ key: candidate, similarity }));
  }

  private idf(key: string): number {
    const id = this.keyIds.get(key);
    return id === undefined ? this.idfFor(0) : this.idfs[id]!;
  }

  /** BM25's inverse document frequency of a key found in `df` entries. */
  private idfFor(df: number): number {
    const n = this.entries.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private unknownWeight(): number {
    return TUNING.unknownWeight * this.idfFor(0);
  }
}

/** Fuzzy bucket of a key: its first letter (o and u as one: ў is often typed as у) and a length. */
const bucketOf = (key: string, length: number) => `${key[0] === "o" ? "u" : key[0]}${length}`;

const round = (x: number) => Math.round(x * 1000) / 1000;
