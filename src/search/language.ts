/**
 * Which language a query is written in: uz (either script), ru or en.
 *
 * The script narrows it to two (Cyrillic: uz or ru; Latin: uz or en); then each
 * word votes for the languages whose stop words or knowledge vocabulary
 * contain it. Letters only Uzbek Cyrillic has (ў қ ғ ҳ) settle it at once;
 * o' g' and q lean Latin text to Uzbek, w, c and th to English.
 */
import type { Lang } from "../knowledge/schema.js";
import { APOSTROPHES, hasCyrillic } from "../text/translit.js";
import { words } from "./normalize.js";
import { STOP_WORDS } from "./stopwords.js";

const UZBEK_CYRILLIC_LETTERS = /[ўқғҳЎҚҒҲ]/u;
const UZBEK_LATIN_MARKS = /[og]'|q(?!u)/i;
/** Endings of Uzbek words (plural, possessive, case, -iston), in folded spelling. */
const UZBEK_ENDINGS = /(lar|lari|larni|larda|larga|ning|dagi|iston|imiz|ingiz|mi|chi|dan)$/;
/** The Uzbek Latin alphabet has no w, and c only in ch. */
const ENGLISH_MARKS = /w|c(?!h)|th/i;

export type Vocabulary = Record<Lang, Set<string>>;

export function detectLanguage(query: string, vocabulary: Vocabulary): Lang {
  if (UZBEK_CYRILLIC_LETTERS.test(query)) return "uz";
  const cyrillic = hasCyrillic(query);
  const [other, fallback]: [Lang, Lang] = cyrillic ? ["ru", "ru"] : ["en", "uz"];
  const votes = { uz: 0, [other]: 0 } as Record<Lang, number>;
  for (const word of words(query)) {
    for (const lang of ["uz", other] as Lang[]) {
      if (STOP_WORDS[lang].has(word)) votes[lang] += 2;
      if (knows(vocabulary[lang], word)) votes[lang] += 1;
    }
    if (word.length > 4 && UZBEK_ENDINGS.test(word)) votes.uz += 1;
  }
  if (!cyrillic && UZBEK_LATIN_MARKS.test(query.replace(APOSTROPHES, "'"))) votes.uz += 2;
  if (!cyrillic && ENGLISH_MARKS.test(query)) votes.en += 2;
  if (votes.uz === votes[other]) return fallback;
  return votes.uz > votes[other] ? "uz" : other;
}

/** A word, or the word without an ending (Koreyada -> koreya), is in the vocabulary. */
function knows(vocabulary: Set<string>, word: string): boolean {
  for (let end = word.length; end >= Math.min(4, word.length); end--) {
    if (vocabulary.has(word.slice(0, end))) return true;
  }
  return false;
}
