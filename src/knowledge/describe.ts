/**
 * An entry as a reader sees it, in one language: title, text, who may
 * apply to a program, whom to call. Plain strings in sections, which the bot
 * renders as HTML (src/bot/ui/cards.ts, answer-view.ts).
 */
import type { Translate } from "../i18n.js";
import { stem, words } from "../search/normalize.js";
import { isStopWord } from "../search/stopwords.js";
import type { KnowledgeBase } from "./load.js";
import type { ContactEntry, Entry, Lang, ProgramEntry } from "./schema.js";

export interface Section {
  heading?: string;
  lines: string[];
}

export interface Description {
  title: string;
  sections: Section[];
  /** Some of what is shown goes beyond the department's own text. */
  toConfirm: boolean;
}

/**
 * A program's name where several share a line: its title without the gloss
 * after a dash or in brackets ("KOICA — Korea International Cooperation
 * Agency" is "KOICA", "Британский совет (British Council)" is "Британский совет").
 */
export function shortTitle(entry: Entry, lang: Lang): string {
  const short = entry.title[lang].split(" — ")[0]!.replace(/\s*\([^)]*\)\s*$/, "").trim();
  return short === "" ? entry.title[lang] : short;
}

/** The summary and body paragraphs; the summary only when the body does not already say it. */
export function overview(entry: Entry, lang: Lang): Section[] {
  const body = { lines: paragraphs(entry.body[lang]) };
  return bodySaysSummary(entry.summary[lang], entry.body[lang]) ? [body] : [{ lines: [entry.summary[lang]] }, body];
}

/** A summary whose words are nearly all in the body repeats it (staff write the summary as the body's gist). */
const REPEATED_SHARE = 0.75;

function bodySaysSummary(summary: string, body: string): boolean {
  const keysOf = (text: string) => new Set(words(text).filter((w) => !isStopWord(w)).map(stem));
  const said = keysOf(body);
  const summaryKeys = [...keysOf(summary)];
  return summaryKeys.length > 0 && summaryKeys.filter((k) => said.has(k)).length / summaryKeys.length >= REPEATED_SHARE;
}

/**
 * Whether a program is one people apply to: its eligibility is assessed. KOICA
 * is not (it brings foreign teachers to JSPU): its card and sections say what
 * it does and whom to ask, never how to apply.
 */
export const takesApplicants = (entry: ProgramEntry): boolean => entry.program.eligibility.assessed;

/** Who may apply to a program, or, for one no one applies to (KOICA), how one takes part: its notes. */
export function eligibility(entry: ProgramEntry, lang: Lang, t: Translate): Section {
  const rules = entry.program.eligibility;
  // A program no one is assessed for (KOICA) names no roles: its notes say what it does and whom to ask.
  const lines = rules.roles.length > 0 ? [sentenceCase(rules.roles.map((role) => t(`role-${role}`)).join(", "))] : [];
  const years = rules.year_of_study;
  if (years?.min && years.max) lines.push(t("card-years", { min: years.min, max: years.max }));
  else if (years?.min) lines.push(t("card-years-from", { min: years.min }));
  else if (years?.max) lines.push(t("card-years-up-to", { max: years.max }));
  if (rules.min_gpa) lines.push(t("card-min-gpa", rules.min_gpa));
  if (rules.languages.length > 0) {
    lines.push(t("card-languages", { list: rules.languages.map((l) => t(`exam-${l.exam}`, { min: l.min })).join(", ") }));
  }
  lines.push(...rules.notes.map((note) => note[lang]));
  return { heading: marked(rules.to_confirm, t(takesApplicants(entry) ? "card-who-may-apply" : "card-taking-part"), t), lines };
}

/** The role names are written for the middle of a sentence ("open to bachelor students"); a line of its own starts with a capital. */
const sentenceCase = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function contactDetails(entry: ContactEntry, lang: Lang, t: Translate): Section {
  const lines = entry.contact.phones.map((p) => `${p.who[lang]}: ${p.number}`);
  if (entry.contact.office_hours) lines.push(t("card-office-hours", { hours: entry.contact.office_hours[lang] }));
  return { heading: t("card-contact"), lines };
}

/** The entries of these ids that the base has. */
const entriesOf = (kb: KnowledgeBase, ids: readonly string[]): Entry[] => ids.map((id) => kb.byId.get(id)).filter((e): e is Entry => e !== undefined);

/** Entries related to this one, in both link directions. */
export function relatedEntries(kb: KnowledgeBase, entry: Entry): Entry[] {
  return entriesOf(kb, kb.related.get(entry.id) ?? []);
}

/** A topic's card links to at most this many related entries (with Contacts and the menu, 8 buttons). */
const TOPIC_LINKS = 6;

/**
 * The entries an entry's card has a button to: a program's countries, a
 * country's programs, a topic's own links and then what links to it. What the
 * card offers is not offered again as "Did you mean".
 */
export function cardLinks(kb: KnowledgeBase, entry: Entry): Entry[] {
  switch (entry.type) {
    case "program":
      return entriesOf(kb, entry.program.countries);
    case "country":
      return relatedEntries(kb, entry).filter((e) => e.type === "program");
    case "topic": {
      // The topic's own links in the order staff wrote them ("Partner countries" lists its countries first), then what links to it, programs first.
      const order = { program: 0, topic: 1, country: 2, contact: 3 } as const;
      const own = entriesOf(kb, entry.links);
      const others = relatedEntries(kb, entry)
        .filter((e) => !entry.links.includes(e.id))
        .sort((a, b) => order[a.type] - order[b.type]);
      return [...own, ...others].filter((e) => e.type !== "contact").slice(0, TOPIC_LINKS);
    }
    case "contact":
      return [];
  }
}

/** Whether anything shown for this entry goes beyond the department's own text. */
export function needsConfirming(entry: Entry): boolean {
  if (entry.to_confirm) return true;
  if (entry.type !== "program") return false;
  const { eligibility, steps, documents, deadlines } = entry.program;
  return eligibility.to_confirm || steps.to_confirm || documents.to_confirm || deadlines.to_confirm;
}

/** Puts the "confirm with the department" note first when it applies. */
export function withConfirmNote(title: string, sections: Section[], toConfirm: boolean, t: Translate): Description {
  return { title, sections: toConfirm ? [{ lines: [t("card-to-confirm")] }, ...sections] : sections, toConfirm };
}

const marked = (toConfirm: boolean, heading: string, t: Translate) => (toConfirm ? `${heading} ${t("card-marked-to-confirm")}` : heading);

const paragraphs = (text: string) => text.split("\n").map((p) => p.trim()).filter(Boolean);
