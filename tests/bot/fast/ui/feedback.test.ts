/** ui/feedback.ts: the "Was this helpful?" row under a search answer, added and taken away. */
import { InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../../../src/bot/context.js";
import { feedbackRow, withFeedback, withoutFeedback } from "../../../../src/bot/ui/feedback.js";
import { readers } from "../../../../src/bot/locale.js";
import { sharedDeps } from "../composer-harness.js";

const inChat = (lang: "en" | "ru" | "uz" | "uz-cyrl", type: "private" | "supergroup" = "private") =>
  ({ ...readers(sharedDeps())(lang), chat: { id: 1, type } }) as unknown as Pick<BotContext, "t" | "chat">;

describe("feedbackRow", () => {
  it("is 👍 and 👎 for the answer, in one row, in the reader's language", () => {
    expect(feedbackRow(inChat("en"), 12)).toEqual([
      { text: "👍 Helpful", callback_data: "fb:12:y" },
      { text: "👎 Not helpful", callback_data: "fb:12:n" },
    ]);
    expect(feedbackRow(inChat("ru"), 12).map((b) => b.text)).toEqual(["👍 Полезно", "👎 Не помогло"]);
    expect(feedbackRow(inChat("uz"), 12).map((b) => b.text)).toEqual(["👍 Foydali", "👎 Yordam bermadi"]);
    expect(feedbackRow(inChat("uz-cyrl"), 12).map((b) => b.text)).toEqual(["👍 Фойдали", "👎 Ёрдам бермади"]);
  });

  it("is offered in private chats only", () => {
    expect(feedbackRow(inChat("en", "supergroup"), 12)).toEqual([]);
  });
});

describe("withFeedback and withoutFeedback", () => {
  const card = { html: "<b>KOICA</b>", keyboard: InlineKeyboard.from([[InlineKeyboard.text("📞 Contacts", "e:x")], [InlineKeyboard.text("🏠 Menu", "menu")]]) };

  it("puts the row under the view's buttons, and takes only it away", () => {
    const view = withFeedback(inChat("en"), card, 5);
    expect(view.html).toBe(card.html);
    const rows = view.keyboard!.inline_keyboard;
    expect(rows.map((row) => row.map((b) => b.text))).toEqual([["📞 Contacts"], ["🏠 Menu"], ["👍 Helpful", "👎 Not helpful"]]);
    expect(withoutFeedback(rows)).toEqual(card.keyboard.inline_keyboard);
    expect(withoutFeedback(card.keyboard.inline_keyboard)).toEqual(card.keyboard.inline_keyboard);
  });

  it("leaves the view as it is when the answer was not recorded, or in a group", () => {
    expect(withFeedback(inChat("en"), card, undefined)).toBe(card);
    expect(withFeedback(inChat("en", "supergroup"), card, 5)).toBe(card);
    expect(withFeedback(inChat("en"), { html: "x" }, 5).keyboard!.inline_keyboard).toHaveLength(1);
  });
});
