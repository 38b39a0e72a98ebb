/**
 * Browsing the knowledge base: the programs and countries lists, and a card
 * for every entry with the next step one tap away (partner countries, how to
 * apply, contacts, related entries), and a way back from everywhere.
 */
import { Composer, InlineKeyboard } from "grammy";
import { contactDetails, eligibility, howToApply, needsConfirming, overview, relatedEntries, withConfirmNote, type Section } from "../../knowledge/describe.js";
import type { KnowledgeBase } from "../../knowledge/load.js";
import type { ContactEntry, Entry, ProgramEntry } from "../../knowledge/schema.js";
import type { BotContext, BotDeps } from "../context.js";
import { APPLY_BUTTON, callback, ENTRY_BUTTON } from "../ui/callback-data.js";
import { keyboardOf, rowsOf, type Button } from "../ui/keyboard.js";
import { reply, sectionsToHtml, show, type View } from "../ui/view.js";
import { homeButton, mainMenu } from "./menu.js";

const CONTACT_ID = "international-department";

export function browseFeature({ catalog }: Pick<BotDeps, "catalog">) {
  const feature = new Composer<BotContext>();

  feature.command("programs", (ctx) => reply(ctx, listView(ctx, catalog.kb, "program")));
  feature.callbackQuery(callback.programs(), (ctx) => show(ctx, listView(ctx, catalog.kb, "program")));
  feature.command("countries", (ctx) => reply(ctx, listView(ctx, catalog.kb, "country")));
  feature.callbackQuery(callback.countries(), (ctx) => show(ctx, listView(ctx, catalog.kb, "country")));
  feature.command("contacts", (ctx) => reply(ctx, entryView(ctx, catalog.kb, catalog.kb.byId.get(CONTACT_ID)!)));

  feature.callbackQuery(ENTRY_BUTTON, async (ctx) => {
    const entry = catalog.kb.byId.get(ctx.match[1]!);
    if (!entry) return staleButton(ctx);
    await show(ctx, entryView(ctx, catalog.kb, entry));
  });
  feature.callbackQuery(APPLY_BUTTON, async (ctx) => {
    const entry = catalog.kb.byId.get(ctx.match[1]!);
    if (entry?.type !== "program") return staleButton(ctx);
    await show(ctx, applyView(ctx, catalog.kb, entry));
  });

  return feature;
}

/** A button from an old message whose target no longer exists: say so and offer the menu. */
export async function staleButton(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await show(ctx, mainMenu(ctx));
}

function listView(ctx: BotContext, kb: KnowledgeBase, type: "program" | "country"): View {
  const buttons = kb.entries.filter((e) => e.type === type).map((entry) => InlineKeyboard.text(entry.title[ctx.lang], callback.entry(entry.id)));
  const keyboard = keyboardOf(...rowsOf(buttons, type === "program" ? 1 : 2), [InlineKeyboard.text(ctx.t("nav-home"), callback.menu())]);
  return { html: ctx.t(type === "program" ? "programs-title" : "countries-title"), keyboard };
}

/** Cards rendered once per knowledge base (a reload starts afresh) and language. */
const renderedCards = new WeakMap<KnowledgeBase, Map<string, View>>();

/** The card of any entry, with the buttons that fit its kind. */
export function entryView(ctx: BotContext, kb: KnowledgeBase, entry: Entry): View {
  let cards = renderedCards.get(kb);
  if (!cards) renderedCards.set(kb, (cards = new Map()));
  const key = `${ctx.lang}:${entry.id}`;
  let view = cards.get(key);
  if (!view) cards.set(key, (view = renderEntry(ctx, kb, entry)));
  return view;
}

function renderEntry(ctx: BotContext, kb: KnowledgeBase, entry: Entry): View {
  switch (entry.type) {
    case "program":
      return programView(ctx, kb, entry);
    case "contact":
      return contactView(ctx, entry);
    default:
      return card(ctx, entry, overview(entry, ctx.lang), entry.to_confirm, keyboardOf(...relatedRows(ctx, kb, entry, []), backButtons(ctx, entry)));
  }
}

function programView(ctx: BotContext, kb: KnowledgeBase, program: ProgramEntry): View {
  const { countries, contact, eligibility: rules } = program.program;
  const countryButtons = countries.map((id) => InlineKeyboard.text(`🌍 ${kb.byId.get(id)!.title[ctx.lang]}`, callback.entry(id)));
  const keyboard = keyboardOf(
    ...rowsOf(countryButtons, 2),
    [InlineKeyboard.text(ctx.t("card-apply-button"), callback.apply(program.id)), InlineKeyboard.text(ctx.t("card-contacts-button"), callback.entry(contact))],
    ...relatedRows(ctx, kb, program, [...countries, contact]),
    backButtons(ctx, program),
  );
  return card(ctx, program, [...overview(program, ctx.lang), eligibility(program, ctx.lang, ctx.t)], program.to_confirm || rules.to_confirm, keyboard);
}

function applyView(ctx: BotContext, kb: KnowledgeBase, program: ProgramEntry): View {
  const { steps, documents, deadlines } = program.program;
  const sections = howToApply(kb, program, ctx.lang, ctx.t).map(tappablePhones);
  const keyboard = keyboardOf(
    [InlineKeyboard.text(ctx.t("nav-back-card"), callback.entry(program.id)), InlineKeyboard.text(ctx.t("card-contacts-button"), callback.entry(program.program.contact))],
    [InlineKeyboard.text(ctx.t("nav-home"), callback.menu())],
  );
  const description = withConfirmNote(ctx.t("apply-title", { program: program.title[ctx.lang] }), sections, steps.to_confirm || documents.to_confirm || deadlines.to_confirm, ctx.t);
  return { html: sectionsToHtml(description.title, description.sections), keyboard };
}

function contactView(ctx: BotContext, contact: ContactEntry): View {
  const sections = [...overview(contact, ctx.lang), tappablePhones(contactDetails(contact, ctx.lang, ctx.t))];
  return card(ctx, contact, sections, needsConfirming(contact), homeButton(ctx));
}

function card(ctx: BotContext, entry: Entry, sections: Section[], toConfirm: boolean, keyboard: InlineKeyboard): View {
  const description = withConfirmNote(entry.title[ctx.lang], sections, toConfirm, ctx.t);
  return { html: sectionsToHtml(description.title, description.sections), keyboard };
}

/** Related entries as follow-up buttons, programs first, two to a row. */
function relatedRows(ctx: BotContext, kb: KnowledgeBase, entry: Entry, alreadyShown: string[]): Button[][] {
  const order = { program: 0, topic: 1, country: 2, contact: 3 } as const;
  const buttons = relatedEntries(kb, entry)
    .filter((e) => !alreadyShown.includes(e.id))
    .sort((a, b) => order[a.type] - order[b.type])
    .slice(0, 6)
    .map((related) => InlineKeyboard.text(related.title[ctx.lang], callback.entry(related.id)));
  return rowsOf(buttons, 2);
}

function backButtons(ctx: BotContext, entry: Entry): Button[] {
  const home = InlineKeyboard.text(ctx.t("nav-home"), callback.menu());
  if (entry.type === "program") return [InlineKeyboard.text(ctx.t("nav-back-programs"), callback.programs()), home];
  if (entry.type === "country") return [InlineKeyboard.text(ctx.t("nav-back-countries"), callback.countries()), home];
  return [home];
}

/** Telegram makes a phone number tappable when it is written without spaces. */
const tappablePhones = (section: Section): Section => ({
  ...section,
  lines: section.lines.map((line) => line.replace(/\+\d[\d ]{7,}\d/g, (phone) => phone.replace(/ /g, ""))),
});
