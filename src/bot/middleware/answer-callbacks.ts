/**
 * Every button press is answered, or the user's app shows a spinner for a
 * long while. Handlers answer with a text when they have one; whatever they
 * leave unanswered (including after an error) is answered here.
 */
import type { NextFunction } from "grammy";
import type { BotContext } from "../context.js";

export async function answerCallbacks(ctx: BotContext, next: NextFunction): Promise<void> {
  if (!ctx.callbackQuery) return next();
  let answered = false;
  ctx.api.config.use((prev, method, payload, signal) => {
    if (method === "answerCallbackQuery") answered = true;
    return prev(method, payload, signal);
  });
  try {
    await next();
  } finally {
    if (!answered) await ctx.answerCallbackQuery().catch((error) => ctx.log.warn({ err: error }, "could not answer a button press"));
  }
}
