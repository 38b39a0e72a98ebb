/**
 * Knowledge entries as screens: a card per entry with the next step one tap
 * away (partner countries, how to apply, contacts, related entries, the way
 * back), and the lists of programs and countries.
 * Rendered once per knowledge base and language, then reused.
 */
import { InlineKeyboard } from "grammy";
import { countryTopic, programTopic } from "../../broadcast/audience.js";
import {
  contactDetails,
  eligibility,
  needsConfirming,
  overview,
  relatedEntries,
  withConfirmNote,
  type Section,
} from "../../knowledge/describe.js";
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

function renderEntry(r: Renderer, kb: KnowledgeBase, entry: Entry, page: number): View {
  switch (entry.type) {
    case "program":
      return programCard(r, kb, entry, page);
    case "country":
      return countryCard(r, kb, entry, page);
    case "contact":
      return contactCard(r, entry);
    case "topic":
      return card(r, entry, overview(entry, r.lang), entry.to_confirm, keyboardOf(...relatedRows(r, kb, entry, []), [homeButton(r)]));
  }
}

/** A program's card; its partner countries' buttons a page at a time (a network program may have dozens). */
function programCard(r: Renderer, kb: KnowledgeBase, program: ProgramEntry, requested: number): View {
  const { countries, contact, eligibility: rules } = program.program;
  const page = pageOf(countries, requested);
  const countryButtons = page.items.map((id) => InlineKeyboard.text(r.t("card-country-button", { country: kb.byId.get(id)!.title[r.lang] }), callback.entry(id)));
  const keyboard = keyboardOf(
    ...rowsOf(countryButtons, 2),
    pageButtons(r.t, page, (n) => callback.entry(program.id, n)),
    [InlineKeyboard.text(r.t("card-apply-button"), callback.applyPage(program.id, 0)), InlineKeyboard.text(r.t("card-contacts-button"), callback.entry(contact))],
    [InlineKeyboard.text(r.t("menu-eligibility"), callback.eligibilityFor(program.id))],
    [InlineKeyboard.text(r.t("card-remind-button"), callback.remind(program.id)), InlineKeyboard.text(r.t("card-follow-button"), callback.follow(programTopic(program.id)))],
    ...relatedRows(r, kb, program, [...countries, contact]),
    [InlineKeyboard.text(r.t("nav-back-programs"), callback.programs()), homeButton(r)],
  );
  return card(r, program, [...overview(program, r.lang), eligibility(program, r.lang, r.t)], program.to_confirm || rules.to_confirm, keyboard);
}

/** What JSPU does with the country, and its programs (a page of them): named in the text, one tap away below. */
function countryCard(r: Renderer, kb: KnowledgeBase, country: CountryEntry, requested: number): View {
  const programs = relatedEntries(kb, country).filter((e) => e.type === "program");
  const page = pageOf(programs, requested);
  const sections = [...overview(country, r.lang)];
  if (programs.length > 0) {
    sections.push({ heading: r.t("card-programs-of-country"), lines: [...page.items.map((p) => `• ${p.title[r.lang]}`), ...pageNumber(r.t, page)] });
  }
  const keyboard = keyboardOf(
    ...rowsOf(page.items.map((p) => InlineKeyboard.text(p.title[r.lang], callback.entry(p.id))), 1),
    pageButtons(r.t, page, (n) => callback.entry(country.id, n)),
    ...relatedRows(r, kb, country, programs.map((p) => p.id)),
    [InlineKeyboard.text(r.t("card-follow-button"), callback.follow(countryTopic(country.id)))],
    [InlineKeyboard.text(r.t("nav-back-countries"), callback.countries()), homeButton(r)],
  );
  return card(r, country, sections, country.to_confirm, keyboard);
}

function contactCard(r: Renderer, contact: ContactEntry): View {
  const sections = [...overview(contact, r.lang), tappablePhones(contactDetails(contact, r.lang, r.t))];
  return card(r, contact, sections, needsConfirming(contact), keyboardOf([homeButton(r)]));
}

function card(r: Renderer, entry: Entry, sections: Section[], toConfirm: boolean, keyboard: InlineKeyboard): View {
  const description = withConfirmNote(entry.title[r.lang], sections, toConfirm, r.t);
  return { html: sectionsToHtml(description.title, description.sections), keyboard };
}

/** Related entries as follow-up buttons, programs first, two to a row. */
function relatedRows(r: Renderer, kb: KnowledgeBase, entry: Entry, alreadyShown: string[]): Button[][] {
  const order = { program: 0, topic: 1, country: 2, contact: 3 } as const;
  const buttons = relatedEntries(kb, entry)
    .filter((e) => !alreadyShown.includes(e.id))
    .sort((a, b) => order[a.type] - order[b.type])
    .slice(0, 6)
    .map((related) => InlineKeyboard.text(related.title[r.lang], callback.entry(related.id)));
  return rowsOf(buttons, 2);
}

/** Telegram makes a phone number tappable when it is written without spaces. */
export const tappablePhones = (section: Section): Section => ({
  ...section,
  lines: section.lines.map((line) => line.replace(/\+\d[\d ]{7,}\d/g, (phone) => phone.replace(/ /g, ""))),
});
