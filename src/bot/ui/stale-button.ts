import type { BotContext } from "../context.js";
import { mainMenu } from "./main-menu.js";
import { show } from "./view.js";

/** A button whose target no longer exists, or that this version does not know (an old message): say so and offer the menu. */
export async function staleButton(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("stale-button") });
  await show(ctx, mainMenu(ctx));
}
