/**
 * Answers to the question asked, end to end over the fake Bot API: a section
 * of the program named and its button to the full card, a section across the
 * programs, a country the department has no agreement with, a question
 * another office answers, the misreadings students met ("kontrakt" is not
 * "kontakt"), and a "not helpful" that reaches /unanswered.
 */
import { describe, expect, it } from "vitest";
import { allButtons, buttonTexts, withBot } from "./harness.js";

const OWNER = 9001;
const STAFF_CHAT = -1001234567890;

describe("answers to the question asked", () => {
  const h = withBot({ STAFF_CHAT_ID: STAFF_CHAT, ADMIN_IDS: [OWNER] });

  it("a deadline question gets the deadlines only, with the phone, and a button to the full card", async () => {
    const student = h.fake.user({ languageCode: "en" });
    const answer = await student.send("when is the deadline for erasmus");
    expect(answer.text).toBe(
      [
        "Erasmus Mundus",
        "",
        "Deadlines",
        "Deadlines are announced separately for each call — ask the department.",
        "The department has not yet published the deadlines for Erasmus Mundus.",
        "📞 Call the department: +998912090766",
      ].join("\n"),
    );
    // Nothing published: "Ask the department" this very question takes the place of a next section.
    expect(buttonTexts(answer)).toEqual([["ℹ️ More details"], ["✉️ Ask the department"], ["📄 Documents"], ["🔔 Subscribe"], ["👍 Helpful", "👎 Not helpful"]]);
    // The phone is a tappable number: Telegram links a number written without spaces.
    expect(answer.html).toContain("+998912090766");

    const card = await student.press(answer, "ℹ️ More details");
    expect(card.messageId).toBe(answer.messageId);
    expect(card.text.startsWith("Erasmus Mundus")).toBe(true);
    expect(card.text).toContain("Who may apply (to be confirmed)");
    expect(allButtons(card).length).toBeLessThanOrEqual(8);
    const documents = await student.press(card, "📄 Documents");
    expect(documents.text).toContain("Documents (to be confirmed)\n• International passport");
  });

  it("who may apply names the roles on a line of their own, starting with a capital, in each language", async () => {
    for (const [languageCode, question, roles] of [
      ["en", "who can apply for erasmus", "Bachelor students, master's students"],
      ["ru", "кто может участвовать в эразмус", "Студенты бакалавриата"],
    ] as const) {
      const answer = await h.fake.user({ languageCode }).send(question);
      expect(answer.text.split("\n")[3]).toMatch(new RegExp(`^${roles}`));
    }
  });

  it("a cost question in Russian says plainly that the cost is not published, with the phone, in at most 600 characters and 6 buttons", async () => {
    const student = h.fake.user({ languageCode: "ru" });
    const answer = await student.send("сколько стоит стажировка в Китае");
    expect(answer.text).toContain("Стоимость и финансирование\nПо программе «Стажировка в вузах Китая» отдел пока не сообщил стоимость.\n📞 Телефон отдела: +998912090766");
    expect(answer.text.length).toBeLessThanOrEqual(600);
    expect(allButtons(answer).length).toBeLessThanOrEqual(6);
  });

  it("documents for an internship in China are the internship's, not the China card", async () => {
    const student = h.fake.user({ languageCode: "ru" });
    const answer = await student.send("какие документы нужны для стажировки в Китае");
    expect(answer.text.startsWith("Стажировка в вузах Китая\n\nДокументы")).toBe(true);
    expect(answer.text).toContain("• Заграничный паспорт");
  });

  it("Uzbek Cyrillic gets the section in Cyrillic", async () => {
    // No Telegram language: the bot answers in the language and script the question is written in.
    const student = h.fake.user({ languageCode: null });
    const answer = await student.send("эразмус учун қандай ҳужжатлар керак");
    expect(answer.text).toMatch(/^Erasmus Mundus\n\nҲужжатлар \(аниқлаштирилиши керак\)\n• Хорижга чиқиш паспорти/);
  });

  it("a section with no program named answers across the programs, each a tap away", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    const answer = await student.send("qaysi dasturlarga IELTS kerak?");
    expect(answer.text.split("\n")[0]).toBe("Til sertifikatlari: dasturlar bo'yicha (aniqlashtirilishi kerak)");
    expect(answer.text).toContain("• Erasmus Mundus, ITEC: IELTS 5,5, TOEFL 72");
    expect(answer.text).toContain("• BMT Taraqqiyot dasturi: hali e'lon qilinmagan");
    expect(answer.text).toContain("+998912090766");
    const section = await student.press(answer, "Xitoy oliy ta'lim muassasalarida stajirovka");
    expect(section.messageId).toBe(answer.messageId);
    expect(section.text.startsWith("Xitoy oliy ta'lim muassasalarida stajirovka\n\nTil sertifikatlari (aniqlashtirilishi kerak)\nTil sertifikati (istalgan biri): HSK 4-daraja")).toBe(true);
  });

  it("'pasport kerakmi' names the programs that list a passport", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    const answer = await student.send("pasport kerakmi");
    expect(answer.text).toContain("Erasmus Mundus, ITEC: Xorijga chiqish pasporti");
    expect(answer.text).toContain("• BMT Taraqqiyot dasturi: Pasport");
  });

  it("a country that is not a partner is named as such, with the partners, not answered with China", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    const answer = await student.send("Yaponiyada o'qish uchun grant bormi?");
    expect(answer.text).toBe(
      "Yaponiya bo'limning hamkor davlatlari qatorida yo'q.\n\nHamkor davlatlar: Ozarbayjon, Belarus, Xitoy, Fransiya, Hindiston, Qozog'iston, Rossiya, Janubiy Koreya, Turkiya, Buyuk Britaniya (Angliya) va bir qator boshqa davlatlar.",
    );
    const countries = await student.press(answer, "🌍 Hamkor davlatlar");
    expect(allButtons(countries)).toContain("Xitoy");
    const english = h.fake.user({ languageCode: "en" });
    expect((await english.send("Japan scholarship")).text).toMatch(/^Japan is not among the department's partner countries\./);
  });

  it("a question for another office gets a short pointer, not the contact card: 'kontrakt' is not 'kontakt'", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    const contract = await student.send("kontrakt to'lovi qancha");
    expect(contract.text.split("\n")[0]).toBe("Bu savol boshqa bo'limga tegishli");
    expect(contract.text).toContain("Kontrakt (o'qish uchun to'lov) masalalari bilan Xalqaro hamkorlik bo'limi shug'ullanmaydi.");
    const russian = h.fake.user({ languageCode: "ru" });
    expect((await russian.send("оплата контракта")).text).toContain("Оплатой контракта (за обучение) отдел международного сотрудничества не занимается.");
  });

  it("'grant bormi' answers across the programs, naming them, instead of the China internship", async () => {
    const student = h.fake.user({ languageCode: "uz" });
    const answer = await student.send("grant bormi");
    expect(answer.text.split("\n")[0]).toBe("Narxi va moliyalashtirish: dasturlar bo'yicha");
    expect(answer.text).toContain("Bo'lim buni hali hech bir dastur bo'yicha e'lon qilmagan.");
    expect(answer.text).toContain("Erasmus Mundus");
    // Not KOICA, which no one applies to: "not published yet" would promise a cost.
    expect(answer.text).not.toContain("KOICA");
    expect(answer.text).toContain("📞 Bo'lim telefoni: +998912090766");
  });

  it("a section not published reaches /unanswered once, also after a 'not helpful', and offers to ask the department", async () => {
    const student = h.fake.user({ languageCode: "en" });
    const answer = await student.send("how much does erasmus cost");
    expect(answer.text).toContain("The department has not yet published the cost of Erasmus Mundus");
    expect(allButtons(answer)).toContain("✉️ Ask the department");
    await student.press(answer, "👎 Not helpful");
    const sorry = await student.nextMessage();
    expect(allButtons(sorry)).toContain("✉️ Ask the department");
    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    const list = await staff.send("/unanswered");
    expect(list.text).toContain("1. how much does erasmus cost — 1×");
  });

  it("a 'not helpful' on an answer that was found reaches /unanswered", async () => {
    const student = h.fake.user({ languageCode: "en" });
    const answer = await student.send("what documents for erasmus");
    expect(answer.text).toContain("• International passport");
    expect(allButtons(answer)).not.toContain("✉️ Ask the department");
    await student.press(answer, "👎 Not helpful");
    const sorry = await student.nextMessage();
    expect(allButtons(sorry)).toContain("✉️ Ask the department");
    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    expect((await staff.send("/unanswered")).text).toContain("what documents for erasmus — 1×");
  });
});
