/**
 * The main menu and the help on demand, and what to do with a button this
 * version of the bot does not know (an old message).
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { callback } from "../ui/callback-data.js";
import { homeButton } from "../ui/cards.js";
import { keyboardOf } from "../ui/keyboard.js";
import { mainMenu } from "../ui/main-menu.js";
import { staleButton } from "../ui/stale-button.js";
import { reply, show } from "../ui/view.js";

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
