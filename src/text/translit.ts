/**
 * Transliteration between Uzbek Cyrillic, Uzbek Latin and Russian.
 *
 * The Latin side follows the official Uzbek alphabet (o' g' sh ch ng). The
 * Cyrillic-to-Latin map also covers the Russian letters (щ ы ь ъ э), so one
 * function turns either language into Latin for search.
 */

import { LATIN_NAMES, LOANWORDS, UZBEK_ACRONYMS } from "./uzbek-spelling.js";

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "j", з: "z", и: "i",
  й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t",
  у: "u", ф: "f", х: "x", ц: "ts", ч: "ch", ш: "sh", щ: "sh", ъ: "'", ы: "i", ь: "",
  э: "e", ю: "yu", я: "ya", ў: "o'", қ: "q", ғ: "g'", ҳ: "h", і: "i", ї: "yi", є: "ye",
};

const VOWELS = new Set("аеёиоуэюяўыі");

const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
export const hasCyrillic = (text: string): boolean => HAS_CYRILLIC.test(text);

/** Uzbek or Russian Cyrillic to Uzbek Latin ("Корея" -> "Koreya", "Ўзбекистон" -> "O'zbekiston"). */
export function cyrillicToLatin(text: string): string {
  if (!hasCyrillic(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    let latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    // "е" reads "ye" at the start of a word and after a vowel: Европа -> Yevropa.
    if (lower === "е") {
      const prev = text[i - 1]?.toLowerCase();
      if (prev === undefined || !isLetter(prev) || VOWELS.has(prev) || prev === "ъ" || prev === "ь") latin = "ye";
    }
    if (ch !== lower && latin.length > 0) {
      // Keep capitals: "Ш" -> "Sh", but "ШАШ" -> "SHASH" (an all-caps word, judged by its neighbours).
      const next = text[i + 1];
      const allCaps = next !== undefined && isLetter(next) ? isUpper(next) : isUpper(text[i - 1]);
      latin = allCaps ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    }
    out += latin;
  }
  return out;
}

const isLetter = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();
const isUpper = (ch: string | undefined) => ch !== undefined && isLetter(ch) && ch === ch.toUpperCase();

/** Every apostrophe-like mark Uzbek writers use for o' g' and the tutuq belgisi. */
const APOSTROPHE_CHARS = "ʻʼ'`‘’´ʹʽ′";
export const APOSTROPHES = new RegExp(`[${APOSTROPHE_CHARS}]`, "gu");
/** A word; an apostrophe belongs to it only between letters (o'qish), not as a quotation mark. */
const LATIN_WORD = new RegExp(`\\p{L}(?:\\p{L}|[${APOSTROPHE_CHARS}](?=\\p{L}))*`, "gu");

const LATIN_DIGRAPHS: [RegExp, string][] = [
  // The apostrophe in Is'hoq only keeps s and h apart: Исҳоқ.
  [/s'h/g, "сҳ"],
  [/o'/g, "ў"],
  [/g'/g, "ғ"],
  [/sh/g, "ш"],
  [/ch/g, "ч"],
  [/yo/g, "ё"],
  [/yu/g, "ю"],
  [/ya/g, "я"],
  [/ye/g, "е"],
];

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а", b: "б", d: "д", e: "е", f: "ф", g: "г", h: "ҳ", i: "и", j: "ж", k: "к",
  l: "л", m: "м", n: "н", o: "о", p: "п", q: "қ", r: "р", s: "с", t: "т", u: "у",
  v: "в", x: "х", y: "й", z: "з", c: "с", w: "в", "'": "ъ",
};

/**
 * Where Russian and international words have ц, as the official orthographies
 * write them: Latin ts after a vowel before i + vowel or e (Federatsiya,
 * motivatsion, dotsent, litsey), and s after n or k before i + vowel
 * (konferensiya, Fransiya, potensial, leksiya). Uzbek words never have these
 * (ketsin, otsiz, yonsin keep their с).
 */
const LOANWORD_TS = /(?<=[aeiouyэ])ts(?=i[aeiouy]|e)/g;
const LOANWORD_NS = /(?<=[nk])s(?=i[aoy])/g;

/**
 * Endings an Uzbek word takes after a loanword's stem (fakultet-i-ga, yanvar-dan, konsert-lar-i), at most five in a
 * row (kitob-lar-imiz-dagi-lar-ning is about the longest): the endings overlap ("im" is "i" + "m"), so an unbounded
 * repeat would try exponentially many splits of a long run that fails to match.
 */
const UZBEK_ENDINGS = "(?:lar|ning|ni|ga|ka|qa|da|dan|dagi|gacha|cha|gi|ki|i|si|im|ing|imiz|ingiz|iz|m|ng|miz|ngiz|mi|dir|dek|day|lik|li|siz|chi|ku|gina){0,5}";
const LOANWORD = new RegExp(`^(${Object.keys(LOANWORDS).sort((a, b) => b.length - a.length).join("|")})(${UZBEK_ENDINGS})$`);

/** An acronym with an Uzbek ending: JDPUda, KOICAning, README'ga. */
const ACRONYM_WITH_ENDING = /^([A-Z]{2,}[A-Z0-9]*)('?)([a-z][a-z']*)$/;

/**
 * Uzbek Latin to Uzbek Cyrillic ("O'zbekiston" -> "Ўзбекистон", "Fransiyada"
 * -> "Францияда"), for readers who still read Cyrillic: Uzbek acronyms in
 * Cyrillic letters (JDPU -> ЖДПУ), loanwords spelled as Cyrillic Uzbek spells
 * them (fakultet -> факультет), a word-initial "e" as "э" (ekspert -> эксперт)
 * but "ye" as "е" (Yevropa -> Европа).
 */
export function uzLatinToCyrillic(text: string): string {
  return text.replace(LATIN_WORD, (word) => convertWord(word.replace(APOSTROPHES, "'")));
}

function convertWord(word: string): string {
  const acronym = UZBEK_ACRONYMS[word];
  if (acronym) return acronym;
  const withEnding = ACRONYM_WITH_ENDING.exec(word);
  if (withEnding) {
    const [, acronym, apostrophe, ending] = withEnding;
    return (UZBEK_ACRONYMS[acronym!] ?? acronym!) + apostrophe + spell(ending!);
  }
  const lower = word.toLowerCase();
  const cyr = loanword(lower) ?? spell(lower);
  if (word === lower) return cyr;
  if (word === word.toUpperCase() && word.length > 1) return cyr.toUpperCase();
  return cyr[0]!.toUpperCase() + cyr.slice(1);
}

/** A loanword of the dictionary, with the Uzbek endings after it; its final ь goes before an ending (январь, январдан). */
function loanword(lower: string): string | undefined {
  const found = LOANWORD.exec(lower);
  if (!found) return undefined;
  const [, stem, ending] = found;
  const cyrillic = LOANWORDS[stem!]!;
  return ending ? cyrillic.replace(/ь$/, "") + spell(ending) : cyrillic;
}

/** A lowercase word by the rules. A plain "e" at the start or after a vowel is "э"; "ye" is "е" (Yevropa -> Европа, aeroport -> аэропорт). */
function spell(lower: string): string {
  let cyr = (lower.startsWith("e") ? "э" + lower.slice(1) : lower).replace(/([aiou])e/g, "$1э");
  cyr = cyr.replace(LOANWORD_TS, "ц").replace(LOANWORD_NS, "ц");
  for (const [pattern, replacement] of LATIN_DIGRAPHS) cyr = cyr.replace(pattern, replacement);
  return [...cyr].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join("");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What reads the same in either script: HTML tags and entities, code, web and
 * e-mail addresses, @usernames, /commands, setting names (STAFF_CHAT_ID), B2 and
 * the names written in Latin letters (LATIN_NAMES), whose Uzbek ending is
 * converted (KOICAning -> KOICAнинг).
 */
const AS_WRITTEN = [
  String.raw`<code>[\s\S]*?</code>`,
  String.raw`<[^>]*>`,
  String.raw`&#?\w+;`,
  String.raw`https?://\S+`,
  String.raw`\S+@\S+\.\S+`,
  String.raw`@\w+`,
  String.raw`(?<!\w)/[a-z_]+`,
  String.raw`\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b`,
  String.raw`\b[ABC][12]\b`, // CEFR levels
  String.raw`(?<![\p{L}\d])(?:${[...LATIN_NAMES].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})(?='?${UZBEK_ENDINGS}(?![A-Za-z]))`,
];
const AS_WRITTEN_PARTS = new RegExp(`(${AS_WRITTEN.join("|")})`, "u");
/** Besides those, an acronym that is not Uzbek (DAAD) stays as written; the Uzbek ones go to Cyrillic (JDPU -> ЖДПУ). */
const OTHER_ACRONYM = String.raw`\b(?!(?:${Object.keys(UZBEK_ACRONYMS).join("|")})\b)[A-Z][A-Z0-9+]+\b`;
const KEEP_LATIN = new RegExp(`(${[...AS_WRITTEN, OTHER_ACRONYM].join("|")})`, "u");

/** Uzbek text (plain or HTML) for Cyrillic readers: the words converted, markup, addresses and Latin names left as written. */
export function uzbekTextToCyrillic(text: string): string {
  return text
    .split(KEEP_LATIN)
    .map((part, i) => (i % 2 === 1 ? part : uzLatinToCyrillic(part)))
    .join("");
}

/** The Latin words a Cyrillic text holds besides what reads the same in either script: none in good Uzbek Cyrillic. */
export function latinWordsIn(cyrillic: string): string[] {
  return cyrillic
    .split(AS_WRITTEN_PARTS)
    .filter((_, i) => i % 2 === 0)
    .flatMap((part) => part.match(/[A-Za-z]+/g) ?? []);
}
