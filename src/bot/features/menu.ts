/**
 * The main menu, which every screen leads back to, the help, and what to do
 * with a button this version of the bot does not know (an old message).
 */
import { Composer, InlineKeyboard } from "grammy";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { BotContext } from "../context.js";
import { callback } from "../ui/callback-data.js";
import { homeButton } from "../ui/cards.js";
import { keyboardOf } from "../ui/keyboard.js";
import { reply, show, type View } from "../ui/view.js";
import { askButton, canAskDepartment } from "./questions-ui.js";

export function mainMenu(ctx: Pick<BotContext, "t" | "questionsOffered">): View {
  const keyboard = keyboardOf(
    [InlineKeyboard.text(ctx.t("menu-programs"), callback.programs()), InlineKeyboard.text(ctx.t("menu-countries"), callback.countries())],
    [InlineKeyboard.text(ctx.t("menu-eligibility"), callback.eligibility()), InlineKeyboard.text(ctx.t("menu-apply"), callback.applyChooser())],
    [InlineKeyboard.text(ctx.t("menu-announcements"), callback.announcements())],
    canAskDepartment(ctx) ? [askButton(ctx)] : [],
    [InlineKeyboard.text(ctx.t("menu-contacts"), callback.entry(DEPARTMENT_CONTACT)), InlineKeyboard.text(ctx.t("menu-language"), callback.languages())],
  );
  return { html: ctx.t("menu-title"), keyboard };
}

export const helpView = (ctx: BotContext): View => ({ html: ctx.t("help-text"), keyboard: mainMenu(ctx).keyboard });

/** A button whose target no longer exists, or that this version does not know: say so and offer the menu. */
export async function staleButton(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await show(ctx, mainMenu(ctx));
}

export function menuFeature() {
  const feature = new Composer<BotContext>();
  feature.command("menu", (ctx) => reply(ctx, mainMenu(ctx)));
  feature.callbackQuery(callback.menu(), (ctx) => show(ctx, mainMenu(ctx)));
  feature.command("help", (ctx) => reply(ctx, { html: ctx.t("help-text"), keyboard: keyboardOf([homeButton(ctx)]) }));
  return feature;
}

/** Registered after every feature: whatever button is left was not recognised. */
export function unknownButtonFeature() {
  const feature = new Composer<BotContext>();
  feature.on("callback_query:data", staleButton);
  return feature;
}
