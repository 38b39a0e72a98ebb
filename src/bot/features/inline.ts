/**
 * Inline mode: "@bot erasmus" in any chat lists matching entries to share;
 * each shared card links back to the bot.
 */
import { Composer, InlineKeyboard, InlineQueryResultBuilder } from "grammy";
import { programsOf } from "../../knowledge/load.js";
import type { Entry } from "../../knowledge/schema.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { splitMessage } from "../ui/split.js";
import { entryView } from "../ui/cards.js";
import { excerpt } from "../ui/excerpt.js";

const MAX_RESULTS = 10;
const DESCRIPTION_LENGTH = 120;

export function inlineFeature({ catalog }: Pick<BotDeps, "catalog">) {
  const feature = new Composer<BotContext>();

  feature.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const { kb } = ctx;
    const entries: Entry[] =
      query === ""
        ? programsOf(kb)
        : catalog.search(query, { limit: MAX_RESULTS }).results.map((hit) => kb.byId.get(hit.id)!);
    const results = entries.slice(0, MAX_RESULTS).map((entry) => {
      // The shared card is one message: its first part, with a button into the bot for the rest.
      const [html] = splitMessage(entryView(ctx, kb, entry).html);
      const open = new InlineKeyboard().url(ctx.t("inline-open-in-bot"), `https://t.me/${ctx.me.username}?start=${entry.id}`);
      return InlineQueryResultBuilder.article(entry.id, entry.title[ctx.lang], {
        description: excerpt(entry.summary[ctx.lang], DESCRIPTION_LENGTH),
        reply_markup: open,
      }).text(html!, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    });
    await ctx.answerInlineQuery(results, { cache_time: 60, is_personal: true });
  });

  return feature;
}
