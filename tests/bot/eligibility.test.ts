/**
 * "Am I eligible?" end to end: buttons and typing, bad answers, cancelling, a
 * restart midway, two users at once; the department's text (candidates of
 * science, KOICA, a master's year), answers typed as people type them, and a
 * question asked midway.
 */
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
    expect(role.text).toBe("Let's see which programs fit you. Which of these describes you?");
    const year = await pick(user, role, "Bachelor's student");
    const field = await pick(user, year, "3");
    expect(field.text).toContain("What is your field of study or faculty?");
    const scale = await user.send("English philology");
    const gpa = await pick(user, scale, "Out of 5");
    expect(gpa.text).toBe("Type your GPA out of 5, for example 4.2.");
    const certificate = await user.send("4,5");
    expect(allButtons(certificate)).toContain("I don't have one");
    expect((await pick(user, certificate, "IELTS")).text).toBe("What is your IELTS score?");
    const more = await user.send("5.0");
    expect(more.text).toBe('Any other language certificate? Choose it, or "No more".');
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
    ["ru", "✅ Подхожу ли я?", "Преподаватель или профессор", "Пропустить", "Не знаю", "Нет сертификата", "Любая страна", "Почти — чего не хватает:"],
    ["uz", "✅ Men mos kelamanmi?", "O'qituvchi yoki professor", "O'tkazib yuborish", "Bilmayman", "Sertifikatim yo'q", "Istalgan davlat", "Deyarli — nima yetishmaydi:"],
  ])("in %s, a teacher gets an answer in that language, by buttons and typing", async (languageCode, start, teacher, _skipField, skipGpa, noCertificate, anyCountry, nearly) => {
    const user = h.fake.user({ languageCode });
    const menu = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    const role = await pick(user, menu, start);
    await pick(user, role, teacher);
    // A teacher's GPA counts for no program: the certificate is asked next.
    const certificate = await user.send(languageCode === "ru" ? "Математика" : "Matematika");
    expect(allButtons(certificate)).not.toContain(skipGpa);
    const interest = await pick(user, certificate, noCertificate);
    const result = await pick(user, interest, anyCountry);
    expect(result.text).toContain(nearly);
  });

  it("from a program's card, that program comes first in the answer, and no country is asked", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const card = await user.send("erasmus");
    const role = await pick(user, card, "✅ Am I eligible?");
    const field = await pick(user, role, "Teacher or professor");
    const certificate = await pick(user, field, "Skip");
    const result = await pick(user, certificate, "I don't have one");
    const lines = result.text.split("\n");
    // A teacher without certificates: Erasmus Mundus needs one, and leads the "nearly" list.
    expect(lines[lines.indexOf("Nearly — what is missing:") + 1]).toMatch(/^• Erasmus Mundus/);
  });

  it("says so when the program asked about from its card is closed to the student", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const card = await user.send("british council");
    const year = await pick(user, await pick(user, card, "✅ Am I eligible?"), "Bachelor's student");
    const scale = await pick(user, await pick(user, year, "2"), "Skip");
    const result = await pick(user, await pick(user, scale, "I don't know"), "I don't have one");
    expect(result.text).toMatch(/^British Council is not open to you now: only teachers and professors may take part\./);
  });

  it("Back returns to the previous question, and the answers go on from there", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const year = await pick(user, role, "Bachelor's student");
    const roleAgain = await pick(user, year, "⬅️ Back");
    expect(roleAgain.text).toBe("Let's see which programs fit you. Which of these describes you?");
    const field = await pick(user, roleAgain, "Teacher or professor");
    expect(field.text).toContain("What is your field of study or faculty?"); // a teacher is not asked the year
  });

  it("offers buttons again after two answers it cannot read", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const field = await pick(user, await user.send("/eligibility"), "Master's student");
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
    const field = await pick(user, role, "Master's student");
    const scale = await pick(user, field, "Skip");
    await pick(user, scale, "Out of 5");
    expect((await user.send("very good")).text).toBe("I could not read that as a GPA. Type it out of 5, for example 4.2.");
    expect((await user.send("7")).text).toBe("A GPA out of 5 is between 0 and 5. Please type it again.");
    const certificate = await user.send("4.8");
    await pick(user, certificate, "IELTS");
    expect((await user.send("-2")).text).toBe("IELTS scores go from 0 to 9. Please type your score again.");
    expect((await user.send("7")).text).toContain("Any other language certificate?");
  });

  it("a sticker midway gets a 'please answer' and the flow goes on", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    expect((await user.sendSticker()).text).toBe("Please answer with the buttons above, or Cancel.");
    expect((await pick(user, role, "Teacher or professor")).text).toContain("What is your field of study");
  });

  it("Cancel, /cancel, /start and a menu button leave the flow cleanly", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const cancelled = await pick(user, role, "✖️ Cancel");
    expect(cancelled.text).toBe("Questionnaire stopped; your answers were not saved. Here is the menu.");
    await user.send("/eligibility");
    expect((await user.send("/cancel")).text).toBe("Questionnaire stopped; your answers were not saved. Here is the menu.");
    const role3 = await user.send("/eligibility");
    const menu = await user.send("/menu");
    expect((await pick(user, menu, "🎓 Programs")).text).toContain("International programs");
    expect((await pick(user, role3, "Bachelor's student")).text).toContain("What would you like to know?");

    const role2 = await user.send("/eligibility");
    expect((await user.send("/start")).text).toContain("Hello");
    await user.nextMessage(); // the once-only question about announcements
    // The flow is gone: its old buttons lead to the menu.
    const stale = await pick(user, role2, "Bachelor's student");
    expect(stale.text).toContain("What would you like to know?");
  });

  it("a restart midway resumes at the same question", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const year = await pick(user, role, "Bachelor's student");
    await h.restart();
    const field = await pick(user, year, "2");
    expect(field.text).toContain("What is your field of study or faculty?");
    expect((await user.send("Mathematics")).text).toBe("What is your GPA (average grade)? Choose the scale, or just type it, for example 4.2 or 85.");
  });

  it("two users in the flow at the same time never see each other's state", async () => {
    const a = h.fake.user({ languageCode: "en" });
    const b = h.fake.user({ languageCode: "ru" });
    const roleA = await a.send("/eligibility");
    const roleB = await b.send("/eligibility");
    const yearA = await pick(a, roleA, "Bachelor's student");
    const fieldB = await pick(b, roleB, "Преподаватель или профессор");
    expect(yearA.text).toBe("Which year of study are you in?");
    expect(fieldB.text).toContain("Ваше направление или факультет?");
    expect((await pick(a, yearA, "1")).text).toContain("What is your field of study");
  });
});

type Mode = "uz" | "uz-cyrl" | "ru" | "en";

/** A student reading the bot in a mode: their Telegram's language, or Uzbek in Cyrillic script chosen at /start. */
async function studentIn(mode: Mode): Promise<FakeUser> {
  if (mode !== "uz-cyrl") return h.fake.user({ languageCode: mode });
  const user = h.fake.user({ languageCode: "de" });
  await user.press(await user.send("/start"), "🇺🇿 Ўзбекча");
  await user.nextMessage(); // the once-only question about announcements
  return user;
}

/** What the student reads in each mode: buttons, headings and lines of the answer. */
const WORDS = {
  en: {
    more: "ℹ️ More details",
    certificate: "Do you have a language certificate?",
    candidate: "Teacher, candidate of science", master: "Master's student", skip: "Skip", noGpa: "I don't know", noMore: "No more", china: "China", any: "Any country",
    qualify: "You qualify now for:", nearly: "Nearly — what is missing:", chinaTitle: "Internships at Chinese universities", erasmus: "Erasmus Mundus", confirm: "(to be confirmed)",
    field: "What is your field of study or faculty?", continue: "▶️ Continue the questionnaire", useButtons: "Please answer with the buttons above, or Cancel.",
  },
  ru: {
    more: "ℹ️ Подробнее",
    certificate: "Есть ли у вас языковой сертификат?",
    candidate: "Преподаватель, кандидат наук", master: "Магистрант", skip: "Пропустить", noGpa: "Не знаю", noMore: "Больше нет", china: "Китай", any: "Любая страна",
    qualify: "Вам подходят уже сейчас:", nearly: "Почти — чего не хватает:", chinaTitle: "Стажировка в вузах Китая", erasmus: "Erasmus Mundus (Эразмус Мундус)", confirm: "(нужно уточнить)",
    field: "Ваше направление или факультет?", continue: "▶️ Продолжить анкету", useButtons: "Пожалуйста, ответьте кнопками выше или нажмите «Отмена».",
  },
  uz: {
    more: "ℹ️ Batafsil",
    certificate: "Til sertifikatingiz bormi?",
    candidate: "O'qituvchi, fan nomzodi", master: "Magistrant", skip: "O'tkazib yuborish", noGpa: "Bilmayman", noMore: "Boshqa yo'q", china: "Xitoy", any: "Istalgan davlat",
    qualify: "Hozir mos kelasiz:", nearly: "Deyarli — nima yetishmaydi:", chinaTitle: "Xitoy oliy ta'lim muassasalarida stajirovka", erasmus: "Erasmus Mundus", confirm: "(aniqlashtirilishi kerak)",
    field: "Yo'nalishingiz yoki fakultetingiz qanday?", continue: "▶️ So'rovnomani davom ettirish", useButtons: "Iltimos, yuqoridagi tugmalar bilan javob bering yoki «Bekor qilish»ni bosing.",
  },
  "uz-cyrl": {
    more: "ℹ️ Батафсил",
    certificate: "Тил сертификатингиз борми?",
    candidate: "Ўқитувчи, фан номзоди", master: "Магистрант", skip: "Ўтказиб юбориш", noGpa: "Билмайман", noMore: "Бошқа йўқ", china: "Хитой", any: "Исталган давлат",
    qualify: "Ҳозир мос келасиз:", nearly: "Деярли — нима етишмайди:", chinaTitle: "Хитой олий таълим муассасаларида стажировка", erasmus: "Erasmus Mundus", confirm: "(аниқлаштирилиши керак)",
    field: "Йўналишингиз ёки факультетингиз қандай?", continue: "▶️ Сўровномани давом эттириш", useButtons: "Илтимос, юқоридаги тугмалар билан жавоб беринг ёки «Бекор қилиш»ни босинг.",
  },
} as const;

/** The lines of a list in the answer, under its heading, up to the next block. */
const listUnder = (text: string, heading: string) => {
  const blocks = text.split("\n\n").map((block) => block.split("\n"));
  return blocks.find((lines) => lines[0] === heading)?.slice(1) ?? [];
};

describe.each(["uz", "uz-cyrl", "ru", "en"] as const)("the department's text, in %s", (mode) => {
  const w = WORDS[mode];

  it("a teacher who is a candidate of science may go on the China internships; KOICA is no program to qualify for", async () => {
    const user = await studentIn(mode);
    const field = await pick(user, await user.send("/eligibility"), w.candidate);
    expect(field.text).toContain(w.field); // no year: a teacher has none
    // Nor a GPA, which counts for students only: the certificate is asked next.
    const certificate = await pick(user, field, w.skip);
    expect(certificate.text).toContain(w.certificate);
    // The certificate and its level typed at once.
    const another = await user.send("HSK 4");
    const interest = await pick(user, another, w.noMore);
    const result = await pick(user, interest, w.china);
    expect(listUnder(result.text, w.qualify)[0]).toBe(`• ${w.chinaTitle} ${w.confirm}`);
    expect(result.text).not.toContain("KOICA");
    void certificate;
  });

  it("a first-year master's student is not asked the year nor refused Erasmus Mundus for it; a GPA typed before its scale counts", async () => {
    const user = await studentIn(mode);
    const field = await pick(user, await user.send("/eligibility"), w.master);
    expect(field.text).toContain(w.field);
    const scale = await pick(user, field, w.skip);
    const typed = { en: "4,3", ru: "85 баллов", uz: "75 ball", "uz-cyrl": "3,5" }[mode];
    const certificate = await user.send(typed);
    const noted = {
      en: "Got it: GPA 4.3 out of 5.",
      ru: "Принято: средний балл 85 из 100.",
      uz: "Yozib oldim: o'rtacha ball 75 (100 ballik tizimda).",
      "uz-cyrl": "Ёзиб олдим: ўртача балл 3,5 (5 баллик тизимда).",
    }[mode];
    expect(certificate.text.split("\n\n")[0]).toBe(noted); // and no GPA question follows: the certificate is asked
    const result = await pick(user, await pick(user, await user.send("IELTS 6.5"), w.noMore), w.any);
    const erasmus = `• ${w.erasmus} ${w.confirm}`;
    // 4.3 of 5 and 85 of 100 reach Erasmus's 4.0 of 5; 75 of 100 and 3.5 of 5 do not, and the answer says what they have (and nothing of a year).
    if (mode === "en" || mode === "ru") expect(listUnder(result.text, w.qualify)).toContain(erasmus);
    else expect(listUnder(result.text, w.nearly)).toContain(`${erasmus}: ${{ uz: "o'rtacha ball 4/5 kerak, sizda 75/100", "uz-cyrl": "ўртача балл 4/5 керак, сизда 3.5/5" }[mode]}`);
    void scale;
  });

  it("a question typed midway is answered as the chat answers it, and Continue asks the same question again", async () => {
    const question = {
      en: "what documents do I need for erasmus?",
      ru: "какие документы нужны для эразмуса?",
      uz: "telefon raqami kerak",
      "uz-cyrl": "эразмус учун қандай ҳужжатлар керак",
    }[mode];
    // The chat's own answer, to a student outside the flow.
    const chat = await (await studentIn(mode)).send(question);
    const user = await studentIn(mode);
    const role = await user.send("/eligibility");
    const aside = await user.send(question);
    expect(aside.text).toBe(chat.text);
    // Only what keeps the flow: back to the question, and the full card as a new message.
    expect(allButtons(aside)).toEqual([w.continue, w.more]);
    // A lone odd word is no question: the buttons, please.
    expect((await user.send("qwerty")).text).toBe(w.useButtons);
    const card = await pick(user, aside, w.more);
    expect(card.messageId).not.toBe(aside.messageId);
    expect(allButtons(card)).toEqual([w.continue]);
    expect(user.messages().find((m) => m.messageId === aside.messageId)).toMatchObject({ edits: 0, text: aside.text });
    const again = await pick(user, aside, w.continue);
    expect(again.text).toBe(role.text);
    expect(again.buttons).toEqual(role.buttons);
    expect((await pick(user, again, w.candidate)).text).toContain(w.field);
  });
});

describe("the department's text, the rest", () => {
  it("a teacher without the degree is not among those the China agreement names", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const field = await pick(user, await user.send("/eligibility"), "Teacher or professor");
    const certificate = await pick(user, field, "Skip");
    const result = await pick(user, await pick(user, await user.send("HSK 5"), "No more"), "China");
    expect(result.text.split("\n")[0]).toBe(
      "Internships at Chinese universities is not open to you now: only bachelor students, master's students, doctoral students, candidates of science, young specialists may take part.",
    );
    void certificate;
  });

  it("KOICA's card says what KOICA does at JSPU and whom to ask: nothing to apply to, nothing to qualify for", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const card = await user.send("koica");
    expect(card.text).toContain("Taking part\nThrough KOICA, foreign teachers and specialists are brought into teaching at JSPU.");
    expect(card.text).not.toContain("Who may apply");
    // Its news may be followed; it publishes no documents, steps or dates, and no one is assessed for it.
    expect(allButtons(card).filter((b) => !/^[👍👎]/u.test(b))).toEqual(["📞 Contacts", "🔔 Subscribe", "🌍 South Korea", "⬅️ Programs"]);
    // "Am I eligible?" on a card sent before asks nothing: what KOICA does and whom to ask, at once.
    const query = user.pressData(card, "elg:koica");
    const answer = await user.nextMessage();
    await eventually(() => h.fake.callbackAnswer(query));
    expect(answer.text).toBe(
      "KOICA — Korea International Cooperation Agency\n\nThrough KOICA, foreign teachers and specialists are brought into teaching at JSPU. Ask the Department of International Cooperation how you could take part.",
    );
    expect(allButtons(answer)).toEqual(["📞 Contacts", "🏠 Menu"]);
    // No flow was started: a typed word is a question for the chat, not an answer to a flow.
    expect((await user.send("erasmus")).text.startsWith("Erasmus Mundus")).toBe(true);
  });

  it.each([
    ["uz", "KOICA hujjatlar", "KOICA — Koreya xalqaro hamkorlik agentligi\n\nIshtirok\nKOICA orqali JDPUning o'quv jarayoniga xorijiy o'qituvchi va mutaxassislar jalb qilinadi. Bunda qanday ishtirok etishingiz mumkinligini Xalqaro hamkorlik bo'limidan so'rang.\n📞 Bo'lim telefoni: +998912090766"],
    ["ru", "как подать заявку в KOICA", "KOICA — Корейское агентство международного сотрудничества\n\nУчастие\nЧерез KOICA к учебному процессу ДГПУ привлекаются иностранные преподаватели и специалисты. Как вы можете в этом участвовать, узнайте в отделе международного сотрудничества.\n📞 Телефон отдела: +998912090766"],
    ["en", "koica documents", "KOICA — Korea International Cooperation Agency\n\nTaking part\nThrough KOICA, foreign teachers and specialists are brought into teaching at JSPU. Ask the Department of International Cooperation how you could take part.\n📞 Call the department: +998912090766"],
  ])("in %s, %j is answered with what KOICA does and the department's phone, not 'not published yet'", async (languageCode, question, expected) => {
    const user = h.fake.user({ languageCode });
    const answer = await user.send(question);
    expect(answer.text).toBe(expected);
    expect(allButtons(answer).filter((b) => /^[📄📝📅✅]/u.test(b))).toEqual([]);
  });

  it("a teacher interested in South Korea is told what KOICA does, never that they qualify for it", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const field = await pick(user, await user.send("/eligibility"), "Преподаватель или профессор");
    const certificate = await pick(user, field, "Пропустить");
    const result = await pick(user, await pick(user, certificate, "Нет сертификата"), "Южная Корея");
    expect(result.text.split("\n\n")[0]).toBe(
      "ℹ️ Через KOICA к учебному процессу ДГПУ привлекаются иностранные преподаватели и специалисты. Как вы можете в этом участвовать, узнайте в отделе международного сотрудничества.",
    );
    expect(result.text.match(/KOICA/g)).toHaveLength(1); // that line only
    expect(allButtons(result).some((b) => b.includes("KOICA"))).toBe(false);
  });

  it("a question typed where a free answer is expected is answered, not taken for the answer", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const field = await pick(user, await user.send("/eligibility"), "Teacher or professor");
    const aside = await user.send("what documents do I need for erasmus?");
    expect(aside.text).toContain("Documents (to be confirmed)");
    const again = await pick(user, aside, "▶️ Continue the questionnaire");
    expect(again.text).toBe(field.text);
    expect((await user.send("English philology")).text).toContain("Do you have a language certificate?"); // a teacher is not asked the GPA
  });

  it("'More details' under an answer given midway opens the card as a new message and keeps the flow: the GPA typed next counts", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const scale = await pick(user, await pick(user, await user.send("/eligibility"), "Master's student"), "Skip");
    expect(scale.text).toContain("What is your GPA");
    const aside = await user.send("what documents do I need for erasmus?");
    const card = await pick(user, aside, "ℹ️ More details");
    expect(card.text).toMatch(/^Erasmus Mundus\n/);
    expect(card.messageId).not.toBe(aside.messageId);
    // The answer keeps its Continue, and the flow its question: "4,3" is the GPA, not a question for the chat.
    expect(allButtons(user.messages().find((m) => m.messageId === aside.messageId)!)).toContain("▶️ Continue the questionnaire");
    expect((await user.send("4,3")).text.split("\n\n")[0]).toBe("Got it: GPA 4.3 out of 5.");
  });

  it("a question typed midway whose answer is a card gets the card's text and Continue only", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const aside = await user.send("what is koica?");
    expect(aside.text).toMatch(/^KOICA — Korea International Cooperation Agency\n/);
    expect(allButtons(aside)).toEqual(["▶️ Continue the questionnaire"]);
    expect((await pick(user, aside, "▶️ Continue the questionnaire")).text).toBe(role.text);
  });

  it("'how do I apply?' typed midway names the programs and asks to name one, as their buttons would leave the questionnaire", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const aside = await user.send("how do I apply?");
    expect(aside.text).toContain("Each program has its own steps. Ask about the one you need by its name");
    expect(aside.text).not.toContain("Choose one");
    expect(aside.text).toContain("• Erasmus Mundus");
    expect(allButtons(aside)).toEqual(["▶️ Continue the questionnaire"]);
    expect((await pick(user, aside, "▶️ Continue the questionnaire")).text).toBe(role.text);
  });

  it("a national certificate's level is chosen from buttons or typed in Cyrillic letters", async () => {
    const user = h.fake.user({ languageCode: "uz" });
    const field = await pick(user, await user.send("/eligibility"), "O'qituvchi yoki professor");
    const certificate = await pick(user, field, "O'tkazib yuborish");
    const level = await pick(user, certificate, "Milliy sertifikat");
    expect(level.text).toBe("Milliy sertifikatingizda qaysi daraja ko'rsatilgan?");
    expect(allButtons(level)).toEqual(expect.arrayContaining(["A2", "B1", "B2", "C1"]));
    expect(allButtons(level)).not.toContain("C2");
    expect((await user.send("C2")).text).toBe("Sertifikatingizda ko'rsatilgan darajani tanlang yoki yozing: A2, B1, B2, C1.");
    const another = await user.send("В2"); // a Cyrillic В
    expect(another.text).toContain("Yana til sertifikatingiz bormi?");
    expect(allButtons(another)).not.toContain("Milliy sertifikat");
  });
});

describe("the unexpected, midway", () => {
  it("a 429 from Telegram is waited out inside the flow, which goes on", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    h.fake.injectFault({ method: "sendMessage", chatId: user.chatId, times: 1, errorCode: 429, retryAfter: 1 });
    const year = await pick(user, role, "Bachelor's student");
    expect(year.text).toBe("Which year of study are you in?");
    expect(h.fake.calls.filter((c) => c.injected).map((c) => c.errorCode)).toEqual([429]);
  }, 10_000);

  it("a button of an earlier question is ignored, and typing an option works", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const year = await pick(user, role, "Bachelor's student");
    const field = await pick(user, year, "2");
    // "Master's student" on the first question's message: ignored, the field question still waits.
    user.pressData(role, role.buttons[1]![0]!.callbackData!);
    const scale = await user.send("Pedagogy");
    expect(scale.text).toContain("Choose the scale");
    expect((await user.send("out of 5")).text).toBe("Type your GPA out of 5, for example 4.2.");
    void field;
  });

  it("blocking and unblocking the bot midway does not end the flow", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    user.block();
    user.unblock();
    expect((await pick(user, role, "Teacher or professor")).text).toContain("What is your field of study");
  });
});

describe("an error midway (grammyjs/conversations#155)", () => {
  it("is answered politely and does not leave the flow hanging: it can be started again", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    h.fake.injectFault({ method: "sendMessage", chatId: user.chatId, times: 1, errorCode: 400, description: "Bad Request: provoked" });
    expect((await user.press(role, "Bachelor's student")).text).toBe("Sorry, something went wrong on my side. Please try again in a moment.");
    const again = await user.send("/eligibility");
    expect((await user.press(again, "Teacher or professor")).text).toContain("What is your field of study");
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
