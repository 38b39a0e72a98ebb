/**
 * The bot serves private chats. In groups it answers only what is addressed
 * to it — commands, @mentions, replies to its messages, its own buttons — and
 * ignores the rest of the chatter.
 */
import type { NextFunction } from "grammy";
import type { BotContext } from "../context.js";

export function chatScope(ctx: BotContext, next: NextFunction) {
  const message = ctx.message;
  if (!message || message.chat.type === "private") return next();
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const addressed =
    entities.some((e) => e.type === "bot_command" && e.offset === 0) ||
    text.toLowerCase().includes(`@${ctx.me.username.toLowerCase()}`) ||
    message.reply_to_message?.from?.id === ctx.me.id;
  if (addressed) return next();
}
