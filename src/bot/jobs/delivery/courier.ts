/**
 * Delivers a broadcast's message to one student with copyMessage (or
 * copyMessages for an album), so formatting and media arrive as staff sent
 * them. Telegram's answer becomes a DeliveryResult for the engine.
 */
import { GrammyError, HttpError, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Courier, DeliveryResult } from "../../../broadcast/engine.js";

/** `markupFor` gives the buttons under an announcement in that recipient's language; albums cannot carry buttons. */
export function telegramCourier(api: Api, markupFor: (userId: number) => InlineKeyboardMarkup | undefined): Courier {
  return {
    async deliver(broadcast, userId): Promise<DeliveryResult> {
      try {
        const [first, ...rest] = broadcast.messageIds;
        if (rest.length === 0) await api.copyMessage(userId, broadcast.sourceChatId, first!, { reply_markup: markupFor(userId) });
        else await api.copyMessages(userId, broadcast.sourceChatId, broadcast.messageIds);
        return { ok: true };
      } catch (error) {
        if (error instanceof GrammyError) {
          return { ok: false, error: { errorCode: error.error_code, description: error.description, retryAfterSeconds: error.parameters.retry_after } };
        }
        // Network trouble (reset, timeout): grammY wraps it in an HttpError.
        const cause = error instanceof HttpError ? error.error : error;
        return { ok: false, error: { description: cause instanceof Error ? cause.message : String(cause) } };
      }
    },

    async reachable() {
      try {
        await api.getMe();
        return true;
      } catch {
        return false;
      }
    },
  };
}
