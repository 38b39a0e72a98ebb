/**
 * Each update is handled once, even when it arrives again: after a restart
 * (long polling re-delivers what was fetched but not confirmed) or when
 * Telegram retries a webhook. Handled update ids are kept in the database;
 * an update is recorded when its handling ends, so one cut short by a crash
 * is handled again rather than lost.
 */
import type { NextFunction } from "grammy";
import type { Store } from "../../storage/store.js";
import type { BotContext } from "../context.js";

export function oncePerUpdate(store: Store) {
  const inFlight = new Set<number>();
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const id = ctx.update.update_id;
    if (inFlight.has(id) || store.updates.isHandled(id)) {
      ctx.log.info("update already handled, skipped");
      return;
    }
    inFlight.add(id);
    try {
      await next();
    } finally {
      store.updates.markHandled(id);
      inFlight.delete(id);
    }
  };
}
