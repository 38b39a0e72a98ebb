/** "Am I eligible?" end to end: buttons and typing, bad answers, cancelling, a restart midway, two users at once. */
import { describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { allButtons, eventually, withBot } from "./harness.js";

const h = withBot();

/** Presses a button and returns the bot's next message (the next question). */
const pick = (user: FakeUser, message: FakeMessage, button: string | RegExp) => user.press(message, button);

describe("the eligibility check", () => {
  it("in English, by buttons and typing: what fits now, what nearly fits and what is missing", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const menu = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    const role = await pick(user, menu, "✅ Am I eligible?");
    expect(role.text).toBe("Let's see which programs fit you. Who are you?");
    const year = await pick(user, role, "Bachelor student");
    const field = await pick(user, year, "3");
    expect(field.text).toContain("Your field of study or faculty?");
    const scale = await user.send("English philology");
    const gpa = await pick(user, scale, "Out of 5");
    expect(gpa.text).toBe("Type your GPA out of 5, for example 4.2.");
    const certificate = await user.send("4,5");
    expect((await pick(user, certificate, "IELTS")).text).toBe("Your IELTS score?");
    const more = await user.send("5.0");
    expect(allButtons(more)).not.toContain("IELTS");
    const interest = await pick(user, more, "No more");
    const result = await pick(user, interest, "Any country");
    expect(result.text).toContain("Nearly — what is missing:");
    expect(result.text).toContain("Erasmus Mundus (to be confirmed): IELTS 5.5 or TOEFL 72 is needed, you have IELTS 5");
    expect(result.text).toContain("not confirmed by the department");
    // How to apply opens as a new message: the result stays readable.
    const apply = await pick(user, result, "📝 How to apply: Erasmus Mundus");
    expect(apply.messageId).not.toBe(result.messageId);
    expect(apply.text).toContain("Step 1 of 3");
    expect(user.messages().find((m) => m.messageId === result.messageId)?.text).toContain("Nearly — what is missing:");
  });

  it.each([
    ["ru", "✅ Подхожу ли я?", "Преподаватель или профессор", "Пропустить", "Не знаю", "Больше нет", "Любая страна", "Почти — чего не хватает:"],
    ["uz", "✅ Men mos kelamanmi?", "O'qituvchi yoki professor", "O'tkazib yuborish", "Bilmayman", "Boshqa yo'q", "Istalgan davlat", "Deyarli — nima yetishmaydi:"],
  ])("in %s, a teacher gets an answer in that language, by buttons and typing", async (languageCode, start, teacher, _skipField, skipGpa, noMore, anyCountry, nearly) => {
    const user = h.fake.user({ languageCode });
    const menu = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    const role = await pick(user, menu, start);
    await pick(user, role, teacher);
    const scale = await user.send(languageCode === "ru" ? "Математика" : "Matematika");
    const certificate = await pick(user, scale, skipGpa);
    const interest = await pick(user, certificate, noMore);
    const result = await pick(user, interest, anyCountry);
    expect(result.text).toContain(nearly);
  });

  it("from a program's card, that program comes first in the answer, and no country is asked", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const card = await user.send("koica");
    const role = await pick(user, card, "✅ Am I eligible?");
    const field = await pick(user, role, "Teacher or professor");
    const scale = await pick(user, field, "Skip");
    const certificate = await pick(user, scale, "I don't know");
    const result = await pick(user, certificate, "No more");
    const lines = result.text.split("\n");
    // A teacher without certificates: KOICA needs one, and leads the "nearly" list.
    expect(lines[lines.indexOf("Nearly — what is missing:") + 1]).toMatch(/^• KOICA/);
  });

  it("says so when the program asked about from its card is closed to the student", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const card = await user.send("koica");
    const year = await pick(user, await pick(user, card, "✅ Am I eligible?"), "Bachelor student");
    const scale = await pick(user, await pick(user, year, "2"), "Skip");
    const result = await pick(user, await pick(user, scale, "I don't know"), "No more");
    expect(result.text).toMatch(/^KOICA — Korea International Cooperation Agency is not open to you now: open to /);
  });

  it("Back returns to the previous question, and the answers go on from there", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const year = await pick(user, role, "Bachelor student");
    const roleAgain = await pick(user, year, "⬅️ Back");
    expect(roleAgain.text).toBe("Let's see which programs fit you. Who are you?");
    const field = await pick(user, roleAgain, "Teacher or professor");
    expect(field.text).toContain("Your field of study or faculty?"); // a teacher is not asked the year
  });

  it("offers buttons again after two answers it cannot read", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const field = await pick(user, await user.send("/eligibility"), "Teacher or professor");
    const scale = await pick(user, field, "Skip");
    await pick(user, scale, "Out of 5");
    expect((await user.send("good")).buttons.flat().map((b) => b.text)).not.toContain("4.5");
    const second = await user.send("very good");
    expect(allButtons(second)).toEqual(expect.arrayContaining(["3.0", "3.5", "4.0", "4.5", "5.0"]));
    expect((await pick(user, second, "4.5")).text).toContain("Do you have a language certificate?");
  });

  it("asks again after a GPA that is not a number or out of range, and a negative score", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const field = await pick(user, role, "Teacher or professor");
    const scale = await pick(user, field, "Skip");
    await pick(user, scale, "Out of 5");
    expect((await user.send("very good")).text).toBe("That is not a number. Type your GPA out of 5, for example 4.2.");
    expect((await user.send("7")).text).toBe("A GPA out of 5 is between 0 and 5. Please type it again.");
    const certificate = await user.send("4.8");
    await pick(user, certificate, "IELTS");
    expect((await user.send("-2")).text).toBe("IELTS scores go from 0 to 9. Please type your score again.");
    expect((await user.send("7")).text).toContain("Do you have a language certificate?");
  });

  it("a sticker midway gets a 'please answer' and the flow goes on", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    expect((await user.sendSticker()).text).toBe("Please answer with the buttons above, or Cancel.");
    expect((await pick(user, role, "Teacher or professor")).text).toContain("Your field of study");
  });

  it("Cancel, /cancel, /start and a menu button leave the flow cleanly", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const cancelled = await pick(user, role, "✖️ Cancel");
    expect(cancelled.text).toBe("Stopped. Nothing was kept. Here is the menu.");
    await user.send("/eligibility");
    expect((await user.send("/cancel")).text).toBe("Stopped. Nothing was kept. Here is the menu.");
    const role3 = await user.send("/eligibility");
    const menu = await user.send("/menu");
    expect((await pick(user, menu, "🎓 Programs")).text).toContain("International programs");
    expect((await pick(user, role3, "Bachelor student")).text).toContain("What would you like to know?");

    const role2 = await user.send("/eligibility");
    expect((await user.send("/start")).text).toContain("Hello");
    await user.nextMessage(); // the once-only question about announcements
    // The flow is gone: its old buttons lead to the menu.
    const stale = await pick(user, role2, "Bachelor student");
    expect(stale.text).toContain("What would you like to know?");
  });

  it("a restart midway resumes at the same question", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const year = await pick(user, role, "Master student");
    await h.restart();
    const field = await pick(user, year, "2");
    expect(field.text).toContain("Your field of study or faculty?");
    expect((await user.send("Mathematics")).text).toBe("What is your GPA (average grade)? First, on which scale?");
  });

  it("two users in the flow at the same time never see each other's state", async () => {
    const a = h.fake.user({ languageCode: "en" });
    const b = h.fake.user({ languageCode: "ru" });
    const roleA = await a.send("/eligibility");
    const roleB = await b.send("/eligibility");
    const yearA = await pick(a, roleA, "Bachelor student");
    const fieldB = await pick(b, roleB, "Преподаватель или профессор");
    expect(yearA.text).toBe("Which year of study are you in?");
    expect(fieldB.text).toContain("Ваше направление или факультет?");
    expect((await pick(a, yearA, "1")).text).toContain("Your field of study");
  });
});

describe("the unexpected, midway", () => {
  it("a 429 from Telegram is waited out inside the flow, which goes on", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    h.fake.injectFault({ method: "sendMessage", chatId: user.chatId, times: 1, errorCode: 429, retryAfter: 1 });
    const year = await pick(user, role, "Bachelor student", );
    expect(year.text).toBe("Which year of study are you in?");
    expect(h.fake.calls.filter((c) => c.injected).map((c) => c.errorCode)).toEqual([429]);
  }, 10_000);

  it("a button of an earlier question is ignored, and typing an option works", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const year = await pick(user, role, "Bachelor student");
    const field = await pick(user, year, "2");
    // "Master student" on the first question's message: ignored, the field question still waits.
    user.pressData(role, role.buttons[1]![0]!.callbackData!);
    const scale = await user.send("Pedagogy");
    expect(scale.text).toContain("on which scale?");
    expect((await user.send("out of 5")).text).toBe("Type your GPA out of 5, for example 4.2.");
    void field;
  });

  it("blocking and unblocking the bot midway does not end the flow", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    user.block();
    user.unblock();
    expect((await pick(user, role, "Teacher or professor")).text).toContain("Your field of study");
  });
});

describe("an error midway (grammyjs/conversations#155)", () => {
  it("is answered politely and does not leave the flow hanging: it can be started again", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    h.fake.injectFault({ method: "sendMessage", chatId: user.chatId, times: 1, errorCode: 400, description: "Bad Request: provoked" });
    expect((await user.press(role, "Bachelor student")).text).toBe("Sorry, something went wrong on my side. Please try again in a moment.");
    const again = await user.send("/eligibility");
    expect((await user.press(again, "Teacher or professor")).text).toContain("Your field of study");
    // The provoked failure is the only call the fake refused.
    expect(h.fake.calls.filter((c) => c.injected).map((c) => c.description)).toEqual(["Bad Request: provoked"]);
  });
});

describe("after an update that changed the questions", () => {
  it("a user midway is told the questionnaire was reset", async () => {
    const user = h.fake.user({ languageCode: "en" });
    await user.send("/eligibility");
    // What an older version of the bot stored for this chat.
    const db = (h.app.store as unknown as { db: import("better-sqlite3").Database }).db;
    // The flow's state is written when its update is done, just after the reply.
    await eventually(() => db.prepare("SELECT 1 FROM conversations").get());
    db.prepare("UPDATE conversations SET state = json_set(state, '$.version[1]', 0)").run();
    const told = await user.send("hello");
    expect(told.text).toBe("The bot was updated, so your unfinished questionnaire was reset. Start it again with /eligibility.");
  });
});
