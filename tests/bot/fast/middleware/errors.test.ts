/**
 * middleware/errors.ts, the error boundary: an error in an update is logged
 * with the update's id and answered politely in a private chat; a 403 (the
 * user blocked the bot) is only noted.
 */
import { describe, expect, it } from "vitest";
import { handleBotError } from "../../../../src/bot/middleware/errors.js";
import { answerCallbacks } from "../../../../src/bot/middleware/answer-callbacks.js";
import { command, composerHarness, methods, press, privateText, refusal, user, type HarnessOptions } from "../composer-harness.js";

const SORRY = "Sorry, something went wrong on my side. Please try again in a moment.";

const broken = (respond?: HarnessOptions["respond"]) =>
  composerHarness({
    use: [
      async (ctx) => {
        if (ctx.message?.text === "reply") await ctx.reply("an answer");
        else throw new Error("the knowledge base is on fire");
      },
    ],
    catch: handleBotError,
    respond,
  });

describe("handleBotError", () => {
  it("answers a throwing handler politely and logs the error with the update's id", async () => {
    const h = broken();
    const update = privateText("erasmus");
    expect(await h.send(update)).toEqual([{ method: "sendMessage", payload: { chat_id: user().id, text: SORRY } }]);
    expect(h.logs).toEqual([
      expect.objectContaining({ level: 50, update_id: update.update_id, msg: "error while handling an update", http: false, err: expect.objectContaining({ message: "the knowledge base is on fire" }) }),
    ]);
  });

  it("apologizes in the reader's language", async () => {
    const h = broken();
    const [call] = await h.send(privateText("erasmus", { from: user(3, { language_code: "ru" }) }));
    expect(call?.payload.text).toBe("Извините, у меня что-то пошло не так. Попробуйте, пожалуйста, ещё раз чуть позже.");
  });

  it("says it in the chat after a button press (answer-callbacks has answered the press)", async () => {
    const h = composerHarness({
      use: [
        answerCallbacks,
        () => {
          throw new Error("broken button");
        },
      ],
      catch: handleBotError,
    });
    const calls = await h.send(press("menu"));
    expect(methods(calls)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(calls[1]?.payload.text).toBe(SORRY);
  });

  it("logs, but says nothing in a group", async () => {
    const h = broken();
    const update = command("start", { group: true });
    expect(await h.send(update)).toEqual([]);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 50, update_id: update.update_id, msg: "error while handling an update" }));
  });

  it("only notes a 403 (the user blocked the bot): no apology, no error logged", async () => {
    const h = broken((call) => (call.method === "sendMessage" ? refusal(403, "Forbidden: bot was blocked by the user") : undefined));
    const update = privateText("reply");
    expect(methods(await h.send(update))).toEqual(["sendMessage"]);
    expect(h.logs).toEqual([expect.objectContaining({ level: 30, update_id: update.update_id, msg: "the user blocked the bot", method: "sendMessage" })]);
  });

  it("logs an apology that could not be sent, and goes on", async () => {
    const h = broken((call) => (call.method === "sendMessage" ? refusal(400, "Bad Request: chat not found") : undefined));
    const update = privateText("erasmus");
    await h.send(update);
    expect(h.logs.map((l) => [l.level, l.update_id, l.msg])).toEqual([
      [50, update.update_id, "error while handling an update"],
      [40, update.update_id, "could not tell the user about the error"],
    ]);
  });
});
