/** The bot learns: /unanswered groups what search could not answer, and one tap teaches it the entry. */
import { describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { allButtons, eventually, withBot } from "./harness.js";

const OWNER = 9001;
const NOT_FOUND = "Bu savolga ishonchli javob topa olmadim";
const EXCHANGE = "Almashinuv dasturlari va xorijda stajirovka";

/** Presses "Next ▶️" until the entry's button shows, then presses it. */
async function pickEntry(staff: FakeUser, picker: FakeMessage, title: RegExp): Promise<FakeMessage> {
  for (let page = picker; ; page = await staff.press(page, "Next ▶️")) {
    if (allButtons(page).some((b) => title.test(b))) return staff.press(page, title);
    if (!allButtons(page).includes("Next ▶️")) throw new Error(`no button ${title} on any page`);
  }
}

describe("/unanswered", () => {
  const h = withBot({ ADMIN_IDS: [OWNER] });

  it("an alias added from /unanswered makes the same query answer correctly, also after a restart", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    const other = h.fake.user({ languageCode: "uz" });
    expect((await student.send("yozgi maktab")).text).toContain(NOT_FOUND);
    expect((await other.send("Maktab yozgi?")).text).toContain(NOT_FOUND);
    expect((await other.send("yozgi maktablar")).text).toContain(NOT_FOUND);
    expect((await student.send("yozgi mactab")).text).toContain(NOT_FOUND);
    expect((await student.send("ertaga ob-havo qanday")).text).toContain(NOT_FOUND);
    // Small talk, commands, and questions another office answers (the dormitory: a pointer to it) are not questions search missed.
    expect((await student.send("yotoqxonada joy bormi")).text.split("\n")[0]).toBe("Bu savol boshqa bo'limga tegishli");
    await student.send("rahmat");
    await student.send("/help");

    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const list = await staff.send("/unanswered");
    expect(list.text).toBe(
      [
        "Questions the bot could not answer (5 in all), most asked first. Tap one to tell the bot which entry answers it.",
        "1. yozgi maktablar — 4× (2 wordings)",
        "2. ertaga ob-havo qanday — 1×",
      ].join("\n"),
    );
    expect(allButtons(list)).toEqual(["1. yozgi maktablar (4)", "2. ertaga ob-havo qanday (1)", "🏠 Menu"]);

    const picker = await staff.press(list, "1. yozgi maktablar (4)");
    expect(picker.text).toContain("yozgi maktablar — asked 4×.\n\nAlso written as: yozgi mactab\n\nWhich entry should answer it?");
    const learned = await pickEntry(staff, picker, /^(⭐ )?Exchange programs and training abroad$/);
    expect(learned.text).toBe(
      [
        "✅ Learned: yozgi maktablar now leads to Exchange programs and training abroad.",
        "New aliases: yozgi maktablar (uz), yozgi mactab (uz)",
        "Questions resolved: 4. The search uses it from now on; npm run kb:export-aliases writes it into the knowledge files.",
      ].join("\n"),
    );

    expect((await student.send("yozgi maktab")).text.startsWith(EXCHANGE)).toBe(true);
    expect((await staff.send("/unanswered")).text).toContain("1. ertaga ob-havo qanday — 1×");
    expect((await staff.send("/unanswered")).text).not.toContain("yozgi");

    await h.restart();
    expect((await other.send("Maktab yozgi")).text.startsWith(EXCHANGE)).toBe(true);
  });

  it("learns only the wordings the picker showed, never one a student sent after it opened", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    for (const query of ["yozgi maktab", "yozgi maktablar"]) expect((await student.send(query)).text).toContain(NOT_FOUND);
    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const picker = await staff.press(await staff.send("/unanswered"), "1. yozgi maktablar (2)");
    expect(picker.text).toContain("yozgi maktablar — asked 2×.\n\nWhich entry should answer it?");

    // Meanwhile, wordings that group with it: a new latest wording of its most asked form, and a form of its own.
    const other = h.fake.user({ languageCode: "uz" });
    for (const query of ["yozgi maktabb va ham yana", "yozgi naktab"]) expect((await other.send(query)).text).toContain(NOT_FOUND);
    expect((await staff.send("/unanswered")).text).toContain("1. yozgi maktabb va ham yana — 4× (2 wordings)");

    const learned = await pickEntry(staff, picker, /^(⭐ )?British Council$/);
    expect(learned.text).toContain("New aliases: yozgi maktablar (uz)\n");
    expect(h.app.store.learning.aliases()).toEqual([{ entryId: "british-council", lang: "uz", alias: "yozgi maktablar" }]);
    // The new form was not attached: it still finds nothing, and waits in the list.
    expect((await other.send("yozgi naktab")).text).toContain(NOT_FOUND);
    expect((await staff.send("/unanswered")).text).toContain("1. yozgi naktab — 2×");
  });

  it("a dismissed question leaves the list without teaching the bot anything", async () => {
    const student = h.fake.user({ languageCode: "en" });
    await student.send("asdf qwerty");
    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const picker = await staff.press(await staff.send("/unanswered"), /^1\. asdf qwerty/);
    expect((await staff.press(picker, "🗑 Not for the bot")).text).toBe("🗑 Dismissed: asdf qwerty (1 question).");
    expect((await staff.send("/unanswered")).text).toBe("Nothing to review: search has answered every question since the last review.");
    // An old button of the same group now says it is done.
    expect((await staff.press(picker, "⬅️ Back to the list")).text).toContain("Nothing to review");
  });

  it("shows what students typed as they typed it, markup and all: in the list, the picker, and what was learned or dismissed", async () => {
    // Read as Telegram HTML, "&" and "<weather>" would make Telegram refuse the message, "<b>x</b>" would turn bold and "&amp;" would read "&".
    // Questions the bot has no answer to ("price" or "fees" would now get the programs' cost).
    const typed = '<weather> & "tomorrow" <b>x</b>';
    const misspelt = '<wether> & "tomorrow" <b>x</b>';
    const other = '"sunny" &amp; <u>rain</u> <3';
    const student = h.fake.user({ languageCode: "en" });
    for (const query of [typed, typed, misspelt, other]) expect((await student.send(query)).text).toContain("I could not find a confident answer");

    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const list = await staff.send("/unanswered");
    expect(list.text).toContain(`\n1. ${typed} — 3× (2 wordings)\n2. ${other} — 1×`);
    const picker = await staff.press(list, /^1\. /);
    expect(picker.text).toContain(`${typed} — asked 3×.\n\nAlso written as: ${misspelt}\n\n`);
    const learned = await pickEntry(staff, picker, /^(⭐ )?Erasmus Mundus$/);
    // An alias is the wording without punctuation or symbols around it.
    expect(learned.text).toContain(`✅ Learned: ${typed} now leads to Erasmus Mundus.\nNew aliases: weather> & "tomorrow" <b>x</b (en), wether> & "tomorrow" <b>x</b (en)\n`);

    const dismissed = await staff.press(await staff.press(await staff.send("/unanswered"), /^1\. /), "🗑 Not for the bot");
    expect(dismissed.text).toBe(`🗑 Dismissed: ${other} (1 question).`);
  });

  it("is refused to students: the command, /questions, and a forged staff button", async () => {
    const student = h.fake.user({ languageCode: "en" });
    const notFound = await student.send("summer school");
    expect((await student.send("/unanswered")).text).toBe("This is for the department's staff only.");
    expect((await student.send("/questions")).text).toBe("This is for the department's staff only.");

    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const picker = await staff.press(await staff.send("/unanswered"), /^1\. summer school/);
    const learn = picker.buttons.flat().find((b) => b.text.startsWith("⭐") || b.callbackData?.startsWith("s/ua:"))!;
    const query = student.pressData(notFound, learn.callbackData!);
    expect(await eventually(() => h.fake.callbackAnswer(query))).toMatchObject({ text: "This is for the department's staff only.", showAlert: true });
    expect((await student.send("summer school")).text).toContain("I could not find a confident answer");
  });
});
