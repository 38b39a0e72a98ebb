/**
 * Broadcasts end to end: a staff member composes one in the bot, students
 * receive an exact copy, the engine copes with Telegram's errors, and the
 * staff member watches and controls it.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { formatTashkent } from "../../src/time/tashkent.js";
import { allButtons, eventually, startBot, withBot, type Harness } from "./harness.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const OWNER = 500;

/** Students who started the bot and subscribed to all announcements. */
function subscribers(h: Harness, count: number, languageCode = "en"): FakeUser[] {
  const students = Array.from({ length: count }, () => h.fake.user({ languageCode, startedBot: true }));
  for (const s of students) {
    h.app.store.users.see({ id: s.id, firstName: `Student ${s.id}`, languageCode });
    h.app.store.users.setLanguage(s.id, languageCode as "en");
    h.app.store.subscriptions.subscribe(s.id, "all");
  }
  return students;
}

/** /broadcast to everyone subscribed, then `send` the announcement; resolves with the preview. */
async function compose(owner: FakeUser, send: () => Promise<FakeMessage>): Promise<FakeMessage> {
  const audience = await owner.send("/broadcast");
  const ask = await owner.press(audience, /^Everyone subscribed/);
  expect(ask.text).toContain("Now send me the announcement");
  return send();
}

const lastFrom = (h: Harness, chatId: number, pattern: RegExp) =>
  h.fake
    .messages(chatId)
    .filter((m) => pattern.test(m.text))
    .at(-1);

describe("a broadcast, composed by staff", () => {
  const h = withBot({ ADMIN_IDS: [OWNER], BROADCAST_RATE: 200 });

  it("shows the exact number of recipients, then copies the formatted message to each of them once, with a stop button", async () => {
    const students = subscribers(h, 12);
    h.fake.user({ languageCode: "en" }); // never subscribed: gets nothing
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const text = "Call for applications: KOICA scholarship";
    const preview = await compose(owner, () => owner.sendFormatted(text, [{ type: "bold", offset: 0, length: 21 }]));
    expect(preview.text).toContain("Recipients: 12");
    await owner.press(preview, "📤 Send now to 12");

    await eventually(() => lastFrom(h, owner.id, /finished in/));
    for (const s of students) {
      const copies = s.messages().filter((m) => m.text === text);
      expect(copies).toHaveLength(1);
      expect(copies[0]!.entities).toEqual([{ type: "bold", offset: 0, length: 21 }]);
      expect(copies[0]!.buttons.flat().map((b) => b.text)).toContain("🔕 Stop announcements");
    }
    const progress = lastFrom(h, owner.id, /^📣 Announcement #1/)!;
    expect(progress.text).toContain("✅ Finished");
    expect(progress.text).toContain("Sent: 12");
    expect(progress.text).toContain("Remaining: 0");
    expect(progress.edits).toBeGreaterThan(0);

    const list = await owner.send("/broadcasts");
    // When it went out, as staff write a date: "1 December 2026 at 09:00", never 01.12.2026 or 2026-12-01.
    expect(list.text).toMatch(/^#1 · \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d · finished$/m);
    expect(list.text).toContain("Sent 12 of 12");
  });

  it("goes out as staff typed it: their formatting kept, and tags or '&' typed as text stay text, in the preview and in every copy", async () => {
    const [student] = subscribers(h, 1);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    // The bot never reads it as HTML: "<b>Friday</b>" typed is not bold, "&amp;" stays as typed; the staff member's own bold stays where they put it.
    const text = 'Deadline: <b>Friday</b> & "docs" <price> &amp; more';
    const formatting = [{ type: "bold" as const, offset: 0, length: 8 }];
    const preview = await compose(owner, () => owner.sendFormatted(text, formatting));
    // The preview quotes the staff member's message: the announcement exactly as students will see it.
    expect(h.fake.history(owner.id).find((m) => m.messageId === preview.replyToMessageId)).toMatchObject({ text, entities: formatting, fromBot: false });
    await owner.press(preview, "📤 Send now to 1");
    const copy = await eventually(() => student!.messages().find((m) => m.fromBot && m.text === text));
    expect(copy.entities).toEqual(formatting);
  });

  it("narrows the audience to a program's subscribers, or to one language, with the exact counts", async () => {
    const [everything, , russian] = [...subscribers(h, 2), ...subscribers(h, 1, "ru")];
    const koicaOnly = h.fake.user({ languageCode: "en", startedBot: true });
    h.app.store.users.see({ id: koicaOnly.id, firstName: "K" });
    h.app.store.subscriptions.subscribe(koicaOnly.id, "program:koica");
    const chinaOnly = h.fake.user({ languageCode: "en", startedBot: true });
    h.app.store.users.see({ id: chinaOnly.id, firstName: "C" });
    h.app.store.subscriptions.subscribe(chinaOnly.id, "program:china-internship");
    h.app.store.flush(); // users are written a moment later otherwise
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });

    const audience = await owner.send("/broadcast");
    expect(allButtons(audience)[0]).toBe("Everyone subscribed to all announcements (3)");
    const topics = await owner.press(audience, "By program or country");
    const ask = await owner.press(topics, "KOICA — Korea International Cooperation Agency (4)");
    expect(ask.text).toContain("Recipients: subscribers to KOICA — Korea International Cooperation Agency, 4 in all.");
    const preview = await owner.send("KOICA: the call is open");
    await owner.press(preview, "📤 Send now to 4");
    await eventually(() => koicaOnly.messages().length === 1 && everything!.messages().length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(chinaOnly.messages()).toEqual([]);
    // The report comes at the chat's pace; the next /broadcast's answer must not be taken for it.
    await eventually(() => lastFrom(h, owner.id, /finished in/), 10_000);

    const again = await owner.send("/broadcast");
    const langs = await owner.press(again, "By language");
    const ru = await owner.press(langs, "🇷🇺 Русский (1)");
    expect(ru.text).toContain("1 in all");
    await owner.send("/cancel");
    expect(russian!.messages().filter((m) => m.text === "KOICA: the call is open")).toHaveLength(1);
  });

  it("copies an album as an album, captions and all", async () => {
    const [student] = subscribers(h, 1);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const preview = await compose(owner, () => owner.sendAlbum([{ type: "photo", caption: "Open day at BSPU" }, { type: "photo" }, { type: "video" }]));
    await eventually(() => h.fake.messages(owner.id).find((m) => m.messageId === preview.messageId)!.text.includes("3 items"));
    await owner.press(h.fake.messages(owner.id).find((m) => m.messageId === preview.messageId)!, "📤 Send now to 1");
    await eventually(() => student!.messages().length === 3);
    const album = student!.messages();
    expect(album.map((m) => m.kind)).toEqual(["photo", "photo", "video"]);
    expect(album[0]!.text).toBe("Open day at BSPU");
    expect(new Set(album.map((m) => m.mediaGroupId)).size).toBe(1);
    expect(album[0]!.mediaGroupId).toBeDefined();
  });

  it("schedules for a Tashkent time, and tells the staff member when", async () => {
    subscribers(h, 2);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const preview = await compose(owner, () => owner.send("Visiting professor from Korea on Friday"));
    const ask = await owner.press(preview, "🕒 Schedule");
    expect(ask.text).toContain("Tashkent time");
    expect((await owner.send("yesterday")).text).toContain("could not read");
    expect((await owner.send("01.01.2020 09:00")).text).toContain("already passed");
    const tomorrow = formatTashkent(Date.now() + 24 * 3600_000).replace(/\d\d:\d\d$/, "09:00");
    owner.sendNoWait(tomorrow);
    const scheduled = await eventually(() => lastFrom(h, owner.id, /Scheduled for/));
    const [day, month, year] = tomorrow.slice(0, 10).split(".").map(Number);
    expect(scheduled.text).toContain(`Scheduled for ${day} ${MONTHS[month! - 1]} ${year} at 09:00 (Tashkent)`);
    expect(scheduled.buttons.flat().map((b) => b.text)).toEqual(["✖️ Cancel"]);
    expect(h.app.store.broadcasts.get(1)).toMatchObject({ status: "scheduled", scheduledAt: Date.parse(`${tomorrow.slice(6, 10)}-${tomorrow.slice(3, 5)}-${tomorrow.slice(0, 2)}T04:00:00Z`) });
  });

  it("fires a scheduled broadcast once when due, also across restarts", async () => {
    const students = subscribers(h, 3);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const source = owner.sendFormattedNoWait("Scheduled: British Council seminar", []);
    const progress = await owner.nextMessage(); // the bot's answer to a plain message: it keeps a message to copy
    h.app.store.broadcasts.create({
      createdBy: OWNER,
      audience: { topic: "all" },
      sourceChatId: OWNER,
      messageIds: [source.messageId],
      scheduledAt: Date.now() + 1500,
      lang: "en",
      progress: { chatId: OWNER, messageId: progress.messageId },
    });
    await h.restart(); // before it is due
    const got = (s: FakeUser) => s.messages().filter((m) => m.text === "Scheduled: British Council seminar").length;
    await eventually(() => students.every((s) => got(s) === 1), 8000);
    await h.restart(); // after it fired
    await new Promise((r) => setTimeout(r, 1500));
    for (const s of students) expect(got(s)).toBe(1);
    expect(h.app.store.broadcasts.get(1)!.status).toBe("done");
  });

  it("can be cancelled while composing, and then sends nothing", async () => {
    const [student] = subscribers(h, 1);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const preview = await compose(owner, () => owner.send("Draft that should not go out"));
    const cancelled = await owner.press(preview, "✖️ Cancel");
    expect(cancelled.text).toContain("Nothing was sent");
    await new Promise((r) => setTimeout(r, 300));
    expect(student!.messages()).toEqual([]);
  });
});

describe("delivery under Telegram's errors", () => {
  const h = withBot({ ADMIN_IDS: [OWNER], BROADCAST_RATE: 200 });

  it("ends every recipient as sent, blocked or failed exactly as the fake saw it, through 429s, 403s for 10%, resets and 502s", async () => {
    const TEXT = "Erasmus Mundus: deadline reminder";
    const students = subscribers(h, 60);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const lost = students[9]!; // a chat Telegram no longer knows: blocked, never retried
    h.fake.injectFault({ method: "copyMessage", chatId: lost.id, errorCode: 400, description: "Bad Request: chat not found" });
    h.fake.injectFault({ method: "copyMessage", chatId: students[20]!.id, times: 1, retryAfter: 2 });
    // Then, on any send: 10% blocked, and some flood waits, connection resets and 502s.
    h.fake.injectFault({ method: "copyMessage", probability: 0.1, errorCode: 403, description: "Forbidden: bot was blocked by the user" });
    h.fake.injectFault({ method: "copyMessage", probability: 0.03, retryAfter: 1 });
    h.fake.injectFault({ method: "copyMessage", probability: 0.05, reset: true });
    h.fake.injectFault({ method: "copyMessage", probability: 0.05, errorCode: 502, description: "Bad Gateway" });

    const preview = await compose(owner, () => owner.send(TEXT));
    await owner.press(preview, "📤 Send now to 60");
    await eventually(() => lastFrom(h, owner.id, /finished in/), 40_000);

    const copies = h.fake.calls.filter((c) => c.method === "copyMessage");
    const seenBy = (chatId: number) => copies.filter((c) => c.params.chat_id === chatId);
    const expected = (chatId: number) => {
      const calls = seenBy(chatId);
      if (calls.some((c) => c.ok)) return "sent";
      const last = calls.at(-1)!;
      return last.errorCode === 403 || last.description === "Bad Request: chat not found" ? "blocked" : "failed";
    };
    const broadcast = h.app.store.broadcasts.recent(1)[0]!;
    for (const s of students) {
      const state = expected(s.id);
      expect(s.messages().filter((m) => m.text === TEXT)).toHaveLength(state === "sent" ? 1 : 0);
      expect(seenBy(s.id).filter((c) => c.ok)).toHaveLength(state === "sent" ? 1 : 0);
      expect(h.app.store.users.get(s.id)!.blocked).toBe(state === "blocked");
      if (state === "blocked") expect([403, 400]).toContain(seenBy(s.id).at(-1)!.errorCode); // never retried after a 403 or "chat not found"
    }
    const figures = h.app.store.broadcasts.figures(broadcast.id);
    const count = (state: string) => students.filter((s) => expected(s.id) === state).length;
    expect(figures).toEqual({ total: 60, pending: 0, sent: count("sent"), blocked: count("blocked"), failed: count("failed") });
    expect(seenBy(lost.id)).toHaveLength(1);
    expect(expected(lost.id)).toBe("blocked");
    expect(figures.blocked).toBeGreaterThan(0);

    // Nothing went out while Telegram asked to wait (sends already on their way aside).
    for (const flood of copies.filter((c) => c.errorCode === 429)) {
      const waitMs = 1000 * (flood.description!.includes("retry after 2") ? 2 : 1);
      expect(copies.filter((c) => c.at > flood.at + 100 && c.at < flood.at + waitMs - 100)).toEqual([]);
    }
    const report = lastFrom(h, owner.id, /finished in/)!;
    expect(report.text).toContain(`Blocked the bot: ${figures.blocked}`);
  }, 60_000);

  it("resends a finished broadcast to its failed recipients only", async () => {
    const students = subscribers(h, 5);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    h.fake.injectFault({ method: "copyMessage", chatId: students[1]!.id, times: 1, errorCode: 400 });
    const preview = await compose(owner, () => owner.send("KOICA: interviews next week"));
    await owner.press(preview, "📤 Send now to 5");
    const progress = await eventually(() => h.fake.messages(owner.id).find((m) => /✅ Finished/.test(m.text)));
    expect(progress.text).toContain("Failed: 1");
    await owner.press(progress, "🔁 Resend to the 1 failed");
    await eventually(() => lastFrom(h, owner.id, /Announcement #2 finished/));
    for (const s of students) expect(s.messages().filter((m) => m.text === "KOICA: interviews next week")).toHaveLength(1);
  });
});

describe("pausing, resuming and cancelling", () => {
  const h = withBot({ ADMIN_IDS: [OWNER], BROADCAST_RATE: 10 });

  it("pause stops the sending, resume finishes it, and nobody gets it twice", async () => {
    const students = subscribers(h, 30);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const received = () => students.filter((s) => s.messages().some((m) => m.text === "China internship: apply now")).length;
    const preview = await compose(owner, () => owner.send("China internship: apply now"));
    await owner.press(preview, "📤 Send now to 30");
    const progress = await eventually(() => h.fake.messages(owner.id).find((m) => /Sending…/.test(m.text)));
    await eventually(() => received() >= 3);
    const paused = await owner.press(progress, "⏸ Pause");
    expect(paused.text).toContain("Paused");
    await new Promise((r) => setTimeout(r, 400));
    const atPause = received();
    await new Promise((r) => setTimeout(r, 600));
    expect(received()).toBe(atPause);
    expect(atPause).toBeLessThan(30);

    await owner.press(h.fake.messages(owner.id).find((m) => m.messageId === progress.messageId)!, "▶️ Resume");
    await eventually(() => lastFrom(h, owner.id, /finished in/), 10_000);
    expect(received()).toBe(30);
    for (const s of students) expect(s.messages().filter((m) => m.text === "China internship: apply now").length).toBe(1);
  }, 20_000);

  it("a student who says /stop while an announcement is on its way does not get it", async () => {
    const students = subscribers(h, 20);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const last = students.at(-1)!;
    const preview = await compose(owner, () => owner.send("British Council: IELTS mock test"));
    await owner.press(preview, "📤 Send now to 20");
    await eventually(() => students[0]!.messages().length > 0);
    await last.send("/stop");
    await eventually(() => lastFrom(h, owner.id, /finished in/), 10_000);
    expect(last.messages().some((m) => m.text === "British Council: IELTS mock test")).toBe(false);
    expect(h.app.store.broadcasts.figures(1)).toMatchObject({ total: 19, sent: 19, pending: 0 });
  });

  it("cancel asks first, then stops for good", async () => {
    const students = subscribers(h, 30);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const received = () => students.filter((s) => s.messages().length > 0).length;
    const preview = await compose(owner, () => owner.send("UNDP: volunteer call"));
    await owner.press(preview, "📤 Send now to 30");
    const progress = await eventually(() => h.fake.messages(owner.id).find((m) => /Sending…/.test(m.text)));
    const confirm = await owner.press(progress, "✖️ Cancel");
    expect(confirm.text).toMatch(/Cancel announcement #1\? The \d+ students/);
    await owner.press(confirm, "✖️ Yes, cancel it");
    await new Promise((r) => setTimeout(r, 400));
    const atCancel = received();
    await new Promise((r) => setTimeout(r, 600));
    expect(received()).toBe(atCancel);
    expect(atCancel).toBeLessThan(30);
    expect(h.app.store.broadcasts.get(1)!.status).toBe("cancelled");
  });
});

describe("the progress card across a restart", () => {
  const h = withBot({ ADMIN_IDS: [OWNER], BROADCAST_RATE: 200 });

  it("is not edited again to what it shows when the bot comes back (Telegram would refuse it: 'message is not modified')", async () => {
    subscribers(h, 3);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    // Every copy fails for now, for a passing reason: the figures, and so the card, stay as they are.
    h.fake.injectFault({ method: "copyMessage", errorCode: 502, description: "Bad Gateway" });
    const preview = await compose(owner, () => owner.send("Erasmus Mundus: info session on Monday"));
    await owner.press(preview, "📤 Send now to 3");
    const card = await eventually(() => lastFrom(h, owner.id, /Sending…/));
    await eventually(() => h.fake.calls.filter((c) => c.method === "copyMessage").length >= 3);

    const since = h.fake.calls.length;
    await h.restart();
    // Back, the engine shows the card before it sends again.
    await eventually(() => h.fake.calls.slice(since).some((c) => c.method === "copyMessage"), 10_000);
    expect(h.fake.calls.slice(since).filter((c) => c.method === "editMessageText")).toEqual([]);
    expect(h.fake.rejected()).toEqual([]);
    expect(lastFrom(h, owner.id, /^📣 Announcement #1/)).toMatchObject({ messageId: card.messageId, text: card.text });
  }, 20_000);
});

describe("a subscriber who never started the bot", () => {
  let h: Harness;
  afterEach(async () => {
    // Telegram's one refusal here is the point of the test; anything else refused fails it.
    expect(h.fake.rejected().map((c) => [c.method, c.description])).toEqual([["copyMessage", "Forbidden: bot can't initiate conversation with a user"]]);
    await h.stop();
  });

  it("counts as blocked (tried once, Telegram's 403 'bot can't initiate conversation'), and everyone else gets it once", async () => {
    h = await startBot({ ADMIN_IDS: [OWNER], BROADCAST_RATE: 200 });
    const TEXT = "KOICA: the call is open";
    const students = subscribers(h, 4);
    // In the database as a subscriber (an import, a restored backup) without ever having written to the bot.
    const stranger = h.fake.user({ languageCode: "en" });
    h.app.store.users.see({ id: stranger.id, firstName: "Stranger", languageCode: "en" });
    h.app.store.subscriptions.subscribe(stranger.id, "all");
    h.app.store.flush(); // users are written a moment later otherwise
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });

    const preview = await compose(owner, () => owner.send(TEXT));
    expect(preview.text).toContain("Recipients: 5");
    await owner.press(preview, "📤 Send now to 5");
    const report = await eventually(() => lastFrom(h, owner.id, /finished in/), 10_000);
    expect(report.text).toContain("Sent: 4\nBlocked the bot: 1\nFailed: 0\nRemaining: 0");
    const card = lastFrom(h, owner.id, /^📣 Announcement #1/)!;
    expect(card.text).toContain("✅ Finished");
    expect(card.text).toContain("Sent: 4\nBlocked the bot: 1\nFailed: 0");
    expect(card.buttons).toEqual([]); // nobody failed: nothing to resend

    for (const s of students) expect(s.messages().filter((m) => m.text === TEXT)).toHaveLength(1);
    expect(h.fake.history(stranger.chatId)).toEqual([]);
    expect(h.fake.calls.filter((c) => c.method === "copyMessage" && c.params.chat_id === stranger.chatId)).toHaveLength(1); // never retried
    expect(h.app.store.users.get(stranger.id)!.blocked).toBe(true);

    const list = await owner.send("/broadcasts");
    expect(list.text).toContain("Sent 4 of 5 · blocked 1 · failed 0");
  });
});
