/**
 * Browsing the knowledge base: the programs and countries lists, every
 * entry's card, and a program's "how to apply".
 */
import { Composer } from "grammy";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { BotContext } from "../context.js";
import { COUNTRIES_PAGE, ENTRY_BUTTON, PROGRAMS_PAGE } from "../ui/callback-data.js";
import { entryView, listView } from "../ui/cards.js";
import { staleButton } from "../ui/stale-button.js";
import { reply, show } from "../ui/view.js";

export function browseFeature() {
  const feature = new Composer<BotContext>();

  feature.command("programs", (ctx) => reply(ctx, listView(ctx, ctx.kb, "program")));
  feature.callbackQuery(PROGRAMS_PAGE, (ctx) => show(ctx, listView(ctx, ctx.kb, "program", Number(ctx.match[1] ?? 0))));
  feature.command("countries", (ctx) => reply(ctx, listView(ctx, ctx.kb, "country")));
  feature.callbackQuery(COUNTRIES_PAGE, (ctx) => show(ctx, listView(ctx, ctx.kb, "country", Number(ctx.match[1] ?? 0))));
  feature.command("contacts", (ctx) => reply(ctx, entryView(ctx, ctx.kb, ctx.kb.byId.get(DEPARTMENT_CONTACT)!)));

  feature.callbackQuery(ENTRY_BUTTON, async (ctx) => {
    const entry = ctx.kb.byId.get(ctx.match[1]!);
    if (!entry) return staleButton(ctx);
    await show(ctx, entryView(ctx, ctx.kb, entry, Number(ctx.match[2] ?? 0)));
  });

  return feature;
}
