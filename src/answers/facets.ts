/**
 * What a question asks about: its facet ("when is the deadline for erasmus"
 * asks about deadlines, "эразмус учун қандай ҳужжатлар керак" about
 * documents). Cue words and phrases per facet, in uz (Latin; Cyrillic is
 * folded to it), ru and en, read through the same folding and stemming as
 * search (src/search/normalize.ts), so endings and scripts do not matter.
 * A misspelt cue ("dedlain", "documnets") still counts, unless the word is a
 * real word of its own (`isKnownWord`): "kontrakt" is not "kontakt".
 */
import { similarity } from "../search/group-queries.js";
import { stem, words } from "../search/normalize.js";

export const FACETS = ["overview", "eligibility", "language", "documents", "steps", "deadlines", "cost", "duration", "contacts", "countries"] as const;
export type Facet = (typeof FACETS)[number];

/** Facets a program has a section for; the other (overview) is the whole card. */
export const SECTION_FACETS = FACETS.filter((f): f is Exclude<Facet, "overview"> => f !== "overview");
export type SectionFacet = (typeof SECTION_FACETS)[number];

const WEIGHT_OF_MARK: Record<string, number> = { "!": 2, "+": 1.5, "-": 0.5, "~": 0.25 };

/**
 * Cues, comma-separated; a cue of several words counts when they come in this
 * order, side by side. `!` before a cue doubles its weight: a phrase that
 * settles the facet ("how long", "qancha muddat") outweighs a single word
 * that alone would point elsewhere ("muddat" alone is a deadline). `+` is a
 * word that names its facet more surely than most ("ielts" over
 * "requirement"), `-` one that often means something else ("kurs" is a year
 * of study, and a course); weak cues (`~`) count only when nothing else does ("when erasmus").
 */

const CUES: Record<SectionFacet, string> = {
  eligibility: `
    eligible, eligibility, !who can apply, !who can participate, !who may apply, can i apply, can i participate, requirement,
    requirements, criteria, criterion, gpa, grade, grades, !year of study, course year, !first year, !1st year, !second year, !2nd year, !who can join, !can i apply, !can i join,
    !can teachers, !can students, !can she, !can he, !can my, freshman, first-year, qualify, !am i eligible, age, allowed,
    !кто может, требования, требование, критерии, условия, условие, !средний балл, балл, баллы, !на каком курсе, -курс, -курса, возраст,
    подхожу, !могу ли я, участвовать, участия, !кто может участвовать, !на 1 курсе, !1 курс, !могу подать, первокурсник, первокурснику,
    первокурсникам, !с какого курса,
    talab, talablar, talablari, talabi, shart, shartlar, shartlari, sharti, gpa, !o'rtacha ball, ball, -kurs, -kursi, !nechanchi kurs,
    yosh chegarasi, !kim qatnasha oladi, !kimlar qatnasha oladi, qatnasha olamanmi, qatnashish, qatnashsa, ~kimlar, !topshira olaman,
    !topshira olamanmi, kursman, !1 kurs`,
  language: `
    +ielts, +toefl, +topik, +hsk, +cefr, duolingo, +torfl, -russian, !russian language, !korean language, !chinese language, !language certificate, !language requirement, certificate, english level,
    !level of english, !language level, band, english, language, -test, !english test, !language test,
    +айелтс, +айлтс, +тофл, +топик, +трки, !русский язык, !корейский язык, !китайский язык, !русского языка, !языковой сертификат, сертификат, сертификата, язык, языка, !уровень языка, английский,
    !знание языка, !уровень английского,
    sertifikat, sertifikati, sertifikatlar, !til sertifikati, til, tili, !ingliz tili, ingliz, !til bilish, darajasi, !milliy sertifikat,
    multilevel, !rus tili, !koreys tili, !xitoy tili, tilni, tilini, !tilni bilish, !qaysi tilni, -русского, -белорусский, !нужно знать`,
  documents: `
    document, documents, docs, doc, paper, papers, paperwork, passport, transcript, cv, resume, !motivation letter, !recommendation letter,
    diploma, !what do i need, !need to bring, !what is needed,
    документ, документы, документов, документа, доки, доков, справка, справки, паспорт, загранпаспорт, !мотивационное письмо, резюме, диплом,
    !рекомендательное письмо, !что нужно, !какие бумаги, бумаги,
    hujjat, hujjatlar, hujjatlari, hujjatlarni, pasport, pasporti, zagranpasport, diplom, rezyume, !motivatsion xat, qog'oz, qog'ozlar,
    !tavsiya xati, spravka, ma'lumotnoma, !nimalar kerak`,
  steps: `
    apply, applying, application, !how to apply, !how do i apply, !how can i apply, register, registration, submit, procedure, process, steps,
    !where to apply, !where to submit, enrol, enroll, !sign up, -join, !how to participate, !how do i join,
    подать, подавать, подача, подачи, заявка, заявку, заявки, !как подать, !как поступить, регистрация, зарегистрироваться, процедура,
    порядок, этапы, !куда подавать, оформить, оформление, поступить, попасть, записаться, запись, !как участвовать,
    ariza, arizani, arizalar, topshirish, topshiriladi, topshiraman, topshirsam, !qanday topshiriladi, !qayerga topshiriladi,
    ro'yxatdan, qadamlar, tartib, tartibi, jarayon, jarayoni, !qanday qatnashish, !qanday borsa, !qanday boraman,
    qatnashmoqchiman, qatnashaman, !qanday qatnashaman, hujjat topshirish, yozilish, yozilsa, yozilaman, yozilmoqchiman,
    !nima qilish kerak, !birinchi nima, !qayerga olib, !what should i do, !what do i do first, !что делать, !с чего начать`,
  deadlines: `
    !deadline, !deadlines, due, until, !last day, closing, dates, date, !when to apply, opens, !application period,
    срок, сроки, !дедлайн, !до какого числа, дата, даты, !последний день, !когда подавать, !прием заявок, !срок подачи, !сроки подачи,
    +muddat, +muddati, +muddatlar, +muddatlari, !qachongacha, !oxirgi kun, sana, sanasi, sanalar, !dedlayn, !topshirish muddati,
    ~when, ~когда, ~qachon, boshlanadi, !qachon boshlanadi, !когда начинается`,
  cost: `
    cost, costs, price, fee, fees, tuition, pay, paid, payment, +free, funding, funded, fund, grant, grants, scholarship, scholarships,
    stipend, money, expensive, cheap, !how much, afford, covered, sponsor, sponsored,
    стоимость, !сколько стоит, стоит, цена, платно, платный, платная, платные, +бесплатно, +бесплатный, +бесплатная, +бесплатные, скок, оплата, оплачивается,
    платить, деньги, грант, гранты, стипендия, стипендии, финансирование, финансируется, расходы,
    narx, narxi, !necha pul, !qancha turadi, !qancha pul, pul, to'lov, to'lovi, to'lash, +bepul, pullik, pulli, pullimi, grant, granti, grantlar,
    stipendiya, moliyalashtirish, xarajat, xarajatlar, xarajati, homiy, qanchaga`,
  duration: `
    duration, !how long, length, months, weeks, period, lasts, last, !how many years, !how many months,
    !сколько длится, длится, длительность, !сколько лет, !сколько месяцев, !сколько по времени, !по времени, продолжительность, !срок обучения, !сколько месяцев, !на какой срок, !на сколько,
    davomiyligi, davomiylik, !qancha muddat, !qancha vaqt, !necha oy, !necha yil, !qancha davom, !davom etadi, !necha oyga, !necha oylik`,
  contacts: `
    contact, contacts, phone, telephone, number, call, email, e-mail, address, office, !whom to call, !who to ask, reach, !where is, location,
    !who do i talk to, !talk to, !who should i contact, !who to contact,
    телефон, номер, контакт, контакты, позвонить, звонить, связаться, адрес, почта, кабинет, !куда обращаться, !к кому обратиться,
    !куда звонить, методист, !где находится,
    telefon, raqam, raqami, nomer, kontakt, aloqa, bog'lanish, bog'lanaman, bog'lansam, bog'lansa, !kim bilan bog'lan, gaplashsam,
    gaplashish, !kim bilan gaplash, binoda, !qaysi binoda, qo'ng'iroq, manzil, manzili, xona, !kimga murojaat, murojaat,
    pochta, metodist, joylashgan, !qayerda joylashgan`,
  countries: `
    country, countries, !which countries, !partner countries, !where can i go,
    страна, страны, стран, странах, странами, государства, государствами, государств, !какие государства, !в каких странах, !какие страны, !в какие страны,
    davlat, davlatlar, davlatlari, mamlakat, mamlakatlar, !qaysi davlat, !qaysi davlatlar, !qaysi mamlakat, ~qayerga, ~куда, ~where`,
};

interface Cue {
  facet: SectionFacet;
  keys: string[];
  weight: number;
}

const keysOf = (text: string) => words(text).map(stem);

function parseCues(): Cue[] {
  const cues: Cue[] = [];
  for (const [facet, list] of Object.entries(CUES) as [SectionFacet, string][]) {
    for (const raw of list.split(",").map((c) => c.trim()).filter(Boolean)) {
      const weight = WEIGHT_OF_MARK[raw[0]!] ?? 1;
      const keys = keysOf(raw.replace(/^[!+\-~]/, ""));
      if (keys.length > 0) cues.push({ facet, keys, weight });
    }
  }
  return cues;
}

const ALL_CUES = parseCues();
/** Every single-word cue key: a word that is one of these is read as itself, never as a misspelling. */
const CUE_KEYS = new Set(ALL_CUES.flatMap((c) => c.keys));

/** What "when" adds to the deadlines, over submitting or documents asked with it. */
const WHEN_BONUS = 0.5;

/** A misspelt cue must be at least this similar, and this long (short words differ by a letter: "cost", "post"). */
const TYPO_SIMILARITY = 0.8;
const TYPO_MIN_LENGTH = 5;
/** Letters of an ending the stemmer does not know that a cue may carry. */
const MAX_ENDING = 3;

/** A word of the knowledge that a query word may be, and how similar they are (search's reading). */
export interface NearWord {
  key: string;
  similarity: number;
}

export interface FacetReading {
  /** The facet asked about; null when the question names none. */
  facet: SectionFacet | null;
  /** The positions of the query's words that are cues of any facet: search reads the question without them. */
  cueWords: Set<number>;
}

/**
 * The facet of a question, with the words that said so. `isKnownWord`: a key
 * that is a real word elsewhere (an out-of-scope topic, a country, the
 * knowledge's own vocabulary) is never taken as a misspelt cue; `nearestWord`:
 * the knowledge's word a key most likely misspells, which a misspelt cue must beat.
 */
export function readFacet(text: string, isKnownWord: (key: string) => boolean = () => false, nearestWord: (key: string) => NearWord | undefined = () => undefined): FacetReading {
  const keys = keysOf(text);
  // Each word read as a cue key: itself, or the cue it misspells; but a word that misspells a word of the knowledge
  // more likely than a cue is that word ("булими" is "bo'limi", not "pullimi"), a cue only if that word is one.
  const read = keys.map((key) => {
    if (CUE_KEYS.has(key)) return key;
    // A cue's own word with another ending ("телефони") is that cue; a real word is no misspelling of one.
    const sameWord = cueOfSameWord(key);
    if (sameWord !== undefined) return sameWord;
    if (isKnownWord(key)) return key;
    const cue = nearestCue(key);
    const word = nearestWord(key);
    if (word && CUE_KEYS.has(word.key) && word.similarity >= TYPO_SIMILARITY - 0.1) return word.key;
    return cue !== undefined && similarity(key, cue) > (word?.similarity ?? 0) ? cue : key;
  });
  const scores = new Map<SectionFacet, number>();
  const cueWords = new Set<number>();
  for (const cue of ALL_CUES) {
    for (let i = 0; i + cue.keys.length <= read.length; i++) {
      if (!cue.keys.every((k, j) => read[i + j] === k)) continue;
      scores.set(cue.facet, Math.max(scores.get(cue.facet) ?? 0, cue.weight) + (scores.has(cue.facet) ? 0.1 : 0));
      cue.keys.forEach((_, j) => cueWords.add(i + j));
    }
  }
  // "When" with submitting or documents asks when: "erasmusga qachon hujjat topshirsa bo'ladi", "ҳужжатлар қачон қабул қилинади".
  const asksWhen = ALL_CUES.some((cue) => cue.facet === "deadlines" && cue.weight === WEIGHT_OF_MARK["~"] && cue.keys.every((k) => read.includes(k)));
  if (asksWhen && ((scores.get("documents") ?? 0) > 0 || (scores.get("steps") ?? 0) > 0)) {
    scores.set("deadlines", Math.max(scores.get("deadlines") ?? 0, scores.get("documents") ?? 0, scores.get("steps") ?? 0) + WHEN_BONUS);
  }
  let facet: SectionFacet | null = null;
  let best = 0;
  // FACETS order breaks ties: the more specific facets come first.
  for (const candidate of FACETS) {
    const score = scores.get(candidate as SectionFacet) ?? 0;
    if (score > best) [facet, best] = [candidate as SectionFacet, score];
  }
  return { facet, cueWords };
}

/** The query's words without the facet's cues, for search to find the entry. */
export function withoutCues(text: string, cueWords: Set<number>): string {
  return words(text)
    .filter((_, i) => !cueWords.has(i))
    .join(" ");
}

/** Words already looked up: students ask the same words again and again, and the lookup compares with every cue. */
const nearestCues = new Map<string, string | undefined>();
const NEAREST_CUES_KEPT = 20_000;

/** The cue a word misspells. */
function nearestCue(key: string): string | undefined {
  if (nearestCues.has(key)) return nearestCues.get(key);
  // Questions bring new words forever: a full memo is started afresh.
  if (nearestCues.size >= NEAREST_CUES_KEPT) nearestCues.clear();
  const cue = findNearestCue(key);
  nearestCues.set(key, cue);
  return cue;
}

function findNearestCue(key: string): string | undefined {
  if (key.length < TYPO_MIN_LENGTH || /\d/.test(key)) return undefined;
  let best: string | undefined;
  let bestSimilarity = TYPO_SIMILARITY;
  for (const cue of CUE_KEYS) {
    if (cue.length < TYPO_MIN_LENGTH) continue;
    const s = similarity(key, cue);
    if (s >= bestSimilarity) [best, bestSimilarity] = [cue, s];
  }
  return best;
}

/**
 * The cue a key is the same word as, an ending apart ("странами" -> "стран");
 * or whose ending the stemmer cut ("телефони" loses "ni" as if it were an
 * ending, and "telef" begins "telefon"). Short cues never: "joint" is not "join".
 */
function cueOfSameWord(key: string): string | undefined {
  if (key.length < TYPO_MIN_LENGTH || /\d/.test(key)) return undefined;
  for (let end = key.length - 1; end >= Math.max(TYPO_MIN_LENGTH, key.length - MAX_ENDING); end--) {
    if (CUE_KEYS.has(key.slice(0, end))) return key.slice(0, end);
  }
  for (const cue of CUE_KEYS) if (cue.length - key.length <= MAX_ENDING - 1 && cue.length > key.length && cue.startsWith(key)) return cue;
  return undefined;
}
