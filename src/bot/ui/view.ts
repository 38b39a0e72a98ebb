/**
 * A screen of the bot: HTML text and its buttons. Shown by editing the
 * message whose button was pressed (navigation does not flood the chat), or
 * as a new message; split when Telegram's length limit demands it.
 *
 * A message is never edited to what it already shows: Telegram refuses that
 * ("message is not modified"), and a re-pressed or stale button would cause it.
 */
import { GrammyError, type Context, type InlineKeyboard, type MiddlewareFn } from "grammy";
import type { InlineKeyboardButton, MaybeInaccessibleMessage } from "grammy/types";
import type { Section } from "../../knowledge/describe.js";
import type { BotContext } from "../context.js";
import { bold, escapeHtml } from "./html.js";
import { digest, ScreenMemory } from "./screen-memory.js";
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
  if (message && parts.length === 1 && (await edit(ctx, message, view))) return;
  await send(ctx, parts, view.keyboard);
}

/** Gives every update the bot's ScreenMemory (one per bot). */
export function rememberScreens(): MiddlewareFn<BotContext> {
  const screens = new ScreenMemory();
  return (ctx, next) => {
    ctx.screens = screens;
    return next();
  };
}

/** A view in a few bytes, to remember what a message shows. */
export const viewDigest = (view: View): string => digest(JSON.stringify(view));

/** Whether the pressed message, as Telegram showed it then, is `view` already: the same text and the same buttons. */
function alreadyShows(message: MaybeInaccessibleMessage, view: View): boolean {
  if (!("text" in message) || message.text === undefined) return false;
  return plainText(view.html) === message.text.trim() && sameButtons(view.keyboard?.inline_keyboard, message.reply_markup?.inline_keyboard);
}

/** Our HTML as Telegram shows it: without tags, escapes read (escapeHtml makes only these four). */
const plainText = (html: string) =>
  html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").trim();

const sameButtons = (a: readonly (readonly InlineKeyboardButton[])[] = [], b: readonly (readonly InlineKeyboardButton[])[] = []) =>
  JSON.stringify(a.map((row) => row.map(canonical))) === JSON.stringify(b.map((row) => row.map(canonical)));
const canonical = (button: InlineKeyboardButton) => Object.entries(button).sort(([x], [y]) => x.localeCompare(y));

/** Sends a view as new messages, the buttons under the last part (also from inside a guided conversation, whose context is a plain one). */
export async function reply(ctx: Pick<Context, "reply">, view: View): Promise<void> {
  await send(ctx, splitMessage(view.html), view.keyboard);
}

async function send(ctx: Pick<Context, "reply">, parts: string[], keyboard?: InlineKeyboard): Promise<void> {
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part, { parse_mode: "HTML", reply_markup: i === parts.length - 1 ? keyboard : undefined, link_preview_options: { is_disabled: true } });
  }
}

/** Edits in place, unless it shows `view` already; false when the message cannot be edited any more (too old, deleted), so the caller sends anew. */
async function edit(ctx: BotContext, message: MaybeInaccessibleMessage, view: View): Promise<boolean> {
  const shown = viewDigest(view);
  if (alreadyShows(message, view) || ctx.screens.shows(message, shown)) return true;
  try {
    await ctx.api.editMessageText(message.chat.id, message.message_id, view.html, { parse_mode: "HTML", reply_markup: view.keyboard, link_preview_options: { is_disabled: true } });
    ctx.screens.record(message, shown);
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400) {
      if (error.description.includes("message is not modified")) return true;
      if (/message to edit not found|message can't be edited/.test(error.description)) return false;
    }
    throw error;
  }
}
