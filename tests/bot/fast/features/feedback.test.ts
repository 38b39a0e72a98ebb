/** features/feedback.ts: the 👍 / 👎 under a search answer, press by press, as Telegram receives the bot's requests. */
import { describe, expect, it } from "vitest";
import { feedbackFeature } from "../../../../src/bot/features/feedback.js";
import { markQuestionsOffered } from "../../../../src/bot/ui/questions.js";
import { DEPARTMENT_CONTACT } from "../../../../src/knowledge/contract.js";
import type { Store } from "../../../../src/storage/store.js";
import { botMessage, buttonData, composerHarness, methods, press, refusal, STUDENT_ID, user } from "../composer-harness.js";

const CARD_ROW = [{ text: "📞 Contacts", callback_data: `e:${DEPARTMENT_CONTACT}` }];
/** An answer message as the bot sent it: the card's buttons, then the feedback row. */
const answerMessage = (id: number) =>
  botMessage({
    text: "Erasmus Mundus",
    buttons: [CARD_ROW, [{ text: "👍 Helpful", callback_data: `fb:${id}:y` }, { text: "👎 Not helpful", callback_data: `fb:${id}:n` }]],
  });
const recordAnswer = (store: Store, query = "erazmus", userId = STUDENT_ID) => store.answers.record({ userId, query, lang: "en", entryIds: ["erasmus-mundus"] });

describe("the feedback feature", () => {
  it("👍 thanks, and takes the row away keeping the card's buttons", async () => {
    const h = composerHarness({ use: (deps) => [feedbackFeature(deps)] });
    const id = recordAnswer(h.store);
    const calls = await h.send(press(`fb:${id}:y`, { message: answerMessage(id) }));
    expect(calls).toEqual([
      { method: "answerCallbackQuery", payload: expect.objectContaining({ text: "Thank you! Glad it helped." }) },
      { method: "editMessageReplyMarkup", payload: expect.objectContaining({ message_id: 7, reply_markup: { inline_keyboard: [CARD_ROW] } }) },
    ]);
    expect(h.store.learning.countOpen()).toBe(0);
    expect(h.store.answers.helpfulByWeek(0)).toMatchObject([{ helpful: 1, votes: 1 }]);
  });

  it("👎 logs the question for /unanswered and offers to ask the department exactly it", async () => {
    const h = composerHarness({ use: (deps) => [markQuestionsOffered, feedbackFeature(deps)] });
    const id = recordAnswer(h.store, "erazmus grant");
    const calls = await h.send(press(`fb:${id}:n`, { message: answerMessage(id) }));
    expect(methods(calls)).toEqual(["answerCallbackQuery", "editMessageReplyMarkup", "sendMessage"]);
    expect(calls[2]!.payload.text).toBe("Sorry this did not help. You can ask the department directly:");
    const [[ask]] = buttonData(calls[2]) as [[string]];
    const logId = Number(/^q:ask:(\d+)$/.exec(ask)![1]);
    expect(h.store.learning.get(logId)).toMatchObject({ userId: STUDENT_ID, query: "erazmus grant", lang: "en", resolved: false });
    expect(h.store.answers.helpfulByWeek(0)).toMatchObject([{ helpful: 0, votes: 1 }]);
  });

  it("👎 offers the contacts where the department takes no questions, and a question too long to learn from is not logged", async () => {
    const h = composerHarness({ use: (deps) => [feedbackFeature(deps)] });
    const id = recordAnswer(h.store, "x".repeat(300));
    const calls = await h.send(press(`fb:${id}:n`, { message: answerMessage(id) }));
    expect(buttonData(calls[2])).toEqual([[`e:${DEPARTMENT_CONTACT}`]]);
    expect(h.store.learning.countOpen()).toBe(0);

    const offered = composerHarness({ use: (deps) => [markQuestionsOffered, feedbackFeature(deps)] });
    const long = recordAnswer(offered.store, "y".repeat(300));
    expect(buttonData((await offered.send(press(`fb:${long}:n`, { message: answerMessage(long) })))[2])).toEqual([["q:new"]]);
  });

  it("answers a second press, someone else's answer and an unknown one politely, changing nothing", async () => {
    const h = composerHarness({ use: (deps) => [feedbackFeature(deps)] });
    const id = recordAnswer(h.store);
    await h.send(press(`fb:${id}:y`, { message: answerMessage(id) }));
    const again = await h.send(press(`fb:${id}:n`, { message: answerMessage(id) }));
    expect(again[0]).toEqual({ method: "answerCallbackQuery", payload: expect.objectContaining({ text: "You have already rated this answer. Thank you!" }) });
    expect(methods(again)).not.toContain("sendMessage");
    const stranger = user(STUDENT_ID + 1);
    for (const data of [`fb:${id}:n`, "fb:424242:y"]) {
      const calls = await h.send(press(data, { from: stranger, message: answerMessage(id) }));
      expect(calls).toEqual([{ method: "answerCallbackQuery", payload: expect.objectContaining({ text: "This answer can no longer be rated. Thank you all the same!" }) }]);
    }
    expect(h.store.answers.helpfulByWeek(0)).toMatchObject([{ helpful: 1, votes: 1 }]);
    expect(h.store.learning.countOpen()).toBe(0);
  });

  it("does not fail when the message cannot be edited, or is no longer there to read", async () => {
    const h = composerHarness({
      use: (deps) => [feedbackFeature(deps)],
      respond: (call) => (call.method === "editMessageReplyMarkup" ? refusal(400, "Bad Request: message can't be edited") : undefined),
    });
    const id = recordAnswer(h.store);
    expect(methods(await h.send(press(`fb:${id}:n`, { message: answerMessage(id) })))).toEqual(["answerCallbackQuery", "editMessageReplyMarkup", "sendMessage"]);
    const other = recordAnswer(h.store);
    const gone = { chat: { id: STUDENT_ID, type: "private" as const, first_name: "Dilnoza" }, message_id: 7, date: 0 as const };
    expect(methods(await h.send(press(`fb:${other}:y`, { message: gone as never })))).toEqual(["answerCallbackQuery"]);
  });
});
