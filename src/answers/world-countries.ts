/**
 * The countries of the world by name, in uz, ru and en (and Uzbek Cyrillic,
 * which search folds to Latin), from i18n-iso-countries: a question about
 * Japan is about a country the department has no agreement with, not a
 * misspelling of one it has. Names are matched as search reads words
 * (src/search/normalize.ts), so "Yaponiyada", "в Японии" and "Japan" meet.
 */
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import type { LocaleData } from "i18n-iso-countries";
import { stem, words } from "../search/normalize.js";
import { isStopWord } from "../search/stopwords.js";
import type { Lang } from "../knowledge/schema.js";
import { uzbekTextToCyrillic } from "../text/translit.js";

const require = createRequire(import.meta.url);
const LANGS: Lang[] = ["uz", "ru", "en"];
for (const lang of LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as LocaleData);

/**
 * The short names students use where the library has only the official one
 * ("Amerika" for "Amerika Qo'shma Shtatlari"); the library's own names stay
 * the source, these only add spellings of them.
 */
const SPOKEN_NAMES: Record<string, string[]> = {
  US: ["Amerika", "AQSH", "Америка", "Америке", "Америку", "Америкада"],
  GB: ["Angliya", "Англия", "England", "Britaniya", "Британия"],
  KR: ["Koreya", "Корея", "Korea"],
  AE: ["BAA", "ОАЭ", "UAE", "Dubay", "Дубай", "Dubai"],
  DE: ["Germaniya", "Германия"],
};

/** A name as search reads it: its keys, and (for a one-word name of few letters) the word itself. */
interface Name {
  code: string;
  keys: string[];
  /** A short one-word name must be written out (endings may follow): "Mali" and "Kanadada" are countries, "мало" (few) is not. */
  exact?: string;
}

/** Keys this short are too common to stand for a country unless written out. */
const SHORT_KEY = 4;

function namesOfTheWorld(): Map<string, Name[]> {
  const byFirstKey = new Map<string, Name[]>();
  const add = (code: string, name: string) => {
    const folded = words(name);
    const keys = folded.filter((w) => !isStopWord(w) && w.length > 1).map(stem);
    if (keys.length === 0) return;
    const entry: Name = { code, keys: [...new Set(keys)], ...(keys.length === 1 && keys[0]!.length < SHORT_KEY ? { exact: folded.join(" ") } : {}) };
    const list = byFirstKey.get(entry.keys[0]!) ?? [];
    list.push(entry);
    byFirstKey.set(entry.keys[0]!, list);
  };
  for (const lang of LANGS) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: "all" }))) for (const name of names) add(code, name);
  }
  for (const [code, names] of Object.entries(SPOKEN_NAMES)) for (const name of names) add(code, name);
  return byFirstKey;
}

const NAMES = namesOfTheWorld();

export interface CountryMention {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** The positions of the query words that name it. */
  words: number[];
}

/**
 * The countries a text names, each once, the longest name first ("Janubiy
 * Koreya" is South Korea, not Korea as such).
 */
export function countriesNamed(text: string): CountryMention[] {
  const folded = words(text);
  const keys = folded.map(stem);
  const found = new Map<string, CountryMention>();
  keys.forEach((key, i) => {
    for (const name of NAMES.get(key) ?? []) {
      if (name.exact !== undefined && !folded[i]!.startsWith(name.exact)) continue;
      const at = name.keys.map((k) => keys.indexOf(k));
      if (at.some((p) => p < 0)) continue;
      const previous = found.get(name.code);
      if (!previous || previous.words.length < at.length) found.set(name.code, { code: name.code, words: at });
    }
  });
  // A word that is part of a longer name of another country ("Koreya" in "Shimoliy Koreya") is not a country of its own.
  const mentions = [...found.values()].sort((a, b) => b.words.length - a.words.length);
  const used = new Set<number>();
  return mentions.filter((m) => {
    if (m.words.every((w) => used.has(w))) return false;
    m.words.forEach((w) => used.add(w));
    return true;
  });
}

/** A country's name in a language (the library's, e.g. "Yaponiya", "Япония", "Japan"). */
export const countryName = (code: string, lang: Lang): string => countries.getName(code, lang) ?? code;

const UZBEK_CYRILLIC_NAMES = new Intl.DisplayNames(["uz-Cyrl"], { type: "region", fallback: "none" });

/**
 * A country's name in Uzbek Cyrillic, as CLDR writes it ("Франция",
 * "Швейцария", "Польша"): converting the Latin name cannot know such loanwords.
 */
export const uzbekCyrillicCountryName = (code: string): string => UZBEK_CYRILLIC_NAMES.of(code) ?? uzbekTextToCyrillic(countryName(code, "uz"));

/**
 * The code of a country named in English, for the base's partner countries:
 * "South Korea" -> KR; a title with another name in brackets by either
 * ("Turkey (Türkiye)" -> TR, "United Kingdom (England)" -> GB).
 */
export function countryCode(englishTitle: string): string | undefined {
  const [, name, other] = /^(.*?)\s*(?:\((.*)\))?$/.exec(englishTitle.trim())!;
  return [englishTitle, name, other].filter((n): n is string => !!n).map((n) => countries.getAlpha2Code(n, "en")).find(Boolean);
}

/** Whether a search key is part of some country's name: such a word is itself, never a misspelling of another. */
export const isCountryKey = (key: string): boolean => NAMES.has(key);
