/** ui/keyboard.ts: buttons laid out in rows, empty rows left out. */
import { InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import { keyboardOf, rowsOf } from "../../../../src/bot/ui/keyboard.js";

const button = (n: number) => InlineKeyboard.text(`b${n}`, `d${n}`);
const texts = (rows: { text: string }[][]) => rows.map((row) => row.map((b) => b.text));

describe("rowsOf", () => {
  it("lays buttons out n to a row, the last row with what is left", () => {
    expect(texts(rowsOf([1, 2, 3, 4, 5].map(button), 2))).toEqual([["b1", "b2"], ["b3", "b4"], ["b5"]]);
    expect(texts(rowsOf([1, 2, 3].map(button), 1))).toEqual([["b1"], ["b2"], ["b3"]]);
    expect(texts(rowsOf([1, 2].map(button), 3))).toEqual([["b1", "b2"]]);
  });

  it("makes no row of no buttons", () => {
    expect(rowsOf([], 2)).toEqual([]);
  });
});

describe("keyboardOf", () => {
  it("keeps the rows in order and leaves the empty ones out (Telegram would show gaps, or refuse them)", () => {
    const keyboard = keyboardOf([button(1), button(2)], [], [button(3)], []);
    expect(keyboard.inline_keyboard).toEqual([
      [
        { text: "b1", callback_data: "d1" },
        { text: "b2", callback_data: "d2" },
      ],
      [{ text: "b3", callback_data: "d3" }],
    ]);
    expect(keyboardOf([], []).inline_keyboard).toEqual([]);
  });
});
