/**
 * /start, the main menu and the language: greeting in the user's language
 * (or asking for it), the menu every screen leads back to, and switching the
 * language at any time.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { UiLang } from "../../storage/store.js";
import type { BotContext, BotDeps } from "../context.js";
import { applyLanguage, fromTelegramLanguage } from "../middleware/language.js";
import { callback, LANGUAGE_BUTTON } from "../ui/callback-data.js";
import { escapeHtml } from "../ui/html.js";
import { reply, show, type View } from "../ui/view.js";
import { entryView } from "./browse.js";
import { homeButton, mainMenu } from "./menu.js";

/** Each language's name as its own speakers write it: the same on every screen. */
const LANGUAGE_NAMES: Record<UiLang, string> = { uz: "🇺🇿 O'zbekcha", "uz-cyrl": "🇺🇿 Ўзбекча", ru: "🇷🇺 Русский", en: "🇬🇧 English" };

function languagePicker(ctx: BotContext): View {
  const keyboard = new InlineKeyboard()
    .text(LANGUAGE_NAMES.uz, callback.language("uz"))
    .text(LANGUAGE_NAMES["uz-cyrl"], callback.language("uz-cyrl"))
    .row()
    .text(LANGUAGE_NAMES.ru, callback.language("ru"))
    .text(LANGUAGE_NAMES.en, callback.language("en"));
  return { html: ctx.t("start-choose-language"), keyboard };
}

/** The greeting with the main menu under it. */
function welcome(ctx: BotContext): View {
  const menu = mainMenu(ctx);
  return { html: `${ctx.t("start-welcome", { name: escapeHtml(ctx.from?.first_name ?? "") })}\n\n${menu.html}`, keyboard: menu.keyboard };
}

const isUiLang = (value: string): value is UiLang => value in LANGUAGE_NAMES;

export function startFeature({ store, catalog }: Pick<BotDeps, "store" | "catalog">) {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    const known = ctx.user?.lang ?? fromTelegramLanguage(ctx.from?.language_code);
    if (!known) return reply(ctx, languagePicker(ctx));
    if (ctx.user && !ctx.user.lang) store.setLanguage(ctx.user.id, known);
    // A deep link from a shared card (t.me/bot?start=<entry id>) opens that card.
    const entry = ctx.match ? catalog.kb.byId.get(ctx.match) : undefined;
    await reply(ctx, entry ? entryView(ctx, catalog.kb, entry) : welcome(ctx));
  });

  feature.command("menu", (ctx) => reply(ctx, mainMenu(ctx)));
  feature.callbackQuery(callback.menu(), (ctx) => show(ctx, mainMenu(ctx)));
  feature.command("help", (ctx) => reply(ctx, { html: ctx.t("help-text"), keyboard: homeButton(ctx) }));

  feature.command("language", (ctx) => reply(ctx, languagePicker(ctx)));
  feature.callbackQuery(callback.languages(), (ctx) => show(ctx, languagePicker(ctx)));
  feature.callbackQuery(LANGUAGE_BUTTON, async (ctx) => {
    const chosen = ctx.match[1]!;
    if (!isUiLang(chosen)) return show(ctx, languagePicker(ctx));
    if (ctx.from) store.setLanguage(ctx.from.id, chosen);
    applyLanguage(ctx, chosen);
    await ctx.answerCallbackQuery({ text: ctx.t("language-saved") });
    await show(ctx, welcome(ctx));
  });

  return feature;
}
