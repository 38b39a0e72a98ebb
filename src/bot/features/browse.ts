/**
 * Browsing the knowledge base: the programs and countries lists, every
 * entry's card, and a program's "how to apply".
 */
import { Composer } from "grammy";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { BotContext, BotDeps } from "../context.js";
import { knowledgeFor } from "../middleware/language.js";
import { callback, ENTRY_BUTTON } from "../ui/callback-data.js";
import { entryView, listView } from "../ui/cards.js";
import { reply, show } from "../ui/view.js";
import { staleButton } from "./menu.js";

export function browseFeature({ catalog }: Pick<BotDeps, "catalog">) {
  const feature = new Composer<BotContext>();
  const kb = (ctx: BotContext) => knowledgeFor(ctx, catalog);

  feature.command("programs", (ctx) => reply(ctx, listView(ctx, kb(ctx), "program")));
  feature.callbackQuery(callback.programs(), (ctx) => show(ctx, listView(ctx, kb(ctx), "program")));
  feature.command("countries", (ctx) => reply(ctx, listView(ctx, kb(ctx), "country")));
  feature.callbackQuery(callback.countries(), (ctx) => show(ctx, listView(ctx, kb(ctx), "country")));
  feature.command("contacts", (ctx) => reply(ctx, entryView(ctx, kb(ctx), kb(ctx).byId.get(DEPARTMENT_CONTACT)!)));

  feature.callbackQuery(ENTRY_BUTTON, async (ctx) => {
    const entry = kb(ctx).byId.get(ctx.match[1]!);
    if (!entry) return staleButton(ctx);
    await show(ctx, entryView(ctx, kb(ctx), entry));
  });

  return feature;
}
