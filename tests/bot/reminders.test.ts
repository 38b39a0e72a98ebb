import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { daysFromToday, knowledgeWithDeadlines } from "../fixtures/knowledge-with-deadlines.js";
import { allButtons, eventually, startBot, withBot } from "./harness.js";

// Erasmus Mundus closes in 3 days (sooner than REMINDER_DAYS), the 2+2 program in 40; KOICA has no date.
const SOON = daysFromToday(3);
const LATER = daysFromToday(40);
const knowledge = knowledgeWithDeadlines({ "erasmus-mundus": [daysFromToday(-5), SOON], "bspu-2plus2": [LATER] });
afterAll(() => rmSync(knowledge, { recursive: true, force: true }));

/** A date (YYYY-MM-DD) as the student reads it: "10 December 2026" (en), "10 декабря 2026 г." (ru). */
function shown(date: string, lang: "en" | "ru"): string {
  const MONTHS = {
    en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
  };
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return lang === "en" ? `${day} ${MONTHS.en[month - 1]} ${year}` : `${day} ${MONTHS.ru[month - 1]} ${year} г.`;
}

const OVERRIDES = { KNOWLEDGE_DIR: knowledge, REMINDER_DAYS: 7, REMINDER_CHECK_SECONDS: 0.05 };
const h = withBot(OVERRIDES);

/** A new user past the greeting and the announcements question, looking at a program's card. */
async function cardOf(user: FakeUser, programId: string): Promise<FakeMessage> {
  await user.send("/start");
  await user.nextMessage();
  return user.send(`/start ${programId}`);
}

/** The program's Deadlines section, one tap from its card (`label`: the card's 📅 button in the user's language): the ⏰ button is there. */
async function deadlinesOf(user: FakeUser, programId: string, label = "📅 Deadlines"): Promise<FakeMessage> {
  return user.press(await cardOf(user, programId), label);
}

/** The reminders the job sent: the only messages with a button to the program's card as a new message. */
const reminders = (user: FakeUser) => user.messages().filter((m) => m.buttons.flat().some((b) => b.callbackData?.startsWith("remc:")));
/** Long enough for the job to have looked many times (every 50 ms here). */
const severalLooks = () => new Promise((resolve) => setTimeout(resolve, 400));

describe("a deadline closer than REMINDER_DAYS", () => {
  it("is confirmed with the days left, and reminded once, in the student's language; never again, also after a restart", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const card = await cardOf(user, "erasmus-mundus");
    // The card has no reminder button: it is in the Deadlines section, with the dates.
    expect(allButtons(card)).not.toContain("⏰ Напомнить о сроке");
    const deadlines = await user.press(card, "📅 Сроки");
    expect(deadlines.text.split("\n").slice(0, 3)).toEqual(["Erasmus Mundus (Эразмус Мундус)", "", "Сроки (нужно уточнить)"]);
    // Its dates in the student's language, the one already gone marked as such.
    expect(deadlines.text).toContain(`\n${shown(daysFromToday(-5), "ru")}: Приём документов (срок прошёл)\n${shown(SOON, "ru")}: Приём документов`);
    expect(deadlines.text).not.toContain(`${shown(SOON, "ru")}: Приём документов (срок прошёл)`);
    expect(allButtons(deadlines)).toEqual(["ℹ️ Подробнее", "📄 Документы", "📝 Как подать заявку", "⏰ Напомнить о сроке"]);
    const confirmation = await user.press(deadlines, "⏰ Напомнить о сроке");
    expect(confirmation.messageId).toBe(deadlines.messageId); // in place of the section
    expect(confirmation.text).toBe(
      [
        "⏰ Напоминание установлено: Erasmus Mundus (Эразмус Мундус)",
        `Срок подачи — ${shown(SOON, "ru")} (через 3 дня). (нужно уточнить)`,
        "Приём документов",
        "Это скоро, поэтому напоминание придёт сразу.",
      ].join("\n"),
    );
    expect(allButtons(confirmation)).toEqual(["🔕 Отменить напоминание", "⬅️ Назад", "🏠 Меню"]);

    const reminder = await eventually(() => reminders(user)[0]);
    expect(reminder.text).toBe(`⏰ Erasmus Mundus (Эразмус Мундус): срок подачи — ${shown(SOON, "ru")} (через 3 дня). (нужно уточнить)\nПриём документов`);
    expect(allButtons(reminder)).toEqual(["🎓 Erasmus Mundus (Эразмус Мундус)", "📝 Как подать заявку"]);

    await severalLooks();
    await h.restart();
    await severalLooks();
    expect(reminders(user)).toHaveLength(1);

    // Asking again: it was already sent.
    const again = await user.press(await user.press(await user.send("/start erasmus-mundus"), "📅 Сроки"), "⏰ Напомнить о сроке");
    expect(again.text).toContain("Напоминание уже установлено");
    expect(again.text).toContain("Я уже отправил вам напоминание.");
    expect(allButtons(again)).not.toContain("🔕 Отменить напоминание");
    await severalLooks();
    expect(reminders(user)).toHaveLength(1);
  });

  it("leads from the reminder to the program's card and how to apply, as new messages", async () => {
    const user = h.fake.user({ languageCode: "en" });
    await user.press(await deadlinesOf(user, "erasmus-mundus"), "⏰ Deadline reminder");
    const reminder = await eventually(() => reminders(user)[0]);
    expect(reminder.text).toBe(`⏰ Erasmus Mundus: the deadline is ${shown(SOON, "en")} (in 3 days). (to be confirmed)\nApplications close`);
    const card = await user.press(reminder, "🎓 Erasmus Mundus");
    expect(card.messageId).not.toBe(reminder.messageId);
    expect(card.text.startsWith("Erasmus Mundus")).toBe(true);
    const apply = await user.press(reminder, "📝 How to apply");
    expect(apply.messageId).not.toBe(reminder.messageId);
    expect(apply.text).toContain("How to apply");
  });
});

describe("a deadline further away", () => {
  it("is reminded REMINDER_DAYS before, at 09:00 Tashkent; tapping again says so; it can be cancelled", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const set = await user.press(await deadlinesOf(user, "bspu-2plus2"), "⏰ Deadline reminder");
    expect(set.text).toContain('⏰ Reminder set: Joint "2+2" program with BSPU');
    expect(set.text).toContain(`The deadline is ${shown(LATER, "en")} (in 40 days).`);
    expect(set.text).toContain(`I will remind you on ${shown(daysFromToday(33), "en")} at 09:00, Tashkent time.`);

    const again = await user.press(await user.press(await user.send("/start bspu-2plus2"), "📅 Deadlines"), "⏰ Deadline reminder");
    expect(again.text).toContain("⏰ You already have a reminder");
    expect(again.text).toContain(`I will remind you on ${shown(daysFromToday(33), "en")} at 09:00, Tashkent time.`);

    await severalLooks();
    expect(reminders(user)).toEqual([]); // not due yet

    const cancelled = await user.press(again, "🔕 Cancel the reminder");
    expect(cancelled.text).toBe('🔕 Reminder cancelled: Joint "2+2" program with BSPU.');
    // Back to the program's card; its Deadlines section sets the reminder anew.
    const back = await user.press(cancelled, "⬅️ Back");
    expect(back.text.startsWith('Joint "2+2" program with BSPU')).toBe(true);
    const deadlines = await user.press(back, "📅 Deadlines");
    expect((await user.press(deadlines, "⏰ Deadline reminder")).text).toContain("⏰ Reminder set"); // set anew
  });
});

describe("a program without a published deadline", () => {
  it("is answered honestly in its Deadlines section, which offers its announcements instead of a reminder", async () => {
    const user = h.fake.user({ languageCode: "en" });
    // UNDP (KOICA, which no one applies to, answers its sections with what it does instead).
    const deadlines = await deadlinesOf(user, "undp");
    expect(deadlines.text).toBe(
      [
        "United Nations Development Programme (UNDP)",
        "",
        "Deadlines",
        "Deadlines are announced separately for each project — ask the department.",
        "The department has not yet published the deadlines for United Nations Development Programme (UNDP).",
        "📞 Call the department: +998912090766",
      ].join("\n"),
    );
    expect(allButtons(deadlines)).toEqual(["ℹ️ More details", "📄 Documents", "📝 How to apply", "🔔 Subscribe"]);
    const query = user.pressData(deadlines, deadlines.buttons.flat().find((b) => b.text === "🔔 Subscribe")!.callbackData!);
    expect(await eventually(() => h.fake.callbackAnswer(query)?.text)).toBe(
      "🔔 You will get announcements about United Nations Development Programme (UNDP). Change it with /announcements.",
    );
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual(["program:undp"]);
    expect(h.app.store.reminders.find(user.id, "undp", LATER)).toBeUndefined();
  });

  it("an old card's ⏰ is answered honestly, and the student subscribed to its announcements instead", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const card = await cardOf(user, "koica");
    // Cards sent before the reminder moved to the Deadlines section still carry it.
    user.pressData(card, "rem:koica");
    const answer = await eventually(() => user.messages().find((m) => m.text.includes("has not announced a deadline")));
    expect(answer.text).toBe(
      "KOICA — Korea International Cooperation Agency: the department has not announced a deadline yet. I have subscribed you to this program's announcements, so you will hear when it does.",
    );
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual(["program:koica"]);
    expect(h.app.store.reminders.find(user.id, "koica", LATER)).toBeUndefined();
  });
});

describe("the reminder job", () => {
  it("moves a reminder with a deadline the department changed, and reminds of the new date once", async () => {
    const user = h.fake.user({ languageCode: "en" });
    await cardOf(user, "erasmus-mundus");
    // A reminder set before the department moved the date: that date is gone from the base, the new one is SOON.
    h.app.store.reminders.add(user.id, "erasmus-mundus", daysFromToday(2), Date.now() - 1000);
    const sent = await eventually(() => reminders(user)[0]);
    expect(sent.text).toContain(`the deadline is ${shown(SOON, "en")} (in 3 days).`);
    await severalLooks();
    expect(reminders(user)).toHaveLength(1);
    expect(h.app.store.reminders.find(user.id, "erasmus-mundus", SOON)).toMatchObject({ sentAt: expect.any(Number) });
  });

  it("is given back and sent later when Telegram says wait (nothing went out)", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const deadlines = await deadlinesOf(user, "erasmus-mundus");
    // Longer than the client waits by itself (5 s): the job gets the 429.
    h.fake.injectFault({ method: "sendMessage", chatId: user.chatId, times: 1, retryAfter: 40 });
    await user.press(deadlines, "⏰ Deadline reminder");
    const sent = await eventually(() => reminders(user)[0]);
    expect(sent.text).toContain(`the deadline is ${shown(SOON, "en")} (in 3 days).`);
    expect(h.fake.calls.filter((c) => c.injected && c.errorCode === 429)).toHaveLength(1);
    await severalLooks();
    expect(reminders(user)).toHaveLength(1);
  });

  it("drops a reminder of a program that has no deadline left", async () => {
    const user = h.fake.user({ languageCode: "en" });
    await cardOf(user, "koica");
    h.app.store.reminders.add(user.id, "koica", daysFromToday(2), Date.now() - 1000);
    await severalLooks();
    expect(reminders(user)).toEqual([]);
    expect(h.app.store.reminders.find(user.id, "koica", daysFromToday(2))).toMatchObject({ sentAt: expect.any(Number) }); // claimed, never sent
  });

  it("marks a user who blocked the bot (403), and does not try again", async () => {
    // A bot of its own: the shared one must end with nothing refused by Telegram, and this 403 is the point.
    const own = await startBot(OVERRIDES);
    try {
      const user = own.fake.user({ languageCode: "en" });
      const deadlines = await deadlinesOf(user, "erasmus-mundus");
      own.fake.injectFault({ method: "sendMessage", chatId: user.chatId, errorCode: 403, description: "Forbidden: bot was blocked by the user" });
      await user.press(deadlines, "⏰ Deadline reminder");
      await eventually(() => own.app.store.users.get(user.id)?.blocked);
      expect(own.app.store.reminders.find(user.id, "erasmus-mundus", SOON)).toMatchObject({ sentAt: expect.any(Number) });
      await severalLooks();
      expect(own.fake.calls.filter((call) => call.injected).map((call) => [call.method, call.errorCode])).toEqual([["sendMessage", 403]]); // tried once only
      expect(reminders(user)).toEqual([]);
    } finally {
      await own.stop();
    }
  });
});
