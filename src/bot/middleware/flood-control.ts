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

/**
 * Per-key sliding windows: an update is let through when fewer than `limit`
 * were let through in the last `perMs`, so "20 in 10 seconds" holds for any 10
 * seconds, not only for windows that start on a clock. A dropped update is to
 * be warned about (`warn`) when the key was not warned in the last `perMs`.
 */
export function slidingWindows(limit: number, perMs: number) {
  const keys = new Map<string, { passed: number[]; warnedAt: number }>();
  let sweptAt = 0;
  return (key: string, now: number): { pass: boolean; warn: boolean } => {
    // Users quiet for a whole window are forgotten, so memory follows the active users only.
    if (now - sweptAt >= perMs) {
      for (const [k, state] of keys) if (now - state.passed[state.passed.length - 1]! >= perMs) keys.delete(k);
      sweptAt = now;
    }
    let state = keys.get(key);
    if (!state) keys.set(key, (state = { passed: [], warnedAt: -Infinity }));
    while (state.passed.length > 0 && now - state.passed[0]! >= perMs) state.passed.shift();
    if (state.passed.length < limit) {
      state.passed.push(now);
      return { pass: true, warn: false };
    }
    const warn = now - state.warnedAt >= perMs;
    if (warn) state.warnedAt = now;
    return { pass: false, warn };
  };
}

export function floodControl() {
  const updates = slidingWindows(FLOOD_LIMIT.updates, FLOOD_LIMIT.perMs);
  const inlineQueries = slidingWindows(FLOOD_LIMIT.inlineQueries, FLOOD_LIMIT.perMs);
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const user = ctx.from?.id;
    if (user === undefined) return next();
    const inline = ctx.inlineQuery !== undefined;
    const { pass, warn: first } = (inline ? inlineQueries : updates)(String(user), Date.now());
    if (pass) return next();

    // The first update dropped in a window says so; the rest are answered silently, or not at all.
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
