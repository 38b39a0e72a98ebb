/**
 * An entry as students would see it: its card and each section a question can
 * ask for, with the very text (Telegram HTML) and button labels the bot sends
 * (src/bot/ui/), in any reader's language and script.
 */
import type { I18n } from "@grammyjs/i18n";
import { SECTION_FACETS, type SectionFacet } from "../answers/facets.js";
import type { BotContext } from "../bot/context.js";
import { readers } from "../bot/locale.js";
import { sectionView } from "../bot/ui/answer-view.js";
import { entryView } from "../bot/ui/cards.js";
import type { View } from "../bot/ui/view.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { UiLang } from "../storage/users.js";

export interface Screen {
  html: string;
  /** Button labels, row by row. */
  buttons: string[][];
}

export interface EntryPreview {
  card: Screen;
  /** What a question about each section gets (a program's sections, a contact's phones). */
  sections: Partial<Record<SectionFacet, Screen>>;
}

const screenOf = (view: View): Screen => ({ html: view.html, buttons: view.keyboard?.inline_keyboard.map((row) => row.map((button) => button.text)) ?? [] });

/** The entry `id` of `kb` as a reader of `ui` gets it; undefined when the base has no such entry. */
export function previewEntry(i18n: I18n<BotContext>, kb: KnowledgeBase, id: string, ui: UiLang): EntryPreview | undefined {
  const reader = readers({ i18n, catalog: { kb } })(ui);
  const entry = reader.kb.byId.get(id);
  if (!entry) return undefined;
  const facets: readonly SectionFacet[] = entry.type === "program" ? SECTION_FACETS : entry.type === "contact" ? ["contacts"] : [];
  return {
    card: screenOf(entryView(reader, reader.kb, entry)),
    sections: Object.fromEntries(facets.map((facet) => [facet, screenOf(sectionView(reader, entry, facet))])),
  };
}
