/** The main menu, which every screen leads back to. */
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { callback } from "../ui/callback-data.js";
import type { View } from "../ui/view.js";

export function mainMenu(ctx: BotContext): View {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("menu-programs"), callback.programs())
    .text(ctx.t("menu-countries"), callback.countries())
    .row()
    .text(ctx.t("menu-contacts"), callback.entry("international-department"))
    .text(ctx.t("menu-language"), callback.languages());
  return { html: ctx.t("menu-title"), keyboard };
}

export const homeButton = (ctx: BotContext) => new InlineKeyboard().text(ctx.t("nav-home"), callback.menu());
