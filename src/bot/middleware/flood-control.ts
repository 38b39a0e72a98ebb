/**
 * Per-user flood control: a user sending faster than a person types gets one
 * "please wait" and the excess is dropped, so one spammer cannot slow down
 * everyone else. (Each chat is handled in order, so without this a burst would
 * also queue the spammer's own later messages.)
 */
import { limit } from "@grammyjs/ratelimiter";
import type { BotContext } from "../context.js";

export const FLOOD_LIMIT = { updates: 20, perMs: 10_000 };

export const floodControl = () =>
  limit<BotContext, never>({
    timeFrame: FLOOD_LIMIT.perMs,
    limit: FLOOD_LIMIT.updates,
    keyGenerator: (ctx) => (ctx.inlineQuery ? undefined : ctx.from?.id.toString()),
    onLimitExceeded: async (ctx) => {
      ctx.log.warn("flood control: dropping updates");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("flood-slow-down") });
      else if (ctx.chat?.type === "private") await ctx.reply(ctx.t("flood-slow-down"));
    },
  });
