/** "Am I eligible?" end to end: buttons and typing, bad answers, cancelling, a restart midway, two users at once. */
import { describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { allButtons, withBot } from "./harness.js";

const h = withBot();

/** Presses a button and returns the bot's next message (the next question). */
const pick = (user: FakeUser, message: FakeMessage, button: string | RegExp) => user.press(message, button);

describe("the eligibility check", () => {
  it("in English, by buttons and typing: what fits now, what nearly fits and what is missing", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const menu = await user.send("/start");
    const role = await pick(user, menu, "✅ Am I eligible?");
    expect(role.text).toBe("Let's see which programs fit you. Who are you?");
    const year = await pick(user, role, "Bachelor student");
    const scale = await pick(user, year, "3");
    const gpa = await pick(user, scale, "Out of 5");
    expect(gpa.text).toBe("Type your GPA out of 5, for example 4.2.");
    const certificate = await user.send("4,5");
    expect((await pick(user, certificate, "IELTS")).text).toBe("Your IELTS score?");
    const more = await user.send("5.0");
    expect(allButtons(more)).not.toContain("IELTS");
    const result = await pick(user, more, "No more");
    expect(result.text).toContain("Nearly — what is missing:");
    expect(result.text).toContain("Erasmus Mundus: IELTS 5.5 or TOEFL 72 is needed, you have IELTS 5");
    expect(result.text).toContain("not confirmed by the department");
    expect(allButtons(result)).toContain("📝 How to apply: Erasmus Mundus");
  });

  it.each([
    ["ru", "✅ Подхожу ли я?", "Преподаватель или профессор", "Не знаю", "Больше нет", "Почти — чего не хватает:"],
    ["uz", "✅ Men mos kelamanmi?", "O'qituvchi yoki professor", "Bilmayman", "Boshqa yo'q", "Deyarli — nima yetishmaydi:"],
  ])("in %s, a teacher gets an answer in that language", async (languageCode, start, teacher, skip, noMore, nearly) => {
    const user = h.fake.user({ languageCode });
    const menu = await user.send("/start");
    const role = await pick(user, menu, start);
    const scale = await pick(user, role, teacher);
    const certificate = await pick(user, scale, skip);
    const result = await pick(user, certificate, noMore);
    expect(result.text).toContain(nearly);
  });

  it("asks again after a GPA that is not a number or out of range, and a negative score", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const scale = await pick(user, role, "Teacher or professor");
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
    expect((await pick(user, role, "Teacher or professor")).text).toContain("What is your GPA");
  });

  it("Cancel, /cancel and /start leave the flow cleanly", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const cancelled = await pick(user, role, "✖️ Cancel");
    expect(cancelled.text).toBe("Stopped. Nothing was kept. Here is the menu.");

    const role2 = await user.send("/eligibility");
    expect((await user.send("/start")).text).toContain("Hello");
    // The flow is gone: its old buttons lead to the menu.
    const stale = await pick(user, role2, "Bachelor student");
    expect(stale.text).toContain("What would you like to know?");
  });

  it("a restart midway resumes at the same question", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const year = await pick(user, role, "Master student");
    await h.restart();
    const scale = await pick(user, year, "2");
    expect(scale.text).toBe("What is your GPA (average grade)? First, on which scale?");
  });

  it("two users in the flow at the same time never see each other's state", async () => {
    const a = h.fake.user({ languageCode: "en" });
    const b = h.fake.user({ languageCode: "ru" });
    const roleA = await a.send("/eligibility");
    const roleB = await b.send("/eligibility");
    const yearA = await pick(a, roleA, "Bachelor student");
    const scaleB = await pick(b, roleB, "Преподаватель или профессор");
    expect(yearA.text).toBe("Which year of study are you in?");
    expect(scaleB.text).toContain("средний балл");
    expect((await pick(a, yearA, "1")).text).toContain("What is your GPA");
  });
});
