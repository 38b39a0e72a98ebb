/**
 * An answer (src/answers/answer.ts) as the reader sees it, the same in the
 * chat, in inline mode and in `npm run ask`: the section asked about with the
 * full card one tap away, a section across the programs, a word about a
 * country or a question outside the department, or the card itself.
 * A section the department has not published says so, with its phone.
 */
import { InlineKeyboard } from "grammy";
import { hasSection, sectionToConfirm, type Answer, type AnsweredQuestion } from "../../answers/answer.js";
import type { SectionFacet } from "../../answers/facets.js";
import { countryName, uzbekCyrillicCountryName } from "../../answers/world-countries.js";
import { programTopic } from "../../broadcast/audience.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import { contactDetails, eligibility, shortTitle, takesApplicants, type Section } from "../../knowledge/describe.js";
import type { KnowledgeBase } from "../../knowledge/load.js";
import type { ContactEntry, Entry, ProgramEntry } from "../../knowledge/schema.js";
import { formatDay, isPast } from "../../time/dates.js";
import type { Reader } from "../locale.js";
import { callback } from "./callback-data.js";
import { entryView, facetButton, homeButton, tappablePhone, tappablePhones } from "./cards.js";
import { escapeHtml, italic } from "./html.js";
import { keyboardOf, rowsOf, type Button } from "./keyboard.js";
import { pageButtons, pageNumber, pageOf } from "./paging.js";
import { sectionsToHtml, type View } from "./view.js";

/** Buttons beside a section: the two a reader of it most likely wants next. */
const NEXT: Record<SectionFacet, [SectionFacet, SectionFacet]> = {
  eligibility: ["documents", "steps"],
  language: ["eligibility", "documents"],
  documents: ["deadlines", "steps"],
  steps: ["documents", "deadlines"],
  deadlines: ["documents", "steps"],
  cost: ["eligibility", "steps"],
  duration: ["deadlines", "steps"],
  contacts: ["steps", "documents"],
  countries: ["eligibility", "steps"],
};

/** A card, also with "Did you mean" above it, has at most this many buttons. */
export const CARD_BUTTONS = 8;

/** Across programs, at most this many buttons to them (those with the section come first). */
const ACROSS_BUTTONS = 4;
/** A program's countries as buttons in its countries section, a page at a time. */
const SECTION_COUNTRIES = 3;
/** Across programs, each program's documents named up to this many. */
const ACROSS_DOCUMENTS = 2;

/** The answer to a question; `ask`: the "Ask the department" button, offered where the answer leaves the question open. */
export function answerView(r: Reader, answered: AnsweredQuestion, ask: Button[] = []): View {
  const { answer } = answered;
  switch (answer.kind) {
    case "entry":
      return entryAnswer(r, answer, ask);
    case "across":
      return answer.facet === "steps" ? programChooser(r, answer.facet, answer.ids) : acrossView(r, answer.facet, answer.ids, answer.documents ?? [], ask);
    case "other-country":
      return otherCountryView(r, answer.code);
    case "out-of-scope": {
      // A pointer beyond the department's text is said to be so.
      const confirm = answer.topic.to_confirm ? [r.t("out-of-scope-to-confirm")] : [];
      const html = sectionsToHtml(r.t("out-of-scope-title"), [{ lines: [answer.topic.answer[r.lang], ...confirm] }]);
      return { html, keyboard: keyboardOf([contactsButton(r), homeButton(r)]) };
    }
    case "none": {
      const keyboard = keyboardOf(ask, [contactsButton(r), homeButton(r)]);
      return { html: [r.t("search-no-answer"), phoneLine(r)].filter(Boolean).join("\n\n"), keyboard };
    }
  }
}

/**
 * The answer to a question typed in the middle of a guided conversation: its
 * text alone (buttons there would lead out of the flow), "Did you mean" left
 * out, and the entry whose full card it is a section of, for a "More details"
 * that the flow sends as a new message.
 */
export function answerAside(r: Reader, answered: AnsweredQuestion): { html: string; more?: Entry } {
  const { answer } = answered;
  // "How do I apply?": the programs to choose from are buttons outside the flow, so the reader is asked to name one instead.
  if (answer.kind === "across" && answer.facet === "steps") return { html: programChooser(r, answer.facet, answer.ids, "across-name-program").html };
  if (answer.kind !== "entry") return { html: answerView(r, answered).html };
  const entry = r.kb.byId.get(answer.id)!;
  if (answer.facet === "overview") return { html: entryView(r, r.kb, entry).html };
  return { html: sectionView(r, entry, answer.facet).html, more: entry };
}

function entryAnswer(r: Reader, answer: Extract<Answer, { kind: "entry" }>, ask: Button[]): View {
  const entry = r.kb.byId.get(answer.id)!;
  if (answer.facet === "overview") {
    const card = entryView(r, r.kb, entry);
    const alternatives = answer.alternatives.map((hit) => r.kb.byId.get(hit.id)).filter((e): e is Entry => e !== undefined);
    return alternatives.length > 0 ? withAlternatives(r, card, alternatives, answer.ambiguous) : card;
  }
  return sectionView(r, entry, answer.facet, 0, ask);
}

/**
 * One section of an entry: a program's, or a contact's phones; the full card
 * a tap away. `page`: of a program's countries. `ask`: "Ask the department",
 * shown in place of a next section when the section is not published.
 */
export function sectionView(r: Reader, entry: Entry, facet: SectionFacet, page = 0, ask: Button[] = []): View {
  if (entry.type === "contact" || facet === "contacts") {
    return { html: sectionsToHtml(entry.title[r.lang], [phoneSection(r, contactOf(r.kb, entry))]), keyboard: keyboardOf([fullCardButton(r, entry)]) };
  }
  if (entry.type !== "program") {
    // A country or topic asked a program's question it has no program for ("Turkiyada grant bormi").
    const lines = [r.t("facet-missing-other", { title: entry.title[r.lang] }), phoneLine(r)];
    return { html: sectionsToHtml(entry.title[r.lang], [{ heading: r.t(`facet-${facet}`), lines }]), keyboard: keyboardOf([fullCardButton(r, entry)]) };
  }
  const section = programSection(r, entry, facet);
  const open = ask.length > 0 && !hasSection(entry, facet);
  // A program no one applies to (KOICA) answers its sections with what it does and whom to ask: no next section to offer.
  const next = takesApplicants(entry) ? NEXT[facet].slice(0, open ? 1 : 2).map((n) => facetButton(r, entry, n)) : [];
  const rows: Button[][] = [[fullCardButton(r, entry)], ...(open ? [ask] : []), next];
  // Dates published: a reminder before them; none yet: the program's announcements, which will bring them.
  if (facet === "deadlines") {
    rows.push([
      entry.program.deadlines.items.length > 0
        ? InlineKeyboard.text(r.t("card-remind-button"), callback.remind(entry.id))
        : InlineKeyboard.text(r.t("card-follow-button"), callback.follow(programTopic(entry.id))),
    ]);
  }
  if (facet === "countries" && entry.program.countries.length > 0) {
    // All of them when they fit; a network program's dozens a page at a time, the section's next buttons giving way.
    const all = entry.program.countries;
    const paged = pageOf(all, page, SECTION_COUNTRIES);
    const countries = paged.items.map((id) => r.kb.byId.get(id)).filter((e): e is Entry => e !== undefined);
    if (paged.pages > 1) rows.pop();
    rows.push(...rowsOf(countries.map((c) => InlineKeyboard.text(r.t("card-country-button", { country: c.title[r.lang] }), callback.entry(c.id))), 2));
    rows.push(pageButtons(r.t, paged, (n) => callback.facet(entry.id, facet, n)));
    section.lines.push(...pageNumber(r.t, paged));
  }
  return { html: sectionsToHtml(entry.title[r.lang], [section]), keyboard: keyboardOf(...rows) };
}


/** A deadline as a line: its day in the reader's language and its note, marked once it is over. */
export function deadlineLine({ t, lang, uiLang }: Reader, deadline: ProgramEntry["program"]["deadlines"]["items"][number]): string {
  const line = `${formatDay(deadline.date, uiLang)}: ${deadline.note[lang]}`;
  return isPast(deadline.date) ? `${line} ${t("deadline-passed")}` : line;
}

/** A program's section as lines under its heading; when empty, "not published" and the phone to ask. */
function programSection(r: Reader, program: ProgramEntry, facet: SectionFacet): Section {
  const { lang, t } = r;
  const p = program.program;
  const heading = (toConfirm: boolean) => (toConfirm ? `${t(`facet-${facet}`)} ${t("card-marked-to-confirm")}` : t(`facet-${facet}`));
  const missing = (before: string[] = []): Section => ({
    heading: t(`facet-${facet}`),
    lines: [...before, t(`facet-missing-${facet}`, { title: program.title[lang] }), phoneLine(r, program)],
  });
  // A program no one applies to (KOICA): who may apply, its steps, and what it does not publish are answered with what it does and whom to ask.
  const aboutTakingPart = ["eligibility", "language", "steps"].includes(facet) || !hasSection(program, facet);
  if (!takesApplicants(program) && aboutTakingPart && facet !== "contacts" && facet !== "countries") {
    const { heading: taking, lines } = eligibility(program, lang, t);
    return { heading: taking, lines: [...lines, phoneLine(r, program)] };
  }
  switch (facet) {
    case "eligibility": {
      const { lines } = eligibility(program, lang, t);
      return { heading: heading(p.eligibility.to_confirm), lines };
    }
    case "language": {
      const { languages, notes, to_confirm } = p.eligibility;
      if (languages.length === 0) return missing();
      const list = languages.map((l) => t(`exam-${l.exam}`, { min: l.min })).join(", ");
      return { heading: heading(to_confirm), lines: [t("card-languages", { list }), ...notes.map((n) => n[lang])] };
    }
    case "documents":
      return p.documents.items.length === 0 ? missing() : { heading: heading(p.documents.to_confirm), lines: p.documents.items.map((d) => `• ${d.text[lang]}`) };
    case "steps":
      return { heading: heading(p.steps.to_confirm), lines: p.steps.items.map((step, i) => `${i + 1}. ${step[lang]}`) };
    case "deadlines": {
      const note = p.deadlines.note ? [p.deadlines.note[lang]] : [];
      if (p.deadlines.items.length === 0) return missing(note);
      return { heading: heading(p.deadlines.to_confirm), lines: [...p.deadlines.items.map((d) => deadlineLine(r, d)), ...note] };
    }
    case "cost":
    case "duration": {
      const statement = p[facet];
      return statement ? { heading: heading(statement.to_confirm), lines: [statement.text[lang]] } : missing();
    }
    case "contacts":
      return { ...phoneSection(r, contactOf(r.kb, program)), heading: t("facet-contacts") };
    case "countries": {
      const names = p.countries.map((id) => r.kb.byId.get(id)?.title[lang]).filter(Boolean);
      return names.length === 0 ? missing([program.summary[lang]]) : { heading: t("facet-countries"), lines: [names.join(", ")] };
    }
  }
}

/** A section across programs: one line each, those that have it first; buttons to them. */
function acrossView(r: Reader, facet: SectionFacet, ids: string[], documents: string[], ask: Button[]): View {
  const programs = ids.map((id) => r.kb.byId.get(id)).filter((e): e is ProgramEntry => e?.type === "program");
  // "pasport kerakmi": the programs that list that document, and it as they name it.
  const named = (p: ProgramEntry) => p.program.documents.items.filter((d) => documents.includes(d.id));
  const withSection = programs.filter((p) => hasSection(p, facet) && (documents.length === 0 || named(p).length > 0));
  // A program no one applies to (KOICA) that has no such section is left out: "not published yet" would promise one.
  const without = programs.filter((p) => !withSection.includes(p) && takesApplicants(p));
  // Programs that say the same ("bachelor and master students") share a line.
  const byLine = new Map<string, string[]>();
  for (const p of withSection) {
    const line = documents.length > 0 ? named(p).map((d) => d.text[r.lang]).join(", ") : summaryLine(r, p, facet);
    byLine.set(line, [...(byLine.get(line) ?? []), shortTitle(p, r.lang)]);
  }
  const lines = [...byLine].map(([line, titles]) => `• ${titles.join(", ")}: ${line}`);
  if (without.length > 0) lines.push(`• ${without.map((p) => shortTitle(p, r.lang)).join(", ")}: ${r.t(documents.length > 0 ? "across-not-listed" : "across-not-published")}`);
  const toConfirm = withSection.some((p) => sectionToConfirm(p, facet));
  const heading = r.t("across-title", { facet: r.t(`facet-${facet}`) });
  const sections: Section[] = [{ lines: withSection.length === 0 ? [r.t("across-none-published"), ...lines] : lines }, { lines: [phoneLine(r)] }];
  // Nothing published anywhere: "Ask the department" takes a program button's place.
  const open = withSection.length === 0 ? ask : [];
  const shown = [...withSection, ...without].slice(0, ACROSS_BUTTONS - open.length);
  const keyboard = keyboardOf(open, ...rowsOf(shown.map((p) => InlineKeyboard.text(shortTitle(p, r.lang), callback.facet(p.id, facet))), 2));
  return { html: sectionsToHtml(toConfirm ? `${heading} ${r.t("card-marked-to-confirm")}` : heading, sections), keyboard };
}

/** "How do I apply?" with no program named: each program's steps are its own, so the reader picks one. */
function programChooser(r: Reader, facet: SectionFacet, ids: string[], prompt = "across-choose-program"): View {
  const programs = ids.map((id) => r.kb.byId.get(id)).filter((e): e is ProgramEntry => e?.type === "program" && takesApplicants(e));
  const lines = programs.map((p) => `• ${shortTitle(p, r.lang)}`);
  // One button fewer than across: the last is the whole list of programs.
  const shown = programs.slice(0, ACROSS_BUTTONS - 1);
  const keyboard = keyboardOf(...rowsOf(shown.map((p) => InlineKeyboard.text(shortTitle(p, r.lang), callback.facet(p.id, facet))), 2), [
    InlineKeyboard.text(r.t("nav-back-programs"), callback.programs()),
  ]);
  return { html: sectionsToHtml(r.t(`facet-${facet}`), [{ lines: [r.t(prompt)] }, { lines }]), keyboard };
}

/** A program's section in a few words, for the across answer (hasSection says whether it has one). */
function summaryLine(r: Reader, program: ProgramEntry, facet: SectionFacet): string {
  const { lang, t } = r;
  const p = program.program;
  switch (facet) {
    case "eligibility":
      // A program no one is assessed for (KOICA) names no roles; its card says what it does.
      return takesApplicants(program) ? p.eligibility.roles.map((role) => t(`role-${role}`)).join(", ") : t("elig-roles-not-assessed");
    case "language":
      return p.eligibility.languages.map((l) => t(`exam-${l.exam}`, { min: l.min })).join(", ");
    case "documents": {
      const names = p.documents.items.map((d) => d.text[lang]);
      return names.length > ACROSS_DOCUMENTS ? `${names.slice(0, ACROSS_DOCUMENTS).join(", ")}…` : names.join(", ");
    }
    case "deadlines":
      return p.deadlines.items.map((d) => formatDay(d.date, r.uiLang)).join(", ");
    case "cost":
    case "duration":
      return p[facet]?.text[lang] ?? "";
    case "countries":
      return p.countries.map((id) => r.kb.byId.get(id)?.title[lang]).filter(Boolean).join(", ");
    case "steps":
      return p.steps.items[0]?.[lang] ?? "";
    case "contacts":
      return contactOf(r.kb, program)?.contact.phones.map((phone) => tappablePhone(phone.number)).join(", ") ?? "";
  }
}


/** "Japan is not a partner country; the partners are ...". */
function otherCountryView(r: Reader, code: string): View {
  const country = r.uiLang === "uz-cyrl" ? uzbekCyrillicCountryName(code) : countryName(code, r.lang);
  const partners = r.kb.entries.filter((e) => e.type === "country").map((e) => e.title[r.lang]);
  const html = [escapeHtml(r.t("other-country", { country })), escapeHtml(r.t("other-country-partners", { list: partners.join(", ") }))].join("\n\n");
  const keyboard = keyboardOf([InlineKeyboard.text(r.t("other-country-button"), callback.countries())], [contactsButton(r), homeButton(r)]);
  return { html, keyboard };
}

/**
 * The card, with "Did you mean" buttons above its own: an entry the card
 * already has a button for is not offered twice, and the card's last rows
 * (the way back, related entries) give way so that the whole stays at CARD_BUTTONS.
 */
function withAlternatives(r: Reader, card: View, alternatives: Entry[], ambiguous: boolean): View {
  const rows = (card.keyboard?.inline_keyboard ?? []).map((row) => [...row]);
  const onCard = new Set(rows.flat().map((b) => ("callback_data" in b ? b.callback_data : "")));
  const offered = alternatives.filter((e) => !onCard.has(callback.entry(e.id)));
  if (offered.length === 0) return card;
  const buttons = offered.map((e) => [InlineKeyboard.text(r.t("search-alternative-button", { title: e.title[r.lang] }), callback.entry(e.id))]);
  // The rows nearest the end give way first, but the contacts and the menu stay.
  const kept = (row: Button[]) => row.some((b) => "callback_data" in b && (b.callback_data === callback.menu() || callback.entry.parse(b.callback_data)?.id === DEPARTMENT_CONTACT));
  for (let i = rows.length - 1; i >= 0 && offered.length + rows.flat().length > CARD_BUTTONS; i--) if (!kept(rows[i]!)) rows.splice(i, 1);
  const keyboard = keyboardOf(...buttons, ...rows);
  return { html: `${card.html}\n\n${italic(r.t(ambiguous ? "search-did-you-mean" : "search-alternatives"))}`, keyboard };
}

const fullCardButton = (r: Reader, entry: Entry): Button => InlineKeyboard.text(r.t("facet-full-card-button"), callback.entry(entry.id));
const contactsButton = (r: Reader): Button => InlineKeyboard.text(r.t("card-contacts-button"), callback.entry(DEPARTMENT_CONTACT));

/** Whom to call about an entry: a program's own contact, else the department. */
function contactOf(kb: KnowledgeBase, entry?: Entry): ContactEntry | undefined {
  const id = entry?.type === "program" ? entry.program.contact : entry?.type === "contact" ? entry.id : DEPARTMENT_CONTACT;
  const contact = kb.byId.get(id) ?? kb.byId.get(DEPARTMENT_CONTACT);
  return contact?.type === "contact" ? contact : undefined;
}

/** Whom to call, and their hours: the contact's details, every number tappable. */
function phoneSection(r: Reader, contact: ContactEntry | undefined): Section {
  return contact ? tappablePhones(contactDetails(contact, r.lang, r.t)) : { lines: [] };
}

/** "📞 Call the department: +998912090766" (a program's own contact, else the department's), tappable; empty when the base has no phone. */
function phoneLine(r: Reader, about?: Entry): string {
  const phone = contactOf(r.kb, about)?.contact.phones[0]?.number;
  return phone ? r.t("facet-ask-phone", { phone: tappablePhone(phone) }) : "";
}
