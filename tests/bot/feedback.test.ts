/**
 * "Was this helpful?" under search answers, end to end: 👎 sends the question
 * to /unanswered and offers to ask the department, 👍 thanks; either way the
 * two buttons leave the answer, its other buttons staying; /stats shows the
 * share of helpful answers per week.
 */
import { describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { firstWeekOf } from "../../src/storage/answers.js";
import { buttonTexts, eventually, withBot, type Harness } from "./harness.js";

const STAFF_CHAT = -1001234567890;
const OWNER = 9001;
const FEEDBACK_ROW = ["👍 Helpful", "👎 Not helpful"];
const SORRY = "Sorry this did not help. You can ask the department directly:";

/** The message as the user sees it now. */
const current = (h: Harness, message: FakeMessage) => h.fake.messages(message.chatId).find((m) => m.messageId === message.messageId)!;
/** The data of a button of the message. */
const dataOf = (message: FakeMessage, text: string) => message.buttons.flat().find((b) => b.text === text)!.callbackData!;
/** Presses with the data given (a button of the message, or a forged one) and waits for the bot's answer to the press. */
async function pressFor(h: Harness, user: FakeUser, message: FakeMessage, data: string) {
  const id = user.pressData(message, data);
  return eventually(() => h.fake.callbackAnswer(id));
}

describe("was this helpful?", () => {
  const h = withBot({ STAFF_CHAT_ID: STAFF_CHAT, ADMIN_IDS: [OWNER] });

  it("👎 takes the buttons away, offers to ask the department this very question, and lists it in /unanswered", async () => {
    const student = h.fake.user({ languageCode: "en" });
    const answer = await student.send("erazmus");
    expect(answer.text).toMatch(/^Erasmus Mundus/);
    const rows = buttonTexts(answer);
    expect(rows.at(-1)).toEqual(FEEDBACK_ROW);
    expect(rows.length).toBeGreaterThan(1); // the card's own buttons above

    const edited = await student.press(answer, "👎 Not helpful");
    expect(edited.messageId).toBe(answer.messageId);
    expect(buttonTexts(edited)).toEqual(rows.slice(0, -1));
    expect(edited.text).toBe(answer.text);
    const sorry = await eventually(() => student.messages().find((m) => m.text === SORRY));
    expect(buttonTexts(sorry)).toEqual([["✉️ Ask the department"]]);
    const confirm = await student.press(sorry, "✉️ Ask the department");
    expect(confirm.text).toBe("Send this question to the Department of International Cooperation?\n\nerazmus");

    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const list = await staff.send("/unanswered");
    expect(list.text).toContain("\n1. erazmus — 1×");

    // A second press (an old copy of the buttons) changes nothing, logs nothing again, sends nothing, and says so.
    const before = student.messages().length;
    expect(await pressFor(h, student, answer, dataOf(answer, "👍 Helpful"))).toMatchObject({ text: "You have already rated this answer. Thank you!" });
    expect((await staff.send("/unanswered")).text).toContain("\n1. erazmus — 1×");
    expect(student.messages()).toHaveLength(before);
  });

  it("👍 thanks and takes the buttons away; someone else's or an unknown answer gets a polite word; /stats counts the votes per week", async () => {
    const student = h.fake.user({ languageCode: "en" });
    const koica = await student.send("koica");
    expect(koica.text).toMatch(/^KOICA/);
    const rows = buttonTexts(koica);
    expect(rows.at(-1)).toEqual(FEEDBACK_ROW);

    const helpful = dataOf(koica, "👍 Helpful");
    expect(await pressFor(h, student, koica, helpful)).toMatchObject({ text: "Thank you! Glad it helped." });
    await eventually(() => current(h, koica).edits === 1);
    expect(buttonTexts(current(h, koica))).toEqual(rows.slice(0, -1));
    expect(student.messages().filter((m) => m.text === SORRY)).toEqual([]);

    // Another student pressing this answer's button (forged), and a button of an answer the bot does not know.
    const other = h.fake.user({ languageCode: "en" });
    const theirs = await other.send("erazmus");
    expect(await pressFor(h, other, theirs, helpful.replace(":y", ":n"))).toMatchObject({ text: "This answer can no longer be rated. Thank you all the same!" });
    expect(await pressFor(h, other, theirs, "fb:987654:y")).toMatchObject({ text: "This answer can no longer be rated. Thank you all the same!" });
    expect(buttonTexts(current(h, theirs)).at(-1)).toEqual(FEEDBACK_ROW); // their own buttons are still theirs to press
    // Their own 👎, and an answer nobody rates.
    await other.press(theirs, "👎 Not helpful");
    await eventually(() => other.messages().find((m) => m.text === SORRY));
    expect(buttonTexts(await student.send("china")).at(-1)).toEqual(FEEDBACK_ROW);

    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const report = await staff.send("/stats");
    const monday = Date.parse(`${firstWeekOf(1)}T00:00:00Z`);
    // The week as an English reader reads a range of days ("7 – 13 December").
    const week = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" }).formatRange(monday, monday + 6 * 86_400_000);
    expect(report.text).toContain(`\n\n👍 Helpful answers, last 8 weeks\n• ${week}: 👍 1 of 2 (50%)\n\n`);
  });

  it("is in the student's language, and a group's answers have no such buttons", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    const answer = await student.send("erazmus");
    expect(buttonTexts(answer).at(-1)).toEqual(["👍 Foydali", "👎 Yordam bermadi"]);
    await student.press(answer, "👎 Yordam bermadi");
    const sorry = await eventually(() => student.messages().find((m) => m.text.startsWith("Kechirasiz")));
    expect(sorry.text).toBe("Kechirasiz, bu yordam bermadi. Bo'limning o'zidan so'rashingiz mumkin:");
    expect(buttonTexts(sorry)).toEqual([["✉️ Bo'limdan so'rash"]]);

    const group = h.fake.group({ title: "JSPU students" });
    group.send(student, "@jspu_test_bot erazmus");
    const reply = await eventually(() => group.messages().find((m) => m.text.startsWith("Erasmus Mundus")));
    expect(reply.buttons.length).toBeGreaterThan(0);
    expect(reply.buttons.flat().map((b) => b.text)).not.toContain("👍 Foydali");
  });
});

describe("was this helpful? without a staff chat", () => {
  const h = withBot();

  it("👎 offers the department's contacts instead", async () => {
    const student = h.fake.user({ languageCode: "ru" });
    const answer = await student.send("коика");
    expect(buttonTexts(answer).at(-1)).toEqual(["👍 Полезно", "👎 Не помогло"]);
    await student.press(answer, "👎 Не помогло");
    const sorry = await eventually(() => student.messages().find((m) => m.text.startsWith("Жаль")));
    expect(sorry.text).toBe("Жаль, что это не помогло. Вы можете спросить отдел напрямую:");
    expect(buttonTexts(sorry)).toEqual([["📞 Контакты"]]);
    const contacts = await student.press(sorry, "📞 Контакты");
    expect(contacts.text).toContain("+998912090766");
  });
});
