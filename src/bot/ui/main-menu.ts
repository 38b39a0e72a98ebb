/** The main menu, which every screen leads back to, and the help under which it stands. */
import { InlineKeyboard } from "grammy";
import { DEPARTMENT_CONTACT } from "../../knowledge/contract.js";
import type { BotContext } from "../context.js";
import { callback } from "./callback-data.js";
import { keyboardOf } from "./keyboard.js";
import { askButton, canAskDepartment } from "./questions.js";
import type { View } from "./view.js";

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
