/**
 * "Was this helpful?": two small buttons under a search answer, carrying the
 * answer's id (store.answers). Built here for the answers feature, and read
 * back by the feedback feature, which takes the row away once pressed.
 * Offered in private chats only: in a group the answer is everyone's to read,
 * but only the asker could rate it.
 */
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext } from "../context.js";
import { callback } from "./callback-data.js";
import { keyboardOf, type Button } from "./keyboard.js";
import type { View } from "./view.js";

/** 👍 / 👎 for the answer `answerId`, in one row; none outside a private chat. */
export function feedbackRow(ctx: Pick<BotContext, "t" | "chat">, answerId: number): Button[] {
  if (ctx.chat?.type !== "private") return [];
  return [
    InlineKeyboard.text(ctx.t("feedback-helpful-button"), callback.feedback(answerId, "y")),
    InlineKeyboard.text(ctx.t("feedback-unhelpful-button"), callback.feedback(answerId, "n")),
  ];
}

/** The view with the feedback row under its buttons; as it is when the answer was not recorded (`answerId` undefined). */
export function withFeedback(ctx: Pick<BotContext, "t" | "chat">, view: View, answerId: number | undefined): View {
  const row = answerId === undefined ? [] : feedbackRow(ctx, answerId);
  if (row.length === 0) return view;
  return { ...view, keyboard: keyboardOf(...(view.keyboard?.inline_keyboard ?? []), row) };
}

/** A message's buttons without the feedback row (every other button kept, in place). */
export function withoutFeedback(rows: readonly (readonly InlineKeyboardButton[])[]): InlineKeyboardButton[][] {
  const isFeedback = (b: InlineKeyboardButton) => "callback_data" in b && callback.feedback.parse(b.callback_data) !== undefined;
  return rows.map((row) => row.filter((b) => !isFeedback(b))).filter((row) => row.length > 0);
}
