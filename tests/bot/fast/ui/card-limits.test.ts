/**
 * Cards that read on a phone (issue 11): every card of the shipped base, in
 * every language and script, has at most 8 buttons, no two alike, a way to
 * the department's contacts, and no paragraph said twice.
 */
import { describe, expect, it } from "vitest";
import { readers } from "../../../../src/bot/locale.js";
import { CARD_BUTTONS } from "../../../../src/bot/ui/answer-view.js";
import { entryView } from "../../../../src/bot/ui/cards.js";
import { htmlToText } from "../../../../src/bot/ui/html.js";
import { DEPARTMENT_CONTACT } from "../../../../src/knowledge/contract.js";
import { takesApplicants } from "../../../../src/knowledge/describe.js";
import { UI_LANGS } from "../../../../src/storage/users.js";
import { sharedDeps } from "../composer-harness.js";

const readerOf = readers(sharedDeps());

describe.each(UI_LANGS)("the cards in %s", (ui) => {
  const reader = readerOf(ui);
  const cards = reader.kb.entries.map((entry) => ({ entry, view: entryView(reader, reader.kb, entry) }));

  it.each(cards.map(({ entry, view }) => [entry.id, view] as const))("%s: at most 8 buttons, none alike", (_, view) => {
    const labels = view.keyboard?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThanOrEqual(CARD_BUTTONS);
    expect(new Set(labels).size).toBe(labels.length);
    const data = view.keyboard!.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : b.text));
    expect(new Set(data).size).toBe(data.length);
  });

  it("every card but the contact card itself has a button to the contacts; the contact card shows the phone, tappable", () => {
    for (const { entry, view } of cards) {
      const data = view.keyboard!.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
      if (entry.id === DEPARTMENT_CONTACT) expect(htmlToText(view.html)).toContain("+998912090766");
      else expect(data, entry.id).toContain(`e:${DEPARTMENT_CONTACT}`);
    }
  });

  it("no card says a paragraph, or the phone, twice", () => {
    for (const { entry, view } of cards) {
      const paragraphs = htmlToText(view.html)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length > 20);
      expect(new Set(paragraphs).size, entry.id).toBe(paragraphs.length);
      expect(htmlToText(view.html).split("+998").length - 1, entry.id).toBeLessThanOrEqual(1);
    }
  });

  it("a program's documents and deadlines are one tap away (of a program one applies to: KOICA publishes none)", () => {
    for (const { entry, view } of cards.filter((c) => c.entry.type === "program" && takesApplicants(c.entry))) {
      const data = view.keyboard!.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
      expect(data).toEqual(expect.arrayContaining([`f:${entry.id}:documents`, `f:${entry.id}:deadlines`]));
    }
  });
});
