/** ui/screen-memory.ts: which view show() put in which message, pressed on which state of it. */
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { ScreenMemory } from "../../../../src/bot/ui/screen-memory.js";

/** A message of the bot as a press carries it (no harness needed: this is a plain class). */
const message = (id: number, fields: { text?: string; edit_date?: number; buttons?: { text: string; callback_data: string }[][] } = {}): Message =>
  ({
    message_id: id,
    date: 1,
    chat: { id: 100, type: "private", first_name: "Dilnoza" },
    text: fields.text ?? "an earlier answer",
    ...(fields.edit_date ? { edit_date: fields.edit_date } : {}),
    ...(fields.buttons ? { reply_markup: { inline_keyboard: fields.buttons } } : {}),
  }) as Message;

describe("ScreenMemory", () => {
  it("knows a view it recorded on a message, for presses on that same state of the message", () => {
    const memory = new ScreenMemory();
    const pressed = message(1, { text: "Menu" });
    expect(memory.shows(pressed, "programs")).toBe(false);
    memory.record(pressed, "programs");
    expect(memory.shows(pressed, "programs")).toBe(true);
    expect(memory.shows(structuredClone(pressed), "programs")).toBe(true);
    expect(memory.shows(pressed, "countries")).toBe(false);
  });

  it("does not take another state of the message (other text, buttons, an edit since) for the one pressed", () => {
    const memory = new ScreenMemory();
    memory.record(message(1, { text: "Menu" }), "programs");
    expect(memory.shows(message(1, { text: "Menu (old)" }), "programs")).toBe(false);
    expect(memory.shows(message(1, { text: "Menu", edit_date: 5 }), "programs")).toBe(false);
    expect(memory.shows(message(1, { text: "Menu", buttons: [[{ text: "x", callback_data: "y" }]] }), "programs")).toBe(false);
    expect(memory.shows(message(2, { text: "Menu" }), "programs")).toBe(false);
  });

  it("keeps the last view per message", () => {
    const memory = new ScreenMemory();
    const pressed = message(1);
    memory.record(pressed, "programs");
    memory.record(pressed, "countries");
    expect(memory.shows(pressed, "programs")).toBe(false);
    expect(memory.shows(pressed, "countries")).toBe(true);
  });

  it("forgets the message edited longest ago beyond its limit", () => {
    const memory = new ScreenMemory(2);
    const [a, b, c] = [message(1), message(2), message(3)];
    memory.record(a, "v");
    memory.record(b, "v");
    memory.record(a, "v"); // a is now the most recent
    memory.record(c, "v");
    expect([a, b, c].map((m) => memory.shows(m, "v"))).toEqual([true, false, true]);
  });
});
