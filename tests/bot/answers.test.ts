import { describe, expect, it } from "vitest";
import { allButtons, withBot } from "./harness.js";

const h = withBot();

describe("questions in free text", () => {
  it.each([
    ["en", "how can I go to study in Korea?", "South Korea"],
    ["en", "erazmus", "Erasmus Mundus"],
    ["ru", "стажировка в китае", "Стажировка в вузах Китая"],
    ["ru", "коика", "KOICA"],
    ["uz", "Koreyada o‘qish", "Janubiy Koreya"],
    ["uz", "2+2 dasturi haqida ma'lumot", 'BDPU bilan "2+2"'],
    ["uz", "Хитойда амалиёт", "Xitoy"],
  ])("in %s, %j answers with the right card in the user's language", async (languageCode, question, title) => {
    const user = h.fake.user({ languageCode });
    const answer = await user.send(question);
    expect(answer.text.startsWith(title)).toBe(true);
    expect(answer.buttons.length).toBeGreaterThan(0);
  });

  it("answers in the language the user chose, whatever language they type in", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const answer = await user.send("tell me about erasmus mundus");
    expect(answer.text.split("\n")[0]).toBe("Erasmus Mundus (Эразмус Мундус)");
    expect(answer.text).toContain("образовательных программах Европейского союза");
    expect(answer.text).toContain("Кто может участвовать");
    expect(allButtons(answer)).toEqual(expect.arrayContaining(["📄 Документы", "📅 Сроки", "📝 Как подать заявку", "⬅️ Программы"]));
  });

  it.each([
    ["en", "teachers", "Did you mean:"],
    ["ru", "учиться два года здесь и два года в Минске", "Возможно, вы имели в виду:"],
    ["uz", "Qozogʻistonda hamkor universitetlar bormi", "Balki siz buni nazarda tutgandirsiz:"],
  ])("in %s, an ambiguous question (%j) offers 'Did you mean' buttons that open the card", async (languageCode, question, didYouMean) => {
    const user = h.fake.user({ languageCode });
    const answer = await user.send(question);
    expect(answer.text).toContain(didYouMean);
    const alternatives = allButtons(answer).filter((b) => b.startsWith("🔎 "));
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.length).toBeLessThanOrEqual(3);
    const card = await user.press(answer, alternatives[0]!);
    expect(card.text.startsWith(alternatives[0]!.slice(3))).toBe(true);
    // What search was unsure of is kept for the staff's /unanswered.
    expect(h.app.store.learning.countOpen()).toBe(1);
  });

  it("a question whose alternatives the card already links to (a country and its programs) is not ambiguous", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const answer = await user.send("Беларусь");
    expect(answer.text.split("\n")[0]).toBe("Беларусь");
    expect(answer.text).not.toContain("Возможно, вы имели в виду");
    // Its two programs once, as the card's own buttons, not again as "Did you mean".
    expect(allButtons(answer).filter((b) => b.startsWith("🔎 "))).toEqual([]);
    expect(allButtons(answer)).toEqual(expect.arrayContaining(["Совместная программа «2+2» с БГПУ", "Совместная программа «3+1» с БГПУ"]));
    expect(h.app.store.learning.countOpen()).toBe(0);
  });

  it("says honestly when it does not know, and offers the contacts and the menu", async () => {
    const user = h.fake.user({ languageCode: "uz" });
    const answer = await user.send("ertaga ob-havo qanday");
    expect(answer.text).toContain("ishonchli javob topa olmadim");
    // The department's phone, tappable, in the answer itself.
    expect(answer.text).toContain("📞 Bo'lim telefoni: +998912090766");
    expect(allButtons(answer)).toEqual(["📞 Aloqa", "🏠 Menyu"]);
    const contacts = await user.press(answer, "📞 Aloqa");
    expect(contacts.text).toContain("+998912090766");
  });

  it("points a question another office answers (the dormitory) to that office, with the contacts and the menu", async () => {
    const user = h.fake.user({ languageCode: "uz" });
    const answer = await user.send("yotoqxonada joy bormi");
    expect(answer.text.split("\n")[0]).toBe("Bu savol boshqa bo'limga tegishli");
    expect(answer.text).toContain("Talabalar turar joyi (TTJ) masalalari bilan Xalqaro hamkorlik bo'limi shug'ullanmaydi. Fakultetingiz dekanatiga murojaat qiling.");
    expect(answer.text).not.toContain("ishonchli javob topa olmadim");
    expect(allButtons(answer)).toEqual(["📞 Aloqa", "🏠 Menyu", "👍 Foydali", "👎 Yordam bermadi"]);
  });

  it.each([
    ["ru", "Привет!", "Здравствуйте! Спрашивайте"],
    ["en", "thanks", "You are welcome"],
    ["uz", "sen kimsan?", "Men Jizzax davlat pedagogika universiteti"],
  ])("small talk (%s %j) gets a friendly word, not a search miss", async (languageCode, text, reply) => {
    const user = h.fake.user({ languageCode });
    expect((await user.send(text)).text).toContain(reply);
  });

  it("a sticker gets a hint to write in words", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const reply = await user.sendSticker();
    expect(reply.text).toBe("I understand text questions. Please write your question in words.");
  });

  it("an unknown command gets the help and the menu", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const reply = await user.send("/whatever");
    expect(reply.text).toContain("Write your question in any words");
    expect(allButtons(reply)).toContain("🎓 Programs");
  });
});

describe("inline mode", () => {
  it("lists matching entries to share, each linking back to the bot", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const results = (await user.inline("erasmus")) as { id: string; title: string; input_message_content: { message_text: string }; reply_markup: { inline_keyboard: { url: string }[][] } }[];
    expect(results[0]?.id).toBe("erasmus-mundus");
    expect(results[0]?.title).toBe("Erasmus Mundus");
    expect(results[0]?.input_message_content.message_text).toContain("<b>Erasmus Mundus</b>");
    expect(results[0]?.reply_markup.inline_keyboard[0]?.[0]?.url).toBe("https://t.me/jspu_test_bot?start=erasmus-mundus");
  });

  it("with an empty query lists the programs, and the deep link opens the card", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const results = (await user.inline("")) as { id: string }[];
    expect(results.map((r) => r.id)).toContain("koica");
    const card = await user.send("/start koica");
    expect(card.text.startsWith("KOICA — Корейское агентство")).toBe(true);
  });
});
