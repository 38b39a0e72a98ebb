/**
 * The error boundary: an error in one update is logged with its update id and
 * answered politely; the bot goes on with the next update.
 */
import { GrammyError, HttpError, type BotError } from "grammy";
import type { BotContext } from "../context.js";

export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const log = ctx.log;
  const cause = error.error;
  if (cause instanceof GrammyError && cause.error_code === 403) {
    log.info({ method: cause.method }, "the user blocked the bot");
    return;
  }
  log.error({ err: cause, http: cause instanceof HttpError }, "error while handling an update");
  try {
    // A button press has been answered already (answer-callbacks.ts): say it in the chat.
    if (ctx.chat?.type === "private") await ctx.reply(ctx.t("error-generic"));
  } catch (replyError) {
    log.warn({ err: replyError }, "could not tell the user about the error");
  }
}
