/**
 * Knowledge entries as screens: a card per entry with the next step one tap
 * away (partner countries, how to apply, contacts, related entries, the way
 * back), and the lists of programs and countries.
 * Rendered once per knowledge base and language, then reused.
 */
import { InlineKeyboard } from "grammy";
import { hasSection } from "../../answers/answer.js";
import type { SectionFacet } from "../../answers/facets.js";
import { countryTopic, programTopic } from "../../broadcast/audience.js";
import {
  contactDetails,
  eligibility,
  needsConfirming,
  overview,
  cardLinks,
  takesApplicants,
  withConfirmNote,
  type Section,
} from "../../knowledge/describe.js";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { KnowledgeBase } from "../../knowledge/load.js";
import type { ContactEntry, CountryEntry, Entry, ProgramEntry } from "../../knowledge/schema.js";
import type { BotContext } from "../context.js";
import { callback } from "./callback-data.js";
import { keyboardOf, rowsOf, type Button } from "./keyboard.js";
import { pageButtons, pageNumber, pageOf } from "./paging.js";
import { sectionsToHtml, type View } from "./view.js";

/** What rendering needs of a context: the language and its translations. */
type Renderer = Pick<BotContext, "lang" | "t">;

/**
 * Cards kept rendered per knowledge base, the most recently shown: a card
 * takes a few KB, and every card of a 5,000-entry base in each language would
 * take ~100 MB of the bot's 96 MB heap.
 */
const CARDS_KEPT = 500;
const rendered = new WeakMap<KnowledgeBase, Map<string, View>>();

/** The card of any entry, with the buttons that fit its kind; `page`: of a country's programs, of a program's countries. */
export function entryView(r: Renderer, kb: KnowledgeBase, entry: Entry, page = 0): View {
  let cards = rendered.get(kb);
  if (!cards) rendered.set(kb, (cards = new Map()));
  const key = `${r.lang}:${entry.id}:${page}`;
  let view = cards.get(key);
  if (view) cards.delete(key); // set again below: the Map's order is the order of use
  else if (cards.size >= CARDS_KEPT) cards.delete(cards.keys().next().value!);
  cards.set(key, (view ??= renderEntry(r, kb, entry, page)));
  return view;
}

/** The programs or the countries, a page at a time. */
export function listView(r: Renderer, kb: KnowledgeBase, type: "program" | "country", requested = 0): View {
  const page = pageOf(kb.entries.filter((e) => e.type === type), requested);
  const buttons = page.items.map((entry) => InlineKeyboard.text(entry.title[r.lang], callback.entry(entry.id)));
  const pageData = type === "program" ? callback.programs : callback.countries;
  const keyboard = keyboardOf(...rowsOf(buttons, type === "program" ? 1 : 2), pageButtons(r.t, page, pageData), [homeButton(r)]);
  return { html: [r.t(type === "program" ? "programs-title" : "countries-title"), ...pageNumber(r.t, page)].join("\n\n"), keyboard };
}

export const homeButton = (r: Renderer): Button => InlineKeyboard.text(r.t("nav-home"), callback.menu());

/** The button that opens a program's section (its documents, deadlines, ...). */
export const facetButton = (r: Renderer, program: ProgramEntry, facet: SectionFacet): Button =>
  InlineKeyboard.text(r.t(`facet-button-${facet}`), callback.facet(program.id, facet));

function renderEntry(r: Renderer, kb: KnowledgeBase, entry: Entry, page: number): View {
  switch (entry.type) {
    case "program":
      return programCard(r, kb, entry);
    case "country":
      return countryCard(r, kb, entry, page);
    case "contact":
      return contactCard(r, entry);
    case "topic": {
      const related = cardLinks(kb, entry).map((e) => InlineKeyboard.text(e.title[r.lang], callback.entry(e.id)));
      const keyboard = keyboardOf(...rowsOf(related, 2), [contactsButton(r), homeButton(r)]);
      return card(r, entry, overview(entry, r.lang), entry.to_confirm, keyboard);
    }
  }
}

/**
 * A program's card: what it is and who may apply (how one takes part, in one
 * no one applies to); its documents, deadlines, steps and contacts one tap
 * away, at most 8 buttons. Its countries are named
 * in the text, with one button: the country, or all of them (a network program may have dozens).
 */
function programCard(r: Renderer, kb: KnowledgeBase, program: ProgramEntry): View {
  const { countries, eligibility: rules } = program.program;
  const countryButton = countries.length === 1
    ? [InlineKeyboard.text(r.t("card-country-button", { country: kb.byId.get(countries[0]!)!.title[r.lang] }), callback.entry(countries[0]!))]
    : countries.length > 1
      ? [facetButton(r, program, "countries")]
      : [];
  // A program no one applies to (KOICA) has no "how to apply" nor "am I eligible", and a section only when it publishes one.
  const applied = takesApplicants(program);
  const sections = (["documents", "deadlines"] as const).filter((facet) => applied || hasSection(program, facet));
  const keyboard = keyboardOf(
    sections.map((facet) => facetButton(r, program, facet)),
    applied ? [InlineKeyboard.text(r.t("card-apply-button"), callback.applyPage(program.id, 0)), InlineKeyboard.text(r.t("menu-eligibility"), callback.eligibilityFor(program.id))] : [],
    [contactsButton(r, program.program.contact), InlineKeyboard.text(r.t("card-follow-button"), callback.follow(programTopic(program.id)))],
    [...countryButton, InlineKeyboard.text(r.t("nav-back-programs"), callback.programs())],
  );
  const names = countries.map((id) => kb.byId.get(id)!.title[r.lang]);
  const countryLines = names.length > 0 ? [{ heading: r.t("card-countries"), lines: [names.join(", ")] }] : [];
  return card(r, program, [...overview(program, r.lang), eligibility(program, r.lang, r.t), ...countryLines], program.to_confirm || rules.to_confirm, keyboard);
}

/** A country's programs on its card, all of them when they fit, else pages of this many (the pager takes two buttons). */
const COUNTRY_PROGRAMS_SHOWN = 4;
const COUNTRY_PROGRAMS_PAGE = 2;

/** What JSPU does with the country, and its programs: named in the text, one tap away below. */
function countryCard(r: Renderer, kb: KnowledgeBase, country: CountryEntry, requested: number): View {
  const programs = cardLinks(kb, country);
  const page = pageOf(programs, requested, programs.length <= COUNTRY_PROGRAMS_SHOWN ? COUNTRY_PROGRAMS_SHOWN : COUNTRY_PROGRAMS_PAGE);
  const sections = [...overview(country, r.lang)];
  if (programs.length > 0) {
    sections.push({ heading: r.t("card-programs-of-country"), lines: [...page.items.map((p) => `• ${p.title[r.lang]}`), ...pageNumber(r.t, page)] });
  }
  const keyboard = keyboardOf(
    ...rowsOf(page.items.map((p) => InlineKeyboard.text(p.title[r.lang], callback.entry(p.id))), 1),
    pageButtons(r.t, page, (n) => callback.entry(country.id, n)),
    [contactsButton(r), InlineKeyboard.text(r.t("card-follow-button"), callback.follow(countryTopic(country.id)))],
    [InlineKeyboard.text(r.t("nav-back-countries"), callback.countries()), homeButton(r)],
  );
  return card(r, country, sections, country.to_confirm, keyboard);
}

/** The department's card: its own text and phones, each number tappable and said once. */
function contactCard(r: Renderer, contact: ContactEntry): View {
  const text = overview(contact, r.lang).map(tappablePhones);
  const said = text.flatMap((s) => s.lines).join("\n");
  const details = tappablePhones(contactDetails(contact, r.lang, r.t));
  const unsaid = { ...details, lines: details.lines.filter((line) => !PHONE.test(line) || !said.includes(line.match(PHONE)![0])) };
  return card(r, contact, unsaid.lines.length > 0 ? [...text, unsaid] : text, needsConfirming(contact), keyboardOf([homeButton(r)]));
}

function card(r: Renderer, entry: Entry, sections: Section[], toConfirm: boolean, keyboard: InlineKeyboard): View {
  const description = withConfirmNote(entry.title[r.lang], sections, toConfirm, r.t);
  return { html: sectionsToHtml(description.title, description.sections), keyboard };
}

/** Whom to call: a program's contact, else the department. */
const contactsButton = (r: Renderer, id: string = DEPARTMENT_CONTACT): Button => InlineKeyboard.text(r.t("card-contacts-button"), callback.entry(id));

/** A phone number as the knowledge writes it (+998 91 209 07 66) or tappable (+998912090766). */
const PHONE = /\+\d[\d ]{7,}\d/;

/** Telegram makes a phone number tappable when it is written without spaces. */
export const tappablePhone = (text: string): string => text.replace(new RegExp(PHONE, "g"), (phone) => phone.replace(/ /g, ""));

export const tappablePhones = (section: Section): Section => ({ ...section, lines: section.lines.map(tappablePhone) });
