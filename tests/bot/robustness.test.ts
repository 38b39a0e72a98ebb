/** Telegram's rules and the unexpected: bursts, blocked users, errors, long answers, groups. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { allButtons, eventually, startBot, type Harness } from "./harness.js";

let h: Harness;
/** Anything the fake refused on its own (not a fault a test injected) fails the test. */
afterEach(async () => {
  expect(h.fake.rejected()).toEqual([]);
  await h.stop();
});

describe("a burst of messages", () => {
  it("from one user does not slow down another, and gets one 'slow down'", async () => {
    h = await startBot();
    const spammer = h.fake.user({ languageCode: "en" });
    const student = h.fake.user({ languageCode: "en" });
    // Replies to the spammer are slow, so anything of theirs that queued would hold the bot up.
    h.fake.injectFault({ method: "sendMessage", chatId: spammer.chatId, delayMs: 300 });
    for (let i = 0; i < 200; i++) spammer.sendNoWait(`erasmus ${i}`);
    const started = performance.now();
    const answer = await student.send("koica");
    const waited = performance.now() - started;
    expect(answer.text.startsWith("KOICA")).toBe(true);
    expect(waited).toBeLessThan(1000);

    // The spammer's answers come at Telegram's per-chat pace (the next test counts them exactly); the bot stops only once they are out.
    await eventually(() => spammer.messages().length >= 21, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const replies = spammer.messages();
    expect(replies.filter((m) => m.text === "You are sending messages too fast. Please wait a few seconds.")).toHaveLength(1);
    expect(replies.length).toBe(21);
  }, 60_000);

  it("21 messages within 10 seconds get exactly 20 answers and one 'please wait'; a message 10 seconds after the first is answered", async () => {
    h = await startBot();
    const user = h.fake.user({ languageCode: "en" });
    // Spread over 9 seconds: a window shorter than 10 s, or a limit above 20, lets the 21st through.
    const first = performance.now();
    for (let i = 0; i < 21; i++) {
      await new Promise((resolve) => setTimeout(resolve, first + i * 450 - performance.now()));
      user.sendNoWait("koica");
    }
    await new Promise((resolve) => setTimeout(resolve, first + 10_300 - performance.now()));
    user.sendNoWait("erasmus");
    // Each chat is handled in order, and answers may be paced by Telegram's per-chat limit: counted once the last one is in.
    await eventually(() => user.messages().some((m) => m.text.startsWith("Erasmus Mundus")), 30_000);
    const texts = user.messages().map((m) => m.text);
    expect(texts.filter((t) => t.startsWith("KOICA"))).toHaveLength(20);
    expect(texts.filter((t) => t === "You are sending messages too fast. Please wait a few seconds.")).toHaveLength(1);
    expect(texts).toHaveLength(22);
  }, 45_000);
});

describe("a burst of button presses", () => {
  const SLOW_DOWN = "You are sending messages too fast. Please wait a few seconds.";

  it("gets every press answered, and one 'slow down' in the window, presses and messages together", async () => {
    h = await startBot();
    const user = h.fake.user({ languageCode: "en" });
    const menu = await user.send("/menu");
    const presses = Array.from({ length: 40 }, () => user.pressData(menu, "fol:program:koica"));
    const answers = await eventually(() => {
      const all = presses.map((query) => h.fake.callbackAnswer(query));
      return all.every((answer) => answer !== undefined) && all;
    });
    expect(answers.filter((a) => a!.text === SLOW_DOWN)).toEqual([expect.objectContaining({ showAlert: true })]);
    // The /menu and 19 presses were within the limit; the rest got an empty answer.
    expect(answers.filter((a) => a!.text?.startsWith("🔔 You will get announcements about KOICA"))).toHaveLength(19);
    expect(answers.filter((a) => a!.text === undefined)).toHaveLength(20);

    // Still within the window: a message is dropped without a word, and a press answered without a second "slow down".
    user.sendNoWait("erasmus");
    const late = user.pressData(menu, "fol:program:koica");
    expect(await eventually(() => h.fake.callbackAnswer(late))).toEqual({});
    expect(user.messages().map((m) => m.text)).not.toContain(SLOW_DOWN);
  });
});

describe("a burst of inline queries", () => {
  it("from one user does not slow down another, and only the limit's worth are searched", async () => {
    h = await startBot();
    const spammer = h.fake.user({ languageCode: "en" });
    const student = h.fake.user({ languageCode: "en" });
    const inlineAnswers = Array.from({ length: 300 }, () => spammer.inline("erasmus"));
    const started = performance.now();
    const answer = await student.send("koica");
    const waited = performance.now() - started;
    expect(answer.text.startsWith("KOICA")).toBe(true);
    expect(waited).toBeLessThan(1000);

    // Every query is answered (no spinner): the ones over the limit with no results, and not searched.
    const results = await Promise.all(inlineAnswers);
    expect(results.filter((r) => r.length > 0)).toHaveLength(30);
    const dropped = h.fake.calls.filter((c) => c.method === "answerInlineQuery" && (c.params.results as unknown[]).length === 0);
    expect(dropped).toHaveLength(270);
    expect(dropped[0]!.params).toMatchObject({ cache_time: 5, is_personal: true });
  });
});

describe("users who blocked the bot", () => {
  it("are marked blocked from my_chat_member, and unblocked when they come back", async () => {
    h = await startBot();
    const user = h.fake.user({ languageCode: "uz" });
    await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    user.block();
    await eventually(() => h.app.store.users.get(user.id)?.blocked);
    user.unblock();
    const reply = await user.send("salom");
    expect(reply.text).toContain("Assalomu alaykum");
    expect(h.app.store.users.get(user.id)?.blocked).toBe(false);
  });

  it("a 403 on a reply marks the user blocked and breaks nothing for anyone else", async () => {
    h = await startBot();
    const leaving = h.fake.user({ languageCode: "en" });
    const staying = h.fake.user({ languageCode: "en" });
    await leaving.send("/start");
    await leaving.nextMessage(); // the once-only question about announcements
    h.fake.injectFault({ method: "sendMessage", chatId: leaving.chatId, errorCode: 403, description: "Forbidden: bot was blocked by the user" });
    leaving.sendNoWait("erasmus");
    await eventually(() => h.app.store.users.get(leaving.id)?.blocked);
    expect((await staying.send("erasmus")).text.startsWith("Erasmus Mundus")).toBe(true);
  });
});

describe("an error while handling an update", () => {
  it("is answered politely, and the bot goes on", async () => {
    h = await startBot();
    const user = h.fake.user({ languageCode: "ru" });
    h.fake.injectFault({ method: "sendMessage", chatId: user.chatId, times: 1, errorCode: 400, description: "Bad Request: something unexpected" });
    const apology = await user.send("koica");
    expect(apology.text).toBe("Извините, у меня что-то пошло не так. Попробуйте, пожалуйста, ещё раз чуть позже.");
    expect((await user.send("koica")).text.startsWith("KOICA")).toBe(true);
  });
});

describe("long answers", () => {
  it("are split at paragraph boundaries under Telegram's 4096 characters", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-long-"));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    const file = join(dir, "topics/joint-research.yaml");
    const paragraph = (i: number) => `Paragraph ${i}: ${"joint research with foreign partners & <publications>. ".repeat(12)}`;
    const long = Array.from({ length: 20 }, (_, i) => `    ${paragraph(i)}`).join("\n");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^  en: \|\n(    .*\n)+/m, `  en: |\n${long}\n`));
    h = await startBot({ KNOWLEDGE_DIR: dir });
    const user = h.fake.user({ languageCode: "en" });
    // (Not "joint research ...": in English the bot now reads "joint" as "join", a question about applying.)
    user.sendNoWait("research and publications");
    // The parts are paced at Telegram's per-chat rate; the menu button comes under the last one.
    const parts = await eventually(() => user.messages().some((m) => allButtons(m).includes("🏠 Menu")) && user.messages(), 15_000);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(parts.map((m) => m.text).join("\n")).toContain("Paragraph 19");
    expect(parts[0]!.buttons).toEqual([]); // buttons come under the last part
    expect(allButtons(user.lastMessage()!)).toContain("🏠 Menu");
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("groups", () => {
  it("ignores chatter but answers commands and mentions", async () => {
    h = await startBot();
    const group = h.fake.group();
    const member = h.fake.user({ languageCode: "en" });
    group.send(member, "who is going to the canteen?");
    group.send(member, "erasmus is cool");
    group.send(member, "@jspu_test_bot erasmus");
    // Each chat is handled in order: by the time the mention is answered, the chatter before it was handled, and got nothing.
    await eventually(() => group.messages().length > 0);
    expect(group.messages().map((m) => m.text.startsWith("Erasmus Mundus"))).toEqual([true]);
    expect(await group.say(member, "/programs@jspu_test_bot")).toBe(true);
  });

  it("refuses every personal button on a message in a group, leaving the message and the presser's settings as they were", async () => {
    h = await startBot();
    const group = h.fake.group();
    const member = h.fake.user({ languageCode: "en" });
    await group.say(member, "@jspu_test_bot koica");
    const card = group.messages().at(-1)!;
    // The card's own personal button; the reminder's ("rem:koica", below) is in its Deadlines section now, and on cards sent before.
    const onTheCard = ["🔔 Subscribe"].map((text) => card.buttons.flat().find((b) => b.text === text)!.callbackData!);
    // Every kind of personal button: the card's, the menu's, and those of screens that could be opened from them.
    const personal = [...onTheCard, "langs", "lang:ru", "subs:0", "subs:off", "subs:stop", "subs:yes", "subs:no", "sub:0:all", "fol:country:south-korea", "rem:koica", "remx:koica", "ck:koica:0"];
    for (const data of personal) {
      const query = member.pressData(card, data);
      expect(await eventually(() => h.fake.callbackAnswer(query)), data).toEqual({ text: "This is personal: open a private chat with me to use it.", showAlert: true });
    }
    expect(group.messages().map((m) => ({ id: m.messageId, edits: m.edits }))).toEqual([{ id: card.messageId, edits: 0 }]);
    expect(h.app.store.users.get(member.id)?.lang).toBeNull();
    expect(h.app.store.subscriptions.topicsOf(member.id)).toEqual([]);
    expect(h.app.store.ticks.ticked(member.id, "koica")).toEqual(new Set());
    expect(h.app.store.reminders.claimDue(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
    expect(member.messages()).toEqual([]);
  });

  it("shows a program's checklist in a group blank, not with the presser's ticks", async () => {
    h = await startBot();
    const group = h.fake.group();
    const member = h.fake.user({ languageCode: "en" });
    h.app.store.ticks.toggle(member.id, "erasmus-mundus", "passport");
    await group.say(member, "@jspu_test_bot erasmus mundus");
    const card = group.messages().at(-1)!;
    // Erasmus Mundus's how-to-apply pages (KOICA, which no one applies to, has none): its steps, then its documents.
    let checklist;
    for (let page = 0; page < 10 && !checklist; page++) {
      const query = member.pressData(card, `ap:erasmus-mundus:${page}`);
      await eventually(() => h.fake.callbackAnswer(query));
      // The documents page ("Documents: 0 of N ready"), not a step that points to the Documents section.
      checklist = group.messages().find((m) => m.text.includes("Documents: 0 of "));
    }
    expect(checklist!.buttons.flat().map((b) => b.text)).toContain("⬜ International passport");
    expect(group.messages().flatMap((m) => m.buttons.flat().map((b) => b.text)).filter((text) => text.includes("☑️"))).toEqual([]);
  });
});

describe("groups and other bots", () => {
  it("ignores a command addressed to another bot, and unknown commands", async () => {
    h = await startBot();
    const group = h.fake.group();
    const member = h.fake.user({ languageCode: "en" });
    group.send(member, "/start@some_other_bot");
    group.send(member, "/weather");
    expect(await group.say(member, "/start@jspu_test_bot")).toBe(true);
    // Handled in order: the two before it were handled first, and got nothing.
    expect(group.messages()).toHaveLength(1);
    expect(group.messages()[0]!.text).toContain("Hello");
    // Group chatter creates no user records.
    expect(h.app.store.users.get(member.id)).toBeDefined();
    const bystander = h.fake.user({ languageCode: "en" });
    await group.say(bystander, "see you at lunch");
    expect(h.app.store.users.get(bystander.id)).toBeUndefined();
  });
});
