/** ui/stale-button.ts: a button this version no longer knows says so and shows the menu in its place. */
import { describe, expect, it } from "vitest";
import { staleButton } from "../../../../src/bot/ui/stale-button.js";
import { botMessage, composerHarness, press, user } from "../composer-harness.js";

describe("staleButton", () => {
  it("answers the press with a notice and puts the menu in place of the old message", async () => {
    const h = composerHarness({ use: [staleButton] });
    const update = press("e:a-program-since-removed", { message: botMessage({ message_id: 31, text: "Old program card" }) });
    const calls = await h.send(update);
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    expect(calls[0]?.payload).toEqual({ callback_query_id: update.callback_query!.id, text: "This button is out of date. Here is the menu." });
    expect(calls[1]?.payload).toMatchObject({ chat_id: user().id, message_id: 31, text: "What would you like to know?", parse_mode: "HTML" });
    expect((calls[1]?.payload.reply_markup as { inline_keyboard: unknown[] }).inline_keyboard).toHaveLength(4);
  });
});
