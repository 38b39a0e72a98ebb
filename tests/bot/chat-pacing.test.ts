/**
 * The bot's own pace per chat: a few messages at once, then about one a
 * second, and at most 19 a minute in a group; checked as a plain function on
 * a made-up clock, and through grammY against the fake Bot API with
 * Telegram's limits, for JSON requests and for uploads alike.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Api, InputFile } from "grammy";
import { BOT_CHAT_LIMITS, ChatPacer, pacedFetch } from "../../src/bot/chat-pacing.js";
import { FakeTelegram } from "../../src/dev/fake-telegram/index.js";

describe("ChatPacer", () => {
  it("lets 4 messages go at once in a private chat, then one every 1.05 s, in the order they were made", () => {
    const pacer = new ChatPacer();
    const waits = [...Array(7).keys()].map(() => pacer.reserve(42, 0));
    expect(waits).toEqual([0, 0, 0, 0, 1050, 2100, 3150]);
  });

  it("refills with time: after a quiet 4.2 s, 4 go at once again", () => {
    const pacer = new ChatPacer();
    for (let i = 0; i < 4; i++) pacer.reserve(42, 0);
    expect(pacer.reserve(42, 525)).toBe(525);
    expect([...Array(5).keys()].map(() => pacer.reserve(42, 10_000))).toEqual([0, 0, 0, 0, 1050]);
  });

  it("paces each chat apart", () => {
    const pacer = new ChatPacer();
    for (let i = 0; i < 4; i++) pacer.reserve(1, 0);
    expect(pacer.reserve(2, 0)).toBe(0);
    expect(pacer.reserve(1, 0)).toBe(1050);
  });

  it("lets a group take 2 at once and no more than 19 in any minute", () => {
    const pacer = new ChatPacer();
    const due = [...Array(21).keys()].map(() => pacer.reserve(-100, 0));
    expect(due.slice(0, 3)).toEqual([0, 0, 1050]);
    // The 20th waits for the first to be a minute old, the 21st for the second.
    expect(due[18]).toBe(17 * 1050);
    expect(due[19]).toBe(60_000 + 100);
    expect(due[20]).toBe(60_000 + 100);
    for (let i = BOT_CHAT_LIMITS.groupPerMinute; i < due.length; i++) expect(due[i]! - due[i - BOT_CHAT_LIMITS.groupPerMinute]!).toBeGreaterThanOrEqual(60_000);
  });

  it("forgets chats that have been quiet long enough to be as new", () => {
    const pacer = new ChatPacer();
    for (let chat = 1; chat <= 2000; chat++) pacer.reserve(chat, 0);
    expect(pacer.size).toBeGreaterThan(1000);
    for (let i = 0; i < 1024; i++) pacer.reserve(5000, 60_000 + i);
    expect(pacer.size).toBeLessThan(10);
  });
});

describe("pacedFetch against Telegram's limits", () => {
  let fake: FakeTelegram | undefined;
  afterEach(async () => {
    await fake?.stop();
  });

  it("sends 8 messages and 6 uploads to one chat with no 429, the last ones about a second apart", async () => {
    fake = await FakeTelegram.start({ rateLimits: {} });
    const user = fake.user({ startedBot: true });
    const api = new Api(fake.token, { apiRoot: fake.apiRoot, fetch: pacedFetch(new ChatPacer()) });
    const started = performance.now();
    await Promise.all([...Array(8).keys()].map((i) => api.sendMessage(user.chatId, `message ${i}`)));
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    for (let i = 0; i < 6; i++) await api.sendPhoto(user.chatId, new InputFile(png, "chart.png"), { caption: `chart ${i}` });
    const elapsed = performance.now() - started;
    expect(fake.rejected()).toEqual([]);
    expect(user.messages().map((m) => m.text)).toEqual([...[...Array(8).keys()].map((i) => `message ${i}`), ...[...Array(6).keys()].map((i) => `chart ${i}`)]);
    // 4 at once, then 10 more at 1.05 s each.
    expect(elapsed).toBeGreaterThanOrEqual(10 * 1050 - 50);
  }, 20_000);

  it("paces edits as it paces sends: a message edited 7 times at once gets no 429, and shows the last edit", async () => {
    fake = await FakeTelegram.start({ rateLimits: {} });
    const user = fake.user({ startedBot: true });
    const api = new Api(fake.token, { apiRoot: fake.apiRoot, fetch: pacedFetch(new ChatPacer()) });
    const card = await api.sendMessage(user.chatId, "version 0");
    await Promise.all([...Array(7).keys()].map((i) => api.editMessageText(user.chatId, card.message_id, `version ${i + 1}`)));
    expect(fake.rejected()).toEqual([]);
    expect(user.messages().map((m) => m.text)).toEqual(["version 7"]);
  }, 20_000);

  it("without pacing, the same messages are refused by the fake's per-chat limit (the check above can fail)", async () => {
    fake = await FakeTelegram.start({ rateLimits: {} });
    const user = fake.user({ startedBot: true });
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    const results = await Promise.allSettled([...Array(8).keys()].map((i) => api.sendMessage(user.chatId, `message ${i}`)));
    expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThan(0);
    expect(fake.rejected().every((call) => call.errorCode === 429)).toBe(true);
  });
});
