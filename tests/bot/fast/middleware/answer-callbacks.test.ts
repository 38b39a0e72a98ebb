/** middleware/answer-callbacks.ts: every button press is answered once, whatever the handler did. */
import type { Middleware } from "grammy";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../../../src/bot/context.js";
import { answerCallbacks } from "../../../../src/bot/middleware/answer-callbacks.js";
import { composerHarness, methods, press, privateText, refusal, type HarnessOptions } from "../composer-harness.js";

const withHandler = (handler: Middleware<BotContext>, respond?: HarnessOptions["respond"]) =>
  composerHarness({ use: [answerCallbacks, handler], respond });

describe("answerCallbacks", () => {
  it("answers a press its handler left unanswered, once and without a text", async () => {
    const h = withHandler(() => {});
    const update = press("menu");
    const calls = await h.send(update);
    expect(calls).toEqual([{ method: "answerCallbackQuery", payload: { callback_query_id: update.callback_query!.id } }]);
  });

  it("leaves a press its handler answered (with a text) answered once", async () => {
    const h = withHandler((ctx) => ctx.answerCallbackQuery({ text: "Saved" }));
    const update = press("menu");
    const calls = await h.send(update);
    expect(calls).toEqual([{ method: "answerCallbackQuery", payload: { callback_query_id: update.callback_query!.id, text: "Saved" } }]);
  });

  it("answers after the handler's own requests (an edit), not before", async () => {
    const h = withHandler(async (ctx) => {
      await ctx.editMessageText("the next screen");
    });
    expect(methods(await h.send(press("menu")))).toEqual(["editMessageText", "answerCallbackQuery"]);
  });

  it("answers a press whose handler threw, and lets the error go on to the error boundary", async () => {
    const h = withHandler(() => {
      throw new Error("a broken handler");
    });
    await expect(h.send(press("menu"))).rejects.toThrow("a broken handler");
    expect(methods(h.sent)).toEqual(["answerCallbackQuery"]);
  });

  it("answers nothing but button presses", async () => {
    const h = withHandler((ctx) => ctx.reply("hello"));
    expect(methods(await h.send(privateText("hi")))).toEqual(["sendMessage"]);
  });

  it("logs a press it could not answer (too old) and does not fail the update", async () => {
    const h = withHandler(() => {}, (call) => (call.method === "answerCallbackQuery" ? refusal(400, "Bad Request: query is too old and response timeout expired") : undefined));
    const update = press("menu");
    await h.send(update);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 40, update_id: update.update_id, msg: "could not answer a button press" }));
  });
});
