/**
 * Transliteration between Uzbek Cyrillic, Uzbek Latin and Russian.
 *
 * The Latin side follows the official Uzbek alphabet (o' g' sh ch ng). The
 * Cyrillic-to-Latin map also covers the Russian letters (щ ы ь ъ э), so one
 * function turns either language into Latin for search.
 */

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
 * Uzbek Latin to Uzbek Cyrillic ("O'zbekiston" -> "Ўзбекистон"), for readers who
 * still read Cyrillic. A word-initial "e" becomes "э" (Erasmus -> Эрасмус).
 */
export function uzLatinToCyrillic(text: string): string {
  return text.replace(LATIN_WORD, (word) => convertWord(word.replace(APOSTROPHES, "'")));
}

function convertWord(word: string): string {
  const lower = word.toLowerCase();
  // A plain "e" at the start or after a vowel is "э"; "ye" is "е" (Yevropa -> Европа, aeroport -> аэропорт).
  let cyr = (lower.startsWith("e") ? "э" + lower.slice(1) : lower).replace(/([aiou])e/g, "$1э");
  for (const [pattern, replacement] of LATIN_DIGRAPHS) cyr = cyr.replace(pattern, replacement);
  cyr = [...cyr].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join("");
  if (word === lower) return cyr;
  if (word === word.toUpperCase() && word.length > 1) return cyr.toUpperCase();
  return cyr[0]!.toUpperCase() + cyr.slice(1);
}


/** HTML tags and entities, web and e-mail addresses, @usernames, acronyms (IELTS, KOICA): the same in either script. */
const KEEP_LATIN = /(<[^>]*>|&#?\w+;|https?:\/\/\S+|\S+@\S+\.\S+|@\w+|(?<!\w)\/[a-z_]+|\b[A-Z][A-Z0-9+]+\b)/;

/** Uzbek text (plain or HTML) for Cyrillic readers: the words transliterated, markup, addresses and acronyms left as written. */
export function uzbekTextToCyrillic(text: string): string {
  return text
    .split(KEEP_LATIN)
    .map((part, i) => (i % 2 === 1 ? part : uzLatinToCyrillic(part)))
    .join("");
}
