/**
 * /start and the language: greeting in the user's language (or asking for
 * it), and switching the language at any time (/language, the menu). After
 * the first greeting, new users are asked once whether they want
 * announcements; subscriptions.ts takes their answer.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { Store } from "../../storage/store.js";
import { UI_LANGS, type UiLang } from "../../storage/users.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { applyLanguage, fromTelegramLanguage } from "../locale.js";
import { callback } from "../ui/callback-data.js";
import { entryView } from "../ui/cards.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf } from "../ui/keyboard.js";
import { mainMenu } from "../ui/main-menu.js";
import { reply, show, type View } from "../ui/view.js";

/**
 * The picker reads the same in every language (each language named in its own
 * words), so it uses the plain translation: never transliterated.
 */
function languagePicker(ctx: BotContext): View {
  const button = (lang: UiLang) => InlineKeyboard.text(ctx.translate(`language-name-${lang}`), callback.language(lang));
  return { html: ctx.translate("start-choose-language"), keyboard: keyboardOf([button("uz"), button("uz-cyrl")], [button("ru"), button("en")]) };
}

/** The greeting with the main menu under it. */
function welcome(ctx: BotContext): View {
  const menu = mainMenu(ctx);
  return { html: `${ctx.t("start-welcome", { name: escapeHtml(ctx.from?.first_name ?? "") })}\n\n${menu.html}`, keyboard: menu.keyboard };
}

/** After a new user's first greeting: do they want announcements? Asked once ever, answered or not. */
async function askAboutAnnouncementsOnce(ctx: BotContext, store: Store): Promise<void> {
  const user = ctx.user;
  if (!user || user.subscriptionAsked || ctx.chat?.type !== "private") return;
  store.users.markSubscriptionAsked(user.id);
  if (store.subscriptions.topicsOf(user.id).length > 0) return; // they already chose, from a card
  const keyboard = keyboardOf(
    [InlineKeyboard.text(ctx.t("subs-yes-all"), callback.announcementsYes())],
    [InlineKeyboard.text(ctx.t("subs-choose-topics"), callback.announcements())],
    [InlineKeyboard.text(ctx.t("subs-no-thanks"), callback.announcementsNo())],
  );
  await reply(ctx, { html: ctx.t("subs-question"), keyboard });
}

const isUiLang = (value: string): value is UiLang => (UI_LANGS as readonly string[]).includes(value);

export function startFeature({ store }: Pick<BotDeps, "store">) {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    const known = ctx.user?.lang ?? fromTelegramLanguage(ctx.from?.language_code);
    if (!known) return reply(ctx, languagePicker(ctx));
    if (ctx.user && !ctx.user.lang) store.users.setLanguage(ctx.user.id, known);
    // A deep link from a shared card (t.me/bot?start=<entry id>) opens that card.
    const { kb } = ctx;
    const entry = ctx.match ? kb.byId.get(ctx.match) : undefined;
    await reply(ctx, entry ? entryView(ctx, kb, entry) : welcome(ctx));
    if (!entry) await askAboutAnnouncementsOnce(ctx, store);
  });

  feature.command("language", (ctx) => reply(ctx, languagePicker(ctx)));
  feature.callbackQuery(callback.languages(), (ctx) => show(ctx, languagePicker(ctx)));
  feature.callbackQuery(callback.language.pattern, async (ctx) => {
    const chosen = callback.language.read(ctx.match).lang;
    if (!isUiLang(chosen)) return show(ctx, languagePicker(ctx));
    if (ctx.from) store.users.setLanguage(ctx.from.id, chosen);
    applyLanguage(ctx, chosen);
    await ctx.answerCallbackQuery({ text: ctx.t("language-saved") });
    await show(ctx, welcome(ctx));
    await askAboutAnnouncementsOnce(ctx, store);
  });

  return feature;
}
