/** "How do I apply?": steps one at a time, a checklist remembered per user, deadlines and whom to submit to. */
import { describe, expect, it } from "vitest";
import { allButtons, eventually, withBot } from "./harness.js";

const h = withBot();

describe("how to apply", () => {
  it("walks through Erasmus Mundus: steps with Next and Back, the checklist, then where to submit", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const chooser = await user.send("/apply");
    expect(chooser.text).toContain("Choose a program:");
    const step1 = await user.press(chooser, "Erasmus Mundus");
    expect(step1.text).toContain("Step 1 of 3");
    expect(step1.text).toContain("Contact the Department of International Cooperation and ask about open calls.");
    expect(step1.text).toContain("Please confirm them with the Department");
    const step2 = await user.press(step1, "Next ➡️");
    expect(step2.text).toContain("Step 2 of 3");
    expect((await user.press(step2, "⬅️ Back")).text).toContain("Step 1 of 3");
    const step3 = await user.press(await user.press(step1, "Next ➡️"), "Next ➡️");
    const documents = await user.press(step3, "Next ➡️");
    expect(documents.text).toContain("Documents: 0 of 4 ready");
    const ticked = await user.press(documents, "⬜ International passport");
    expect(ticked.text).toContain("Documents: 1 of 4 ready");
    expect(allButtons(ticked)).toContain("☑️ International passport");
    const end = await user.press(ticked, "Next ➡️");
    expect(end.text).toContain("Deadlines are announced separately for each call");
    expect(end.text).toContain("Where to submit");
    expect(end.text).toContain("+998912090766");
    expect(allButtons(end)).toEqual(expect.arrayContaining(["📞 Contacts", "🏠 Menu"]));
    expect(user.messages()).toHaveLength(1); // one message, edited page by page
  });

  it("remembers the ticked documents per user, across a restart", async () => {
    const dilnoza = h.fake.user({ languageCode: "uz" });
    const chooser = await dilnoza.send("/apply");
    let page = await dilnoza.press(chooser, "Xitoy oliy ta'lim muassasalarida stajirovka");
    while (!page.text.includes("Hujjatlar:")) page = await dilnoza.press(page, "Keyingi ➡️");
    const first = page.buttons.flat().find((b) => b.text.startsWith("⬜"))!.text;
    await dilnoza.press(page, first);

    await h.restart();
    const again = await dilnoza.press(await dilnoza.send("/apply"), "Xitoy oliy ta'lim muassasalarida stajirovka");
    let docs = again;
    while (!docs.text.includes("Hujjatlar:")) docs = await dilnoza.press(docs, "Keyingi ➡️");
    expect(allButtons(docs)).toContain(first.replace("⬜", "☑️"));

    // Another user's checklist is their own.
    const aziz = h.fake.user({ languageCode: "uz" });
    let other = await aziz.press(await aziz.send("/apply"), "Xitoy oliy ta'lim muassasalarida stajirovka");
    while (!other.text.includes("Hujjatlar:")) other = await aziz.press(other, "Keyingi ➡️");
    expect(allButtons(other)).toContain(first);
  });

  it("in Russian, from the program card", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const card = await user.send("стажировка в китае");
    const step = await user.press(card, "📝 Как подать заявку");
    expect(step.text).toContain("Как подать заявку: Стажировка в вузах Китая");
    expect(step.text).toContain("Шаг 1 из 3");
  });

  it("KOICA, which brings foreign teachers to JSPU, is not among the programs to apply to; its page sent before says to ask the department", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const chooser = await user.send("/apply");
    expect(allButtons(chooser).some((b) => b.includes("KOICA"))).toBe(false);
    // "How to apply" on a KOICA card sent before.
    const query = user.pressData(chooser, "ap:koica:0");
    await eventually(() => h.fake.callbackAnswer(query));
    const step = user.messages().find((m) => m.messageId === chooser.messageId)!;
    expect(step.text).toContain("Ask the Department of International Cooperation about its work with KOICA and how you could take part.");
    expect(step.text).not.toContain("Documents:");
  });
});

describe.each([
  { lang: "en", next: "Next ➡️", end: "Where to submit" },
  { lang: "ru", next: "Далее ➡️", end: "Куда подавать" },
  { lang: "uz", next: "Keyingi ➡️", end: "Qayerga topshiriladi" },
])("how to apply, in $lang", ({ lang, next, end }) => {
  it("goes from the first step to where to submit, also across a restart midway", async () => {
    const user = h.fake.user({ languageCode: lang });
    const chooser = await user.send("/apply");
    let page = await user.press(chooser, chooser.buttons[1]![0]!.text); // the second program
    page = await user.press(page, next);
    await h.restart();
    // The same page's buttons go on after the restart.
    while (page.buttons.flat().some((b) => b.text === next)) page = await user.press(page, next);
    expect(page.text).toContain(end);
  });
});
