import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";

export type Button = InlineKeyboardButton;

/** Buttons laid out `perRow` to a row. */
export const rowsOf = (buttons: Button[], perRow: number): Button[][] =>
  Array.from({ length: Math.ceil(buttons.length / perRow) }, (_, i) => buttons.slice(i * perRow, (i + 1) * perRow));

/** A keyboard from rows, leaving out empty ones (Telegram shows them as gaps, or refuses them). */
export const keyboardOf = (...rows: Button[][]): InlineKeyboard => InlineKeyboard.from(rows.filter((row) => row.length > 0));
