/**
 * An entry as a reader sees it, in one language: title, text and, for
 * programs, who may apply, the steps, documents, deadlines and whom to call.
 * Plain strings; the command line prints them and the bot wraps them in HTML.
 */
import type { Translate } from "../i18n.js";
import type { KnowledgeBase } from "./load.js";
import type { Entry, Lang, ProgramEntry } from "./schema.js";

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

export function describeEntry(kb: KnowledgeBase, entry: Entry, lang: Lang, t: Translate): Description {
  const sections: Section[] = [{ lines: [entry.summary[lang]] }, { lines: paragraphs(entry.body[lang]) }];
  let toConfirm = entry.to_confirm;

  if (entry.type === "program") {
    const program = describeProgram(kb, entry, lang, t);
    sections.push(...program.sections);
    toConfirm ||= program.toConfirm;
  }
  if (entry.type === "contact") sections.push(...describeContact(entry, lang, t));

  const related = (kb.related.get(entry.id) ?? [])
    .map((id) => kb.byId.get(id))
    .filter((e): e is Entry => e !== undefined && !(entry.type === "program" && entry.program.countries.includes(e.id)));
  if (related.length > 0) sections.push({ heading: t("card-related"), lines: [related.map((e) => e.title[lang]).join(", ")] });

  if (toConfirm) sections.unshift({ lines: [t("card-to-confirm")] });
  return { title: entry.title[lang], sections, toConfirm };
}

function describeProgram(kb: KnowledgeBase, entry: ProgramEntry, lang: Lang, t: Translate): { sections: Section[]; toConfirm: boolean } {
  const { eligibility, steps, documents, deadlines, countries, contact } = entry.program;
  const mark = (toConfirm: boolean, heading: string) => (toConfirm ? `${heading} ${t("card-marked-to-confirm")}` : heading);
  const sections: Section[] = [];

  const who = [eligibility.roles.map((role) => t(`role-${role}`)).join(", ")];
  const years = eligibility.year_of_study;
  if (years?.min && years.max) who.push(t("card-years", { min: years.min, max: years.max }));
  else if (years?.min) who.push(t("card-years-from", { min: years.min }));
  else if (years?.max) who.push(t("card-years-up-to", { max: years.max }));
  if (eligibility.min_gpa) who.push(t("card-min-gpa", eligibility.min_gpa));
  if (eligibility.languages.length > 0) {
    who.push(t("card-languages", { list: eligibility.languages.map((l) => t(`exam-${l.exam}`, { min: l.min })).join(", ") }));
  }
  who.push(...eligibility.notes.map((note) => note[lang]));
  sections.push({ heading: mark(eligibility.to_confirm, t("card-who-may-apply")), lines: who });

  if (countries.length > 0) {
    sections.push({ heading: t("card-countries"), lines: [countries.map((id) => kb.byId.get(id)!.title[lang]).join(", ")] });
  }
  sections.push({ heading: mark(steps.to_confirm, t("card-steps")), lines: steps.items.map((step, i) => `${i + 1}. ${step[lang]}`) });
  if (documents.items.length > 0) {
    sections.push({ heading: mark(documents.to_confirm, t("card-documents")), lines: documents.items.map((d) => `• ${d.text[lang]}`) });
  }
  const dates = deadlines.items.map((d) => `${d.date}: ${d.note[lang]}`);
  if (deadlines.note) dates.push(deadlines.note[lang]);
  if (dates.length > 0) sections.push({ heading: mark(deadlines.to_confirm, t("card-deadlines")), lines: dates });

  const contactEntry = kb.byId.get(contact);
  if (contactEntry?.type === "contact") {
    sections.push({ heading: t("card-contact"), lines: contactEntry.contact.phones.map((p) => `${p.who[lang]}: ${p.number}`) });
  }
  const toConfirm = eligibility.to_confirm || steps.to_confirm || documents.to_confirm || deadlines.to_confirm;
  return { sections, toConfirm };
}

function describeContact(entry: Extract<Entry, { type: "contact" }>, lang: Lang, t: Translate): Section[] {
  const lines = entry.contact.phones.map((p) => `${p.who[lang]}: ${p.number}`);
  if (entry.contact.office_hours) lines.push(t("card-office-hours", { hours: entry.contact.office_hours[lang] }));
  return [{ heading: t("card-contact"), lines }];
}

const paragraphs = (text: string) => text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);

/** A description as plain text, for the terminal. */
export function descriptionToText(d: Description): string {
  const blocks = d.sections.map((s) => [s.heading ? `${s.heading}:` : undefined, ...s.lines].filter(Boolean).join("\n"));
  return [d.title.toUpperCase(), ...blocks].join("\n\n");
}
