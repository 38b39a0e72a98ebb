/**
 * Reading what an applicant types, as people type it: a GPA ("4,2", "85 ball",
 * "4,3 из 5", "100 dan 85", "GPA: 85"), a score or level ("6.5",
 * "IELTS 6.5", "4-daraja", "B2", "В2" in Cyrillic letters), a year of study
 * ("2-kurs"), a certificate with its result at once ("IELTS 6.5"), and whether
 * a message is a question rather than an answer. Only numbers and the words
 * that go with them are read: a sentence with other words is not an answer.
 * A value that cannot be right gets a reason, so the question can be asked
 * again with a clear message.
 */
import { EXAMS, EXAM_IDS, cefrLevel, type Exam } from "../knowledge/schema.js";
import { fold } from "../search/normalize.js";
import type { Certificate, Gpa } from "./rules.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: "not-a-number" | "out-of-range" };

type Scale = Gpa["scale"];
const SCALES: readonly number[] = [5, 100];

/** A number ("4,3", "-2"), a word (with its apostrophes: o'rtacha), or a slash; anything else (":", brackets) separates. */
const TOKEN = /(?<![\p{L}\p{N}])-?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[\p{L}'ʻʼ`‘’]+|\//gu;

type Token = { number: number } | { word: string };

/** The text's tokens, words folded to lowercase Latin ("балл" is "ball", "ТРКИ" is "trki"). */
function tokens(text: string): Token[] {
  const read = [...text.normalize("NFKC").matchAll(TOKEN)].map(([token]): Token =>
    /\d/.test(token) ? { number: Number(token.replace(",", ".")) } : { word: token === "/" ? "/" : fold(token).replace(/ /g, "") },
  );
  // A quotation mark alone folds to nothing.
  return read.filter((t) => !("word" in t) || t.word !== "");
}

/** Words that say nothing more around a number: units, "GPA", "my ... is". */
const FILLER = new Set([
  // Units and "points": ball, балл, баллов, баллы, балла, бал; points.
  ...["ball", "balli", "ballim", "ballingiz", "ballar", "bal", "balla", "ballov", "points", "point", "pts"],
  // What the number is: GPA, average, score, overall, result.
  ...["gpa", "jpa", "ortacha", "ortachasi", "sredniy", "average", "score", "overall", "band", "natija", "natijam", "natijasi", "rezultat", "total"],
  // "My GPA is", "menda", "у меня", "примерно".
  ...["my", "is", "its", "mening", "menda", "meniki", "u", "menya", "moy", "about", "around", "taxminan", "okolo", "primerno"],
  // Levels: level, уровень, daraja.
  ...["level", "uroven", "urovnya", "urovne", "daraja", "darajasi", "darajam", "darajali"],
  // Ordinal endings: "4-го уровня", "2-й".
  ...["go", "y"],
]);

/** Before a scale: "4,3 out of 5", "из 5", "4.3/5", "4.3 dan 5". */
const OUT_OF = new Set(["/", "of", "out", "iz"]);
/** Uzbek "dan" (from) goes either way round: "4.3 dan 5", "100 dan 85", "5 balldan 4,3". */
const FROM = new Set(["dan", "balldan"]);
/** After a scale: "5 ballik", "5-балльной", "100 point scale". */
const SCALE_MARK = new Set(["ballik", "ballnoy", "ballnaya", "scale", "shkala", "shkale", "tizim", "tizimda", "tizimida"]);

type Reading = { value: number; of?: number } | { scale: number };

/**
 * A number with the scale it was given on, if any ("85", "85 ball", "4,3 из 5",
 * "100 dan 85"), or a scale alone ("5 ballik", "из 100"); undefined when
 * other words are in it.
 */
function readNumber(text: string, also: ReadonlySet<string> = new Set()): Reading | undefined {
  const numbers: number[] = [];
  let ofIndex: number | undefined; // the place in `numbers` of the one after "out of"
  let fromSeen = false;
  let markedScale: number | undefined; // the place of the number before "ballik"
  for (const token of tokens(text)) {
    if ("number" in token) {
      numbers.push(token.number);
      continue;
    }
    const { word } = token;
    if (FILLER.has(word) || also.has(word)) continue;
    if (OUT_OF.has(word)) ofIndex = numbers.length;
    else if (FROM.has(word)) fromSeen = true;
    else if (SCALE_MARK.has(word) && numbers.length > 0) markedScale = numbers.length - 1;
    else if (!SCALE_MARK.has(word)) return undefined;
  }
  if (numbers.length === 1) {
    const [only] = numbers as [number];
    if (markedScale === 0 || ofIndex === 0) return { scale: only };
    return ofIndex === undefined ? { value: only } : undefined;
  }
  if (numbers.length !== 2) return undefined;
  const [a, b] = numbers as [number, number];
  const scaleAt = ofIndex ?? markedScale ?? (fromSeen ? (SCALES.includes(b) && b >= a ? 1 : 0) : undefined);
  if (scaleAt === undefined) return undefined;
  return scaleAt === 1 ? { value: a, of: b } : { value: b, of: a };
}

/**
 * A GPA. On the scale the applicant chose, unless they wrote one ("85/100",
 * "4,3 из 5"); with no scale chosen (typed before the scale question was
 * answered) it is inferred: over 5 is out of 100; 5 or under (4,3 or a bare
 * 4) is out of 5, as a GPA of 4 out of 100 is not one anybody reports.
 */
export function parseGpa(text: string, scale?: Scale): Parsed<Gpa> {
  const read = readNumber(text);
  if (read === undefined || "scale" in read) return { ok: false, reason: "not-a-number" };
  if (read.of !== undefined && !SCALES.includes(read.of)) return { ok: false, reason: "not-a-number" };
  const stated = (read.of ?? scale ?? (read.value > 5 ? 100 : 5)) as Scale;
  if (read.value <= 0 || read.value > stated) return { ok: false, reason: "out-of-range" };
  return { ok: true, value: { value: read.value, scale: stated } };
}

/** The scale typed at the scale question: "5", "100", "5 ballik", "из 100"; a bare 5 there is the scale, not a GPA. */
export function parseScale(text: string): Scale | undefined {
  const read = readNumber(text);
  const scale = read && ("scale" in read ? read.scale : /^\s*\d+\s*$/.test(text) ? read.value : undefined);
  return scale !== undefined && SCALES.includes(scale) ? (scale as Scale) : undefined;
}

/** How people write each certificate's name, folded ("ТРКИ" is "trki", "milliy sertifikat" two words). */
const EXAM_NAMES: Record<Exam, readonly string[]> = {
  ielts: ["ielts", "ilts", "aylts", "ayelts", "iyelts"],
  toefl: ["toefl", "tofl", "toyefl", "toyfl"],
  topik: ["topik"],
  hsk: ["hsk", "xsk"],
  russian: ["torfl", "trki"],
  cefr: ["cefr", "sefr"],
  // Named by its first word ("milliy sertifikat", "национальный сертификат"); "sertifikat" alone names no exam.
  national: ["milliy", "natsionalniy", "national"],
};
const CERTIFICATE_WORDS = ["sertifikat", "sertifikati", "sertifikatim", "certificate"];

/** Every folded name of any certificate, as words a score may come with ("IELTS 6.5"). */
const ANY_EXAM_NAME = new Set([...Object.values(EXAM_NAMES).flat(), ...CERTIFICATE_WORDS]);

/**
 * A score or level of the given exam: one the exam can give (IELTS 0-9 by
 * halves, TOEFL 0-120, TOPIK and HSK levels 1-6, TORFL 1-4, a CEFR level;
 * "6.5", "IELTS 6.5", "4-daraja", "B2", "В2").
 */
export function parseScore(exam: Exam, text: string): Parsed<number> {
  const { min, max, step, unit } = EXAMS[exam];
  let value: number | undefined;
  if (unit === "cefr") {
    value = readLevel(text);
  } else {
    const read = readNumber(text, ANY_EXAM_NAME);
    if (read === undefined || "scale" in read || read.of !== undefined) return { ok: false, reason: "not-a-number" };
    value = read.value;
  }
  if (value === undefined) return { ok: false, reason: "not-a-number" };
  if (value < min || value > max || !Number.isInteger(value / step)) return { ok: false, reason: "out-of-range" };
  return { ok: true, value };
}

/** Cyrillic letters typed for the Latin A, B and C of a level: "В2" (looks like B), "Б2" (sounds like it), "С1". */
const LEVEL_LETTER: Record<string, string> = { а: "a", в: "b", б: "b", с: "c", a: "a", b: "b", c: "c" };
const LEVEL = /(?<![\p{L}\p{N}])([abcавбс])\s*-?\s*([12])(?![\p{L}\p{N}])/giu;

/** A CEFR level's place (B2 is 4) in a text with nothing else but certificate words ("B2", "milliy sertifikat B2", "уровень В2"). */
function readLevel(text: string): number | undefined {
  const found = [...text.matchAll(LEVEL)];
  if (found.length !== 1) return undefined;
  const [whole, letter, digit] = found[0]!;
  const rest = tokens(text.replace(whole, " "));
  if (!rest.every((t) => "word" in t && (FILLER.has(t.word) || ANY_EXAM_NAME.has(t.word)))) return undefined;
  return cefrLevel(`${LEVEL_LETTER[letter!.toLowerCase()]}${digit}`);
}

/**
 * A certificate named with its result, typed where the flow asks which one:
 * "IELTS 6.5", "HSK 4", "CEFR B2", "milliy sertifikat B2". Undefined when no
 * certificate is named, or its result is not one it gives.
 */
export function parseCertificate(text: string): Certificate | undefined {
  const words = new Set(tokens(text).flatMap((t) => ("word" in t ? [t.word] : [])));
  const named = EXAM_IDS.filter((exam) => EXAM_NAMES[exam].some((name) => words.has(name)));
  if (named.length !== 1) return undefined;
  const exam = named[0]!;
  const score = parseScore(exam, text);
  return score.ok ? { exam, score: score.value } : undefined;
}

/** Year words: kurs, курс, year, курсе. */
const YEAR_WORDS = new Set(["kurs", "kursda", "kursdaman", "kurse", "year", "st", "nd", "rd", "th"]);

/** A year of study typed as people write it: "2", "2-kurs", "2 курс", "2nd year", "year 2"; from 1 to `max`. */
export function parseYear(text: string, max: number): number | undefined {
  const read = readNumber(text.replace(/(\d)(st|nd|rd|th)\b/giu, "$1 $2"), YEAR_WORDS);
  if (read === undefined || "scale" in read || read.of !== undefined) return undefined;
  return Number.isInteger(read.value) && read.value >= 1 && read.value <= max ? read.value : undefined;
}

/** Asking words: a message with one reads as a question (folded: "қанча" is "qancha", "сколько" "skolko"). */
const ASKING = new Set([
  // uz
  ...["qanday", "qanaqa", "qancha", "qachon", "qayer", "qayerda", "qayerga", "qayerdan", "qaysi", "nima", "nimalar", "kim", "kimga", "nega", "nechta"],
  ...["kerak", "kerakmi", "bormi", "mumkinmi", "boladimi", "yoqmi"],
  // ru
  ...["chto", "kak", "kakoy", "kakaya", "kakiye", "kakie", "kakix", "skolko", "kogda", "gde", "kuda", "otkuda", "kto", "komu", "zachem", "pochemu", "li"],
  ...["mojno", "nujen", "nujno", "nujna", "nujni", "nado", "trebuyetsya", "trebuetsya"],
  // en
  ...["what", "whats", "how", "when", "where", "which", "who", "whom", "whose", "why", "need", "needed", "required"],
]);
/** English asks with these only at the start: "can I apply", "is there a grant". */
const ASKING_FIRST = new Set(["can", "could", "should", "do", "does", "did", "is", "are", "will", "may"]);

/** Whether a message reads as a question: a question mark, or an asking word ("telefon raqami kerak", "сколько стоит"). */
export function isQuestion(text: string): boolean {
  if (/[?？؟]/u.test(text)) return true;
  const words = tokens(text).flatMap((t) => ("word" in t ? [t.word] : []));
  return words.some((w) => ASKING.has(w)) || (words.length > 1 && ASKING_FIRST.has(words[0]!));
}
