/**
 * Text normalisation for search: every script and spelling a student might
 * use is folded into one Latin key space, so "Корея", "Koreya" and "korea"
 * meet. These keys are lossy on purpose and are never shown to anyone.
 */
import { APOSTROPHES, cyrillicToLatin } from "../text/translit.js";

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Characters that show nothing: zero-width spaces and joiners, the word
 * joiner, the BOM, soft hyphens, bidi controls, variation selectors. Pasted
 * text carries them inside words ("e\u200Bras\u200Bmus" looks like erasmus),
 * so they are dropped, not read as a break between words.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

export const withoutInvisibles = (text: string): string => text.replace(INVISIBLE, "");

/** Numbers as students spell them in a program's name (in Latin letters: Cyrillic is transliterated first). */
const NUMBER_WORDS: Record<string, string> = { one: "1", bir: "1", odin: "1", two: "2", ikki: "2", dva: "2", three: "3", uch: "3", tri: "3" };
const NUMBER = `\\d|${Object.keys(NUMBER_WORDS).join("|")}`;
const SPELT_SUM = new RegExp(`(?<![\\p{L}\\p{N}])(${NUMBER})\\s*(?:\\+|plus|plyus|pilus)\\s*(${NUMBER})(?![\\p{L}\\p{N}])`, "gu");
const digitOf = (word: string) => NUMBER_WORDS[word] ?? word;

/** Lowercase Latin words: Cyrillic transliterated, diacritics and apostrophes gone. */
export function fold(text: string): string {
  let s = withoutInvisibles(text).normalize("NFC").toLowerCase();
  s = cyrillicToLatin(s.replace(APOSTROPHES, "'"));
  // "2+2", "3 + 1", "2 plus 2", "два плюс два", "uch plyus bir" are program names, not arithmetic: one word, "2plus2".
  s = s.replace(SPELT_SUM, (_, a: string, b: string) => `${digitOf(a)}plus${digitOf(b)}`);
  // Latin diacritics (é, ş, ü) go; plain ASCII, most text by now, skips the work.
  if (NON_ASCII.test(s)) s = s.normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/g, "i");
  return s.replace(/'/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

export function words(text: string): string[] {
  const folded = fold(text);
  return folded === "" ? [] : folded.split(" ");
}

/** Spellings that differ between Uzbek, Russian and English transliteration. */
const PHONETIC: [RegExp, string][] = [
  [/dzh|dj|zh/g, "j"],
  [/kh/g, "x"],
  [/ph/g, "f"],
  // Uzbek writers mix up h and x (hamkorlik, xamkorlik); sh and ch keep their h.
  [/(?<![sc])h/g, "x"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/y([aeou])/g, "$1"],
  [/y/g, "i"],
  [/(.)\1+/g, "$1"],
];

/**
 * Endings of Uzbek (agglutinative), Russian (case) and English (plural) words,
 * in their phonetic-key spelling, longest first. Stripping them is crude but
 * the same on both sides of a match, which is all search needs.
 */
/** Uzbek endings, the same in folded and key spelling; language detection uses them too. */
export const UZBEK_SUFFIXES = [
  "larining", "laridan", "laridagi", "larida", "lariga", "larini", "larni", "larda", "larga", "lardan", "lari", "lar",
  "dagi", "ning", "imiz", "ingiz", "dan", "da", "ga", "ka", "ni", "chi", "si",
];
const SUFFIXES = [
  ...UZBEK_SUFFIXES,
  "ax", "ov", "ev", "om", "em", "oi", "ei", "ogo", "ego", "omu", "emu", "ix",
  "ies", "ing", "ed",
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** The search key of one folded word: phonetic spelling, endings stripped. */
export function stem(word: string): string {
  let key = stemCache.get(word);
  if (key === undefined) {
    // Queries bring new words forever; a full cache is simply started afresh.
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    key = computeStem(word);
    stemCache.set(word, key);
  }
  return key;
}

function computeStem(word: string): string {
  if (/\d/.test(word)) return word; // 1999, 2plus2: nothing to normalise
  let s = word;
  for (const [pattern, replacement] of PHONETIC) s = s.replace(pattern, replacement);
  // English plural first, so "trainings" and "training" lose the same ending;
  // but not the "s" of Erasmus, Belarus, business.
  if (s.length > MIN_STEM + 1 && /[^sui]s$/.test(s)) s = s.slice(0, -1);
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length - x.length >= MIN_STEM + 1);
    if (!suffix) break;
    s = s.slice(0, -suffix.length);
  }
  while (s.length > MIN_STEM && /[aeiou]$/.test(s)) s = s.slice(0, -1);
  return s;
}
