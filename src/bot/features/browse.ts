/**
 * Browsing the knowledge base: the programs and countries lists, every
 * entry's card, a program's sections (deadlines, documents, ...), and its "how to apply".
 */
import { Composer } from "grammy";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { BotContext } from "../context.js";
import { callback } from "../ui/callback-data.js";
import { sectionView } from "../ui/answer-view.js";
import { entryView, listView } from "../ui/cards.js";
import { staleButton } from "../ui/stale-button.js";
import { reply, show } from "../ui/view.js";

export function browseFeature() {
  const feature = new Composer<BotContext>();

  feature.command("programs", (ctx) => reply(ctx, listView(ctx, ctx.kb, "program")));
  feature.callbackQuery(callback.programs.pattern, (ctx) => show(ctx, listView(ctx, ctx.kb, "program", callback.programs.read(ctx.match).page)));
  feature.command("countries", (ctx) => reply(ctx, listView(ctx, ctx.kb, "country")));
  feature.callbackQuery(callback.countries.pattern, (ctx) => show(ctx, listView(ctx, ctx.kb, "country", callback.countries.read(ctx.match).page)));
  feature.command("contacts", (ctx) => reply(ctx, entryView(ctx, ctx.kb, ctx.kb.byId.get(DEPARTMENT_CONTACT)!)));

  feature.callbackQuery(callback.entry.pattern, async (ctx) => {
    const { id, page } = callback.entry.read(ctx.match);
    const entry = ctx.kb.byId.get(id);
    if (!entry) return staleButton(ctx);
    await show(ctx, entryView(ctx, ctx.kb, entry, page));
  });

  feature.callbackQuery(callback.facet.pattern, async (ctx) => {
    const { id, facet, page } = callback.facet.read(ctx.match);
    const entry = ctx.kb.byId.get(id);
    if (!entry) return staleButton(ctx);
    await show(ctx, sectionView(ctx, entry, facet, page));
  });

  return feature;
}
