/**
 * /console (staff, in a private chat): a one-time login link to the knowledge
 * console in a browser, and with an https PUBLIC_URL a "Knowledge" button
 * that opens it inside Telegram as a Mini App. Without PUBLIC_URL the console
 * is off, and staff are told so.
 */
import { Composer, InlineKeyboard } from "grammy";
import { issueLoginLink, miniAppUrl } from "../../console/links.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";

export function consoleFeature({ store, settings }: Pick<BotDeps, "store" | "settings">) {
  const feature = new Composer<BotContext>();

  feature.chatType("private").command("console", async (ctx) => {
    const { publicUrl } = settings;
    if (!publicUrl) return void (await ctx.reply(ctx.t("console-off")));
    const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ");
    const link = issueLoginLink(store.consoleAccess, publicUrl, { userId: ctx.from.id, name });
    if (!link) return void (await ctx.reply(ctx.t("console-too-many")));
    const url = miniAppUrl(publicUrl);
    const miniApp = url ? new InlineKeyboard().webApp(ctx.t("console-knowledge-button"), url) : undefined;
    await ctx.reply(ctx.t("console-link", { url: link }), { reply_markup: miniApp, link_preview_options: { is_disabled: true } });
  });

  return feature;
}
