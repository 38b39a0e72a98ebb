/**
 * middleware/flood-control.ts: 20 updates per user in any 10 seconds (30
 * inline queries); the excess is dropped, with one "please wait", and still
 * answered where Telegram waits for an answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FLOOD_LIMIT, floodControl, slidingWindows } from "../../../../src/bot/middleware/flood-control.js";
import { command, composerHarness, inlineQuery, methods, press, privateText, user } from "../composer-harness.js";

const SLOW_DOWN = "You are sending messages too fast. Please wait a few seconds.";

// Only Date is faked: the window is read from Date.now().
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

const flooded = () => composerHarness({ use: [floodControl(), (ctx) => (ctx.inlineQuery ? ctx.answerInlineQuery([]) : ctx.reply("answer"))] });
const answers = (calls: { payload: Record<string, unknown> }[]) => calls.filter((c) => c.payload.text === "answer").length;

async function sendMany(h: ReturnType<typeof flooded>, n: number, from = user()) {
  for (let i = 0; i < n; i++) await h.send(privateText(`question ${i}`, { from }));
}

describe("floodControl", () => {
  it("drops the 21st update in 10 seconds, with one warning to the user and one log line", async () => {
    const h = flooded();
    await sendMany(h, 20);
    expect(answers(h.sent)).toBe(20);
    vi.advanceTimersByTime(9_999);
    const update = privateText("the 21st");
    expect(await h.send(update)).toEqual([{ method: "sendMessage", payload: { chat_id: user().id, text: SLOW_DOWN } }]);
    expect(h.logs).toEqual([expect.objectContaining({ level: 40, update_id: update.update_id, msg: "flood control: dropping updates", inline: false })]);
    // The rest of the flood: dropped silently.
    expect(await h.send(privateText("the 22nd"))).toEqual([]);
    expect(await h.send(command("menu"))).toEqual([]);
    expect(h.logs).toHaveLength(1);
  });

  it("counts any 10 seconds, not a clock's: the oldest update leaves the window and lets one more in", async () => {
    const h = flooded();
    await sendMany(h, 10);
    vi.advanceTimersByTime(5_000);
    await sendMany(h, 10);
    vi.advanceTimersByTime(5_000); // the first 10 are now 10 s old
    await sendMany(h, 10);
    expect(answers(h.sent)).toBe(30);
    expect(await h.send(privateText("one too many"))).toEqual([{ method: "sendMessage", payload: { chat_id: user().id, text: SLOW_DOWN } }]);
  });

  it("still answers a dropped button press: the warning as an alert the first time, silently after", async () => {
    const h = flooded();
    await sendMany(h, 20);
    const first = press("menu");
    const second = press("menu");
    expect(await h.send(first)).toEqual([
      { method: "answerCallbackQuery", payload: { callback_query_id: first.callback_query!.id, text: SLOW_DOWN, show_alert: true } },
    ]);
    expect(await h.send(second)).toEqual([{ method: "answerCallbackQuery", payload: { callback_query_id: second.callback_query!.id } }]);
  });

  it("gives inline queries a budget of their own (30), and answers a dropped one with no results, briefly cached", async () => {
    const h = flooded();
    await sendMany(h, 20);
    for (let i = 0; i < FLOOD_LIMIT.inlineQueries; i++) expect(methods(await h.send(inlineQuery(`erasmus ${i}`)))).toEqual(["answerInlineQuery"]);
    const dropped = inlineQuery("erasmus again");
    expect(await h.send(dropped)).toEqual([
      { method: "answerInlineQuery", payload: { inline_query_id: dropped.inline_query!.id, results: [], cache_time: 5, is_personal: true } },
    ]);
    expect(h.logs).toEqual([expect.objectContaining({ msg: "flood control: dropping updates", inline: true })]);
  });

  it("counts each user on their own", async () => {
    const h = flooded();
    await sendMany(h, 20, user(1));
    await sendMany(h, 20, user(2));
    expect(answers(h.sent)).toBe(40);
  });

  it("warns nobody in a group chat, where the warning would be one more message to everyone", async () => {
    const h = flooded();
    await sendMany(h, 20);
    expect(await h.send(command("start", { group: true }))).toEqual([]);
    expect(h.logs).toHaveLength(1);
  });
});

describe("slidingWindows", () => {
  it("warns once per window: again only 10 seconds after the last warning", () => {
    const window = slidingWindows(1, 10_000);
    expect(window("u", 0)).toEqual({ pass: true, warn: false });
    expect(window("u", 1)).toEqual({ pass: false, warn: true });
    expect(window("u", 9_999)).toEqual({ pass: false, warn: false });
    expect(window("u", 10_000)).toEqual({ pass: true, warn: false });
    expect(window("u", 10_001)).toEqual({ pass: false, warn: true });
  });
});
