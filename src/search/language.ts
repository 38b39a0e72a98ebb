/**
 * Which language a query is written in: uz (either script), ru or en.
 *
 * The script narrows it (Cyrillic: uz or ru; Latin: uz, en, or Russian typed
 * in Latin letters). Then
 * every word votes: for the language whose stop words or knowledge vocabulary
 * contain it, and, when it is known to neither, for the language whose
 * letter patterns (trigrams, learnt from the knowledge base) it resembles.
 * Letters only Uzbek Cyrillic has (ў қ ғ ҳ) settle it at once; o' and g'
 * lean Latin text to Uzbek.
 */
import type { Lang } from "../knowledge/schema.js";
import { APOSTROPHES, hasCyrillic } from "../text/translit.js";
import { UZBEK_SUFFIXES, words } from "./normalize.js";
import { STOP_WORDS } from "./stopwords.js";

const UZBEK_CYRILLIC_LETTERS = /[ўқғҳЎҚҒҲ]/u;
const UZBEK_APOSTROPHE = /[og]'/i;

export type Vocabulary = Record<Lang, Set<string>>;

export class LanguageDetector {
  private readonly trigrams: Record<Lang, TrigramModel>;

  constructor(private readonly vocabulary: Vocabulary) {
    this.trigrams = {
      uz: new TrigramModel([...vocabulary.uz, ...STOP_WORDS.uz]),
      ru: new TrigramModel([...vocabulary.ru, ...STOP_WORDS.ru]),
      en: new TrigramModel([...vocabulary.en, ...STOP_WORDS.en]),
    };
  }

  detect(query: string): Lang {
    if (UZBEK_CYRILLIC_LETTERS.test(query)) return "uz";
    const cyrillic = hasCyrillic(query);
    // Russian is also typed in Latin letters ("stajirovka v kitae"); English never in Cyrillic.
    const candidates: Lang[] = cyrillic ? ["uz", "ru"] : ["uz", "en", "ru"];
    const votes: Record<Lang, number> = { uz: 0, ru: 0, en: 0 };
    for (const word of words(query)) {
      let known = false;
      for (const lang of candidates) {
        if (STOP_WORDS[lang].has(word)) votes[lang] += 2;
        if (STOP_WORDS[lang].has(word) || knows(this.vocabulary[lang], word)) {
          votes[lang] += 1;
          known = true;
        }
      }
      if (!known && word.length > 2 && !/\d/.test(word)) votes[this.closestByLetters(word, candidates)] += 1;
    }
    if (!cyrillic && UZBEK_APOSTROPHE.test(query.replace(APOSTROPHES, "'"))) votes.uz += 2;
    // Russian in Latin letters is the rarer habit: it has to win clearly.
    if (!cyrillic) votes.ru -= 1.5;
    // Without a sign either way: Latin text is most likely Uzbek (most users write it so), Cyrillic Russian.
    const fallback: Lang = cyrillic ? "ru" : "uz";
    return candidates.reduce((best, lang) => (votes[lang] > votes[best] ? lang : best), fallback);
  }

  private closestByLetters(word: string, candidates: Lang[]): Lang {
    const score = (lang: Lang) => this.trigrams[lang].logLikelihood(word) + (lang === "uz" && hasUzbekEnding(word) ? 1 : 0);
    return candidates.reduce((best, lang) => (score(lang) > score(best) ? lang : best));
  }
}

/** A word, or the word without an ending (Koreyada -> koreya), is in the vocabulary. */
function knows(vocabulary: Set<string>, word: string): boolean {
  for (let end = word.length; end >= Math.min(4, word.length); end--) {
    if (vocabulary.has(word.slice(0, end))) return true;
  }
  return false;
}

const hasUzbekEnding = (word: string) => word.length > 5 && UZBEK_SUFFIXES.some((suffix) => suffix.length > 2 && word.endsWith(suffix));

/**
 * Whether most of a text's letters are Cyrillic: the script an Uzbek writer
 * reads. A name kept in the other script ("Erasmus" in a Cyrillic question)
 * does not decide it; an even split goes to Latin, Uzbek's official script.
 */
export function mostlyCyrillic(text: string): boolean {
  const count = (letters: RegExp) => text.match(letters)?.length ?? 0;
  return count(/\p{Script=Cyrillic}/gu) > count(/\p{Script=Latin}/gu);
}

/** Letter trigram frequencies of a word list, with add-one smoothing. */
class TrigramModel {
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(wordList: Iterable<string>) {
    for (const word of wordList) {
      for (const gram of trigramsOf(word)) {
        this.counts.set(gram, (this.counts.get(gram) ?? 0) + 1);
        this.total++;
      }
    }
  }

  /** Mean log-probability per trigram, so long and short words compare fairly. */
  logLikelihood(word: string): number {
    const grams = trigramsOf(word);
    const vocabularySize = this.counts.size + 1;
    const sum = grams.reduce((acc, gram) => acc + Math.log(((this.counts.get(gram) ?? 0) + 1) / (this.total + vocabularySize)), 0);
    return sum / grams.length;
  }
}

function trigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
