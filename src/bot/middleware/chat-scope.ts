/**
 * The bot serves private chats. In groups it answers only what is addressed
 * to it — commands, @mentions, replies to its messages, its own buttons — and
 * ignores the rest of the chatter.
 */
import type { NextFunction } from "grammy";
import type { BotContext } from "../context.js";
import { isPersonalButton } from "../ui/callback-data.js";

export function chatScope(ctx: BotContext, next: NextFunction) {
  const message = ctx.message;
  if (!message || message.chat.type === "private") return next();
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const mention = `@${ctx.me.username.toLowerCase()}`;
  const command = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  // "/start@other_bot" is for another bot; "/start" and "/start@us" are ours.
  const commandTarget = command && text.slice(0, command.length).toLowerCase().split("@")[1];
  const addressed =
    (command !== undefined && (commandTarget === undefined || `@${commandTarget}` === mention)) ||
    text.toLowerCase().includes(mention) ||
    message.reply_to_message?.from?.id === ctx.me.id;
  if (addressed) return next();
}

/**
 * A personal button (language, announcements, a reminder, a ticked document)
 * pressed on a message outside a private chat, like a card or the menu shown in
 * a group: it would change the presser's settings and rewrite a message everyone
 * reads with their personal content. It belongs in a private chat.
 */
export async function personalButtonsInPrivate(ctx: BotContext, next: NextFunction) {
  const data = ctx.callbackQuery?.data;
  if (data === undefined || ctx.chat?.type === "private" || !isPersonalButton(data)) return next();
  await ctx.answerCallbackQuery({ text: ctx.t("private-chat-only"), show_alert: true });
}
