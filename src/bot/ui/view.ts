/**
 * A screen of the bot: HTML text and its buttons. Shown by editing the
 * message whose button was pressed (navigation does not flood the chat), or
 * as a new message; split when Telegram's length limit demands it.
 */
import { GrammyError, type InlineKeyboard } from "grammy";
import type { Section } from "../../knowledge/describe.js";
import type { BotContext } from "../context.js";
import { bold, escapeHtml } from "./html.js";
import { splitMessage } from "./split.js";

export interface View {
  html: string;
  keyboard?: InlineKeyboard;
}

/** Title and sections as Telegram HTML, every knowledge text escaped. */
export function sectionsToHtml(title: string, sections: Section[]): string {
  const blocks = sections.map((s) => [s.heading ? bold(s.heading) : undefined, ...s.lines.map(escapeHtml)].filter(Boolean).join("\n"));
  return [bold(title), ...blocks].join("\n\n");
}

/** Shows a view: in place of the pressed button's message when there is one, else as a new message. */
export async function show(ctx: BotContext, view: View): Promise<void> {
  const parts = splitMessage(view.html);
  const message = ctx.callbackQuery?.message;
  if (message && parts.length === 1 && (await edit(ctx, message.chat.id, message.message_id, view))) return;
  await send(ctx, parts, view.keyboard);
}

/** Sends a view as new messages, the buttons under the last part. */
export async function reply(ctx: BotContext, view: View): Promise<void> {
  await send(ctx, splitMessage(view.html), view.keyboard);
}

async function send(ctx: BotContext, parts: string[], keyboard?: InlineKeyboard): Promise<void> {
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part, { parse_mode: "HTML", reply_markup: i === parts.length - 1 ? keyboard : undefined, link_preview_options: { is_disabled: true } });
  }
}

/** Edits in place; false when the message cannot be edited any more (too old, deleted), so the caller sends anew. */
async function edit(ctx: BotContext, chatId: number, messageId: number, view: View): Promise<boolean> {
  try {
    await ctx.api.editMessageText(chatId, messageId, view.html, { parse_mode: "HTML", reply_markup: view.keyboard, link_preview_options: { is_disabled: true } });
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400) {
      if (error.description.includes("message is not modified")) return true;
      if (/message to edit not found|message can't be edited/.test(error.description)) return false;
    }
    throw error;
  }
}
