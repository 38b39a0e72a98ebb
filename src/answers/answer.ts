/**
 * What to answer a question with, decided once for the chat, inline mode and
 * `npm run ask`: the section of an entry that was asked about ("erasmus
 * deadline"), that section across the programs when none is named ("ielts
 * kerakmi"), the whole card when only an entry is named, or an honest word
 * about what the knowledge does not cover: a country the department has no
 * agreement with, a question another office answers. Pure: the bot renders
 * the answer (src/bot/ui/answer-view.ts).
 */
import type { Catalog } from "../knowledge/catalog.js";
import { DEPARTMENT_CONTACT } from "../knowledge/contract.js";
import { cardLinks } from "../knowledge/describe.js";
import { programsOf, type KnowledgeBase } from "../knowledge/load.js";
import type { Entry, Lang, OutOfScopeTopic, ProgramEntry } from "../knowledge/schema.js";
import { TUNING, type SearchHit, type SearchResult } from "../search/engine.js";
import { stem, words } from "../search/normalize.js";
import { isStopWord } from "../search/stopwords.js";
import { readFacet, withoutCues, type Facet, type SectionFacet } from "./facets.js";
import { countriesNamed, countryCode, isCountryKey } from "./world-countries.js";

export type Answer =
  /** One entry: its card (`overview`) or the section asked about. */
  | { kind: "entry"; id: string; facet: Facet; alternatives: SearchHit[]; ambiguous: boolean }
  /**
   * A section asked about with no entry named: that section of each of these
   * programs; `documents`: the ids of the documents a question names ("pasport kerakmi").
   */
  | { kind: "across"; facet: SectionFacet; ids: string[]; documents?: string[] }
  /** A country of the world that is not one of the department's partners (ISO alpha-2). */
  | { kind: "other-country"; code: string }
  | { kind: "out-of-scope"; topic: OutOfScopeTopic }
  | { kind: "none" };

export interface AnsweredQuestion extends SearchResult {
  /** What the question asks about; null when nothing was found to answer. */
  facet: Facet | null;
  answer: Answer;
}

/**
 * Answers already worked out, per catalog and its revision: students ask the
 * same questions again and again ("erasmus", "koica hujjatlari"), and an
 * answer depends only on the question, the base and the learned aliases.
 */
const memos = new WeakMap<Catalog, { revision: number; answers: Map<string, AnsweredQuestion> }>();
const ANSWERS_KEPT = 2_000;

/** The answer to a question, and the search that led to it (shared: never change it). */
export function answerQuestion(catalog: Catalog, query: string): AnsweredQuestion {
  let memo = memos.get(catalog);
  if (memo?.revision !== catalog.revision) memos.set(catalog, (memo = { revision: catalog.revision, answers: new Map() }));
  let answer = memo.answers.get(query);
  if (!answer) {
    // A full memo is started afresh: questions bring new wordings forever.
    if (memo.answers.size >= ANSWERS_KEPT) memo.answers.clear();
    memo.answers.set(query, (answer = workOut(catalog, query)));
  }
  return answer;
}

function workOut(catalog: Catalog, query: string): AnsweredQuestion {
  const { kb } = catalog;
  const lang = catalog.language(query);
  const keys = words(query).map(stem);
  const outOfScope = outOfScopeTopic(kb, keys);
  // A word of the knowledge, a country or another office's topic is itself, not a misspelt cue ("joint" is not "join").
  const { facet, cueWords } = readFacet(
    query,
    (key) => outOfScope.keys.has(key) || isCountryKey(key) || catalog.knows(key),
    (key) => catalog.nearestKey(key),
  );
  const rest = withoutCues(query, new Set([...cueWords, ...keys.flatMap((k, i) => (outOfScope.keys.has(k) ? [i] : []))]));
  // A bare number ("1-kursman") names no entry; "2+2" is a word ("2plus2").
  const noEntry = (w: string) => GENERIC.has(stem(w)) || (facet !== null && ASKER.has(stem(w)));
  const hasContent = words(rest).some((w) => !isStopWord(w) && !noEntry(w) && !/^\d+$/.test(w));
  // The rest is searched as folded words, whose language is not the question's: titles in the question's language.
  const searched = words(rest).filter((w) => !noEntry(w)).join(" ");
  const found = hasContent ? catalog.search(searched) : { query: rest, lang, ambiguous: false, results: [] };
  const search = { ...found, results: found.results.map((hit) => ({ ...hit, title: kb.byId.get(hit.id)!.title[lang] })) };
  const named = hasContent ? new Set(catalog.named(searched)) : new Set<string>();
  const result = (answer: Answer, results: SearchHit[] = [], ambiguous = false): AnsweredQuestion => ({
    query,
    lang,
    ambiguous,
    results,
    // What was asked: a facet, "overview" when only an entry was named, null when nothing was found or another office answers.
    facet: answer.kind === "none" || answer.kind === "out-of-scope" ? null : (facet ?? (answer.kind === "entry" ? "overview" : null)),
    answer,
  });
  // An entry named outright counts even when the question's other words cost search its confidence ("2+2 с какого курса берут").
  const [best = namedHit(kb, named, lang)] = search.results;
  const namesEntry = best !== undefined && named.has(best.id);

  if (outOfScope.topic && !namesEntry) return result({ kind: "out-of-scope", topic: outOfScope.topic });

  const partners = partnerCodes(kb);
  const countries = countriesNamed(query);
  const foreign = countries.find((c) => !partners.has(c.code));
  const namesPartner = countries.some((c) => partners.has(c.code));
  // "Yaponiyada grant bormi": Japan, not the China internship that "grant" alone might find; "erasmus germaniya" is Erasmus.
  if (foreign && !namesPartner && !(namesEntry && kb.byId.get(best.id)?.type === "program")) return result({ kind: "other-country", code: foreign.code });

  if (!best) {
    if (facet === null) return result({ kind: "none" });
    return acrossAnswer(kb, facet, programsOf(kb), lang, result, documentsNamed(kb, keys));
  }
  if (facet === null) {
    // The card itself offers some entries (a country's programs, a program's country): not "Did you mean" again.
    const related = new Set(cardLinks(kb, kb.byId.get(best.id)!).map((e) => e.id));
    const alternatives = search.results
      .slice(1)
      .filter((hit) => !related.has(hit.id) && hit.score >= best.score * CLOSE_ALTERNATIVE)
      .slice(0, MAX_ALTERNATIVES);
    // "Did you mean" only between answers that are close, and that the card does not link to already.
    const close = search.ambiguous && alternatives.some((hit) => hit.score >= best.score * TUNING.ambiguityRatio);
    // An entry named beside words that lead elsewhere ("Qozog'istonda hamkor universitetlar bormi"): its card may not answer them.
    const ambiguous = close || (namesEntry && asksBeyond(catalog, searched, best.id, alternatives));
    return result({ kind: "entry", id: best.id, facet: "overview", alternatives, ambiguous }, search.results, ambiguous);
  }
  // A program's question is about a program: one the search found nearly as well beats a country ("2+2 rus tili" is not Russia).
  const program = search.results.find((hit) => hit.type === "program" && hit.score >= best.score * PROGRAM_OVER_OTHERS);
  return facetOf(kb, kb.byId.get(program?.id ?? best.id)!, facet, search.results, lang, result);
}

/**
 * Words that name no entry in particular: "qaysi dasturlarga IELTS kerak?"
 * asks across the programs, it does not ask about one whose text says "dastur".
 */
const GENERIC = new Set(
  words(
    `program programs programme programmes dastur dasturlar dasturlari dasturi programma программа программы программам программах программ
    abroad xorij xorijda chet el chet elda за рубежом study studies studying o'qish o'qishga o'qishni учеба учебы учиться обучение обучения
    opportunity opportunities imkoniyat imkoniyati возможность возможности borish borsa go поехать`,
  ).map(stem),
);

/**
 * Who asks, beside a section asked about: "which programs can teachers apply
 * to" asks across the programs; alone ("teachers") it still looks for an entry.
 */
const ASKER = new Set(
  words(
    `teacher teachers student students o'qituvchi o'qituvchilar talaba talabaman преподаватель преподаватели студент студентам первокурснику`,
  ).map(stem),
);

/**
 * Whether a question asks, beside the entry it names, something of its own:
 * at least two of its words (not forms of one) do not find that entry, and
 * searched alone they lead first to one of the alternatives ("hamkor
 * universitetlar" beside "Qozog'istonda" leads to the partner countries, not
 * Kazakhstan). One such word is rather a synonym the entry lacks ("договор"
 * for its "соглашение").
 */
function asksBeyond(catalog: Catalog, searched: string, id: string, alternatives: SearchHit[]): boolean {
  // Each word is a search of its own: none when no alternative or too few words could make the answer yes ("erasmus").
  const asked = words(searched).filter((w) => !isStopWord(w));
  if (alternatives.length === 0 || new Set(asked.map(stem)).size < BEYOND_WORDS) return false;
  const finds = (text: string) => catalog.search(text).results.some((hit) => hit.id === id);
  const beyond = asked.filter((w) => !finds(w));
  if (new Set(beyond.map(stem)).size < BEYOND_WORDS) return false;
  const [first] = catalog.search(beyond.join(" ")).results;
  return first !== undefined && alternatives.some((alternative) => alternative.id === first.id);
}
/** Words of a question of its own, beside an entry it names. */
const BEYOND_WORDS = 2;

/** Alternatives this close to the best are worth a button even when the engine is sure. */
const CLOSE_ALTERNATIVE = 0.6;
const MAX_ALTERNATIVES = 3;
/** For a section a program has, a program scoring this share of the best entry is the answer. */
const PROGRAM_OVER_OTHERS = 0.5;

type Result = (answer: Answer, results?: SearchHit[], ambiguous?: boolean) => AnsweredQuestion;

/** The section asked about, of the entry found or of the programs it stands for. */
function facetOf(kb: KnowledgeBase, entry: Entry, facet: SectionFacet, hits: SearchHit[], lang: Lang, result: Result): AnsweredQuestion {
  const one = (id: string) => result({ kind: "entry", id, facet, alternatives: [], ambiguous: false }, [hitFor(kb, id, hits, lang)]);
  if (entry.type === "program") return one(entry.id);
  if (facet === "contacts") return one(DEPARTMENT_CONTACT);
  if (facet === "countries" && entry.type === "topic") return acrossAnswer(kb, facet, [], lang, result);
  // A country or topic asked a program's question ("Xitoyda stajirovka hujjatlari"): the program among the hits, else its programs.
  const related = new Set((kb.related.get(entry.id) ?? []).filter((id) => kb.byId.get(id)?.type === "program"));
  const program = hits.find((hit) => related.has(hit.id));
  if (program) return one(program.id);
  if (related.size === 1) return one([...related][0]!);
  if (related.size > 1) return acrossAnswer(kb, facet, programsOf(kb).filter((p) => related.has(p.id)), lang, result);
  return one(entry.id);
}

/** A section across programs; whom to call and which countries have one answer for all. */
function acrossAnswer(kb: KnowledgeBase, facet: SectionFacet, programs: ProgramEntry[], lang: Lang, result: Result, documents: string[] = []): AnsweredQuestion {
  if (facet === "contacts") return result({ kind: "entry", id: DEPARTMENT_CONTACT, facet, alternatives: [], ambiguous: false }, [hitFor(kb, DEPARTMENT_CONTACT, [], lang)]);
  if (facet === "countries" && kb.byId.has(PARTNER_COUNTRIES)) {
    // Which countries: the topic that lists the partners, as its card.
    return result({ kind: "entry", id: PARTNER_COUNTRIES, facet: "overview", alternatives: [], ambiguous: false }, [hitFor(kb, PARTNER_COUNTRIES, [], lang)]);
  }
  const named = facet === "documents" && documents.length > 0 ? { documents } : {};
  return result({ kind: "across", facet, ids: programs.map((p) => p.id), ...named }, programs.map((p) => hitFor(kb, p.id, [], lang)));
}

/** The topic that lists the partner countries, for "which countries". */
const PARTNER_COUNTRIES = "partner-countries";

/** The entry a question names, when search found none it is sure of. */
function namedHit(kb: KnowledgeBase, named: Set<string>, lang: Lang): SearchHit | undefined {
  const [id] = named;
  return id === undefined ? undefined : hitFor(kb, id, [], lang);
}

/** A search hit for an entry the answer names: the search's own, or one with the entry's title. */
function hitFor(kb: KnowledgeBase, id: string, hits: SearchHit[], lang: Lang): SearchHit {
  const entry = kb.byId.get(id)!;
  return hits.find((hit) => hit.id === id) ?? { id, type: entry.type, title: entry.title[lang], score: 0 };
}

/**
 * Whether the answer leaves the question open: nothing found, or only "not
 * published". Such questions are what staff fill in next (/unanswered), and
 * the student is offered to ask the department.
 */
export function leavesOpen(kb: KnowledgeBase, { answer }: AnsweredQuestion): boolean {
  const program = (id: string) => {
    const entry = kb.byId.get(id);
    return entry?.type === "program" ? entry : undefined;
  };
  switch (answer.kind) {
    case "none":
      return true;
    case "entry": {
      const entry = program(answer.id);
      return answer.facet !== "overview" && entry !== undefined && !hasSection(entry, answer.facet);
    }
    case "across": {
      const programs = answer.ids.map(program).filter((p): p is ProgramEntry => p !== undefined);
      return programs.every((p) => !hasSection(p, answer.facet));
    }
    default:
      return false;
  }
}


/** Words that say "a document" without saying which. */
const ANY_DOCUMENT = new Set(words("document documents hujjat hujjatlar hujjatlari документ документы документов nusxa nusxasi копия copy").map(stem));

/** The ids of the programs' documents whose names share a word with the question ("pasport" names passport). */
function documentsNamed(kb: KnowledgeBase, keys: string[]): string[] {
  const asked = new Set(keys.filter((k) => !ANY_DOCUMENT.has(k) && !isStopWord(k)));
  const ids = new Set<string>();
  for (const program of programsOf(kb)) {
    for (const doc of program.program.documents.items) {
      const named = [doc.text.uz, doc.text.ru, doc.text.en].some((text) => words(text).some((w) => asked.has(stem(w)) && !ANY_DOCUMENT.has(stem(w))));
      if (named) ids.add(doc.id);
    }
  }
  return [...ids];
}

/** Whether a program has something published for a facet (an empty section is answered "not published" with the phone). */
export function hasSection(program: ProgramEntry, facet: SectionFacet): boolean {
  const p = program.program;
  switch (facet) {
    case "language":
      return p.eligibility.languages.length > 0;
    case "documents":
      return p.documents.items.length > 0;
    case "deadlines":
      return p.deadlines.items.length > 0;
    case "cost":
    case "duration":
      return p[facet] !== undefined;
    case "countries":
      return p.countries.length > 0;
    case "eligibility":
    case "steps":
    case "contacts":
      return true; // required by the schema
  }
}

/** Whether what a program publishes for a facet goes beyond the department's own text (the twin of hasSection). */
export function sectionToConfirm(program: ProgramEntry, facet: SectionFacet): boolean {
  const p = program.program;
  switch (facet) {
    case "eligibility":
    case "language":
      return p.eligibility.to_confirm;
    case "documents":
    case "steps":
    case "deadlines":
      return p[facet].to_confirm;
    case "cost":
    case "duration":
      return p[facet]?.to_confirm ?? false;
    case "countries":
    case "contacts":
      return program.to_confirm;
  }
}

const wordingsOf = new WeakMap<KnowledgeBase, { topic: OutOfScopeTopic; keys: string[] }[]>();

/** The out-of-scope topics' wordings as search keys, read once per base. */
function outOfScopeWordings(kb: KnowledgeBase): { topic: OutOfScopeTopic; keys: string[] }[] {
  let wordings = wordingsOf.get(kb);
  if (!wordings) {
    wordings = kb.outOfScope.flatMap((topic) =>
      [...topic.asked_as.uz, ...topic.asked_as.ru, ...topic.asked_as.en].map((wording) => ({ topic, keys: words(wording).map(stem) })).filter((w) => w.keys.length > 0),
    );
    wordingsOf.set(kb, wordings);
  }
  return wordings;
}

/** The out-of-scope topic a question asks about (every word of one of its wordings is in it), and those words. */
function outOfScopeTopic(kb: KnowledgeBase, keys: string[]): { topic?: OutOfScopeTopic; keys: Set<string> } {
  const inQuery = new Set(keys);
  const found = outOfScopeWordings(kb).find((wording) => wording.keys.every((k) => inQuery.has(k)));
  return found ? { topic: found.topic, keys: new Set(found.keys) } : { keys: new Set() };
}

const partnersOf = new WeakMap<KnowledgeBase, Set<string>>();

/** The ISO codes of the base's countries (their English titles), once per base. */
function partnerCodes(kb: KnowledgeBase): Set<string> {
  let codes = partnersOf.get(kb);
  if (!codes) {
    codes = new Set(kb.entries.flatMap((e) => (e.type === "country" ? [countryCode(e.title.en) ?? ""] : [])).filter(Boolean));
    partnersOf.set(kb, codes);
  }
  return codes;
}
