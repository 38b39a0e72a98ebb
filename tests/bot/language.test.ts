/**
 * The language of the answers, end to end: the user's choice; else their
 * Telegram language when we speak it; else the language, and for Uzbek the
 * script, of what they wrote.
 */
import { describe, expect, it } from "vitest";
import { allButtons, withBot } from "./harness.js";

const h = withBot();

/** The Erasmus Mundus card as each kind of writer should see it: title, a heading and buttons from the locale files. */
const ERASMUS = {
  ru: { title: "Erasmus Mundus (Эразмус Мундус)", heading: "Кто может участвовать", buttons: ["📝 Как подать заявку", "📞 Контакты", "✅ Подхожу ли я?", "🏠 Меню"] },
  uz: { title: "Erasmus Mundus", heading: "Kimlar qatnasha oladi", buttons: ["📝 Qanday topshiriladi", "📞 Aloqa", "✅ Men mos kelamanmi?", "🏠 Menyu"] },
  "uz-cyrl": { title: "Эрасмус Мундус", heading: "Кимлар қатнаша олади", buttons: ["📝 Қандай топширилади", "📞 Алоқа", "✅ Мен мос келаманми?", "🏠 Меню"] },
  en: { title: "Erasmus Mundus", heading: "Who may apply", buttons: ["📝 How to apply", "📞 Contacts", "✅ Am I eligible?", "🏠 Menu"] },
};

const WRITINGS = [
  ["Russian", "Как поехать по программе Эразмус Мундус?", ERASMUS.ru],
  ["Uzbek in Latin script", "Erasmus Mundus dasturiga qanday hujjat topshiriladi?", ERASMUS.uz],
  ["Uzbek in Cyrillic script", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", ERASMUS["uz-cyrl"]],
  ["Uzbek in Cyrillic script, the name in Latin", "Erasmus Mundus дастурига қандай ҳужжат топширилади?", ERASMUS["uz-cyrl"]],
  ["English", "How do I apply to Erasmus Mundus?", ERASMUS.en],
] as const;

function expectCard(answer: { text: string; buttons: { text: string }[][] }, card: (typeof ERASMUS)[keyof typeof ERASMUS]) {
  expect(answer.text.split("\n")[0]).toBe(card.title);
  expect(answer.text).toContain(card.heading);
  expect(allButtons(answer)).toEqual(expect.arrayContaining(card.buttons));
}

describe.each([
  ["whose Telegram is in German", "de"],
  ["whose Telegram names no language", null],
])("a user %s, who chose no language, is answered in the language they write in", (_, languageCode) => {
  it.each(WRITINGS)("%s", async (_, question, card) => {
    const user = h.fake.user({ languageCode });
    expectCard(await user.send(question), card);
  });
});

it.each([
  ["ru", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", ERASMUS.ru],
  ["uz", "How do I apply to Erasmus Mundus?", ERASMUS.uz],
  ["en", "Как поехать по программе Эразмус Мундус?", ERASMUS.en],
])("a user whose Telegram is in %s is answered in it, whatever they write (%j)", async (languageCode, question, card) => {
  const user = h.fake.user({ languageCode });
  expectCard(await user.send(question), card);
});

describe("a language the user chose", () => {
  it.each([
    ["🇷🇺 Русский", "How do I apply to Erasmus Mundus?", ERASMUS.ru],
    ["🇬🇧 English", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", ERASMUS.en],
    ["🇺🇿 Ўзбекча", "Erasmus Mundus dasturiga qanday hujjat topshiriladi?", ERASMUS["uz-cyrl"]],
  ])("wins over the language they write in (%s, then %j)", async (choice, question, card) => {
    const user = h.fake.user({ languageCode: "de" });
    await user.press(await user.send("/start"), choice);
    await user.nextMessage(); // the once-only question about announcements
    expectCard(await user.send(question), card);
  });
});
