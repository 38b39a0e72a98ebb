/**
 * Per-user flood control: a user sending faster than a person types gets one
 * "please wait" and the excess is dropped, so one spammer cannot slow down
 * everyone else. (Each chat is handled in order, so without this a burst would
 * also queue the spammer's own later messages.) Inline queries have a budget
 * of their own: typing "@bot erasmus" sends one per pause, and each is a search.
 *
 * A dropped update is still answered where Telegram waits for an answer: a
 * button press (or the app shows a spinner), an inline query (empty results).
 */
import type { NextFunction } from "grammy";
import type { BotContext } from "../context.js";

export const FLOOD_LIMIT = { updates: 20, inlineQueries: 30, perMs: 10_000 };

/** How long Telegram may show a dropped inline query's empty results again: short, the user may be back within the window. */
const DROPPED_INLINE_CACHE_SECONDS = 5;

/** Counts per key in fixed windows: every count starts again once a window has passed. */
function fixedWindows(perMs: number) {
  const counts = new Map<string, number>();
  let windowStart = -Infinity;
  return (key: string, now: number): number => {
    if (now - windowStart >= perMs) {
      counts.clear();
      windowStart = now;
    }
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    return count;
  };
}

export function floodControl() {
  const count = fixedWindows(FLOOD_LIMIT.perMs);
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const user = ctx.from?.id;
    if (user === undefined) return next();
    const inline = ctx.inlineQuery !== undefined;
    const n = count(`${inline ? "inline" : "chat"}:${user}`, Date.now());
    const limit = inline ? FLOOD_LIMIT.inlineQueries : FLOOD_LIMIT.updates;
    if (n <= limit) return next();

    // The first update over the limit in a window says so; the rest are answered silently, or not at all.
    const first = n === limit + 1;
    if (first) ctx.log.warn({ inline }, "flood control: dropping updates");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery(first ? { text: ctx.t("flood-slow-down"), show_alert: true } : {});
      else if (inline) await ctx.answerInlineQuery([], { cache_time: DROPPED_INLINE_CACHE_SECONDS, is_personal: true });
      else if (first && ctx.chat?.type === "private") await ctx.reply(ctx.t("flood-slow-down"));
    } catch (error) {
      // Only logged: an apology would be one more message to a flooder.
      ctx.log.warn({ err: error }, "flood control: could not answer a dropped update");
    }
  };
}
