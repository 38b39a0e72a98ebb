/**
 * Keeps the users table current: who wrote and when, their Telegram language,
 * and whether they blocked the bot (from my_chat_member updates, and from 403
 * answers to anything the bot sends them).
 */
import type { NextFunction, Transformer } from "grammy";
import type { Store } from "../../storage/store.js";
import type { BotContext } from "../context.js";

export const trackUsers = (store: Store) => (ctx: BotContext, next: NextFunction) => {
  const member = ctx.myChatMember;
  if (member) {
    // The user blocked (kicked) or unblocked the bot in their private chat.
    if (member.chat.type === "private") store.users.setBlocked(member.chat.id, member.new_chat_member.status === "kicked");
    return next();
  }
  const from = ctx.from;
  if (from && !from.is_bot) {
    ctx.user = store.users.see({ id: from.id, firstName: from.first_name, username: from.username, languageCode: from.language_code });
  }
  return next();
};

/** A 403 to a private chat means the user blocked the bot, deleted their account or never started it. */
export const markBlockedOn403 =
  (store: Store): Transformer =>
  async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (!result.ok && result.error_code === 403 && typeof chatId === "number" && chatId > 0) store.users.setBlocked(chatId, true);
    return result;
  };
