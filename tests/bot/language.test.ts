/**
 * The language of the answers, end to end: the user's choice; else their
 * Telegram language when we speak it; else the language, and for Uzbek the
 * script, of what they wrote, which their button presses and the
 * announcements they get follow until they write in another language.
 */
import { describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { allButtons, eventually, withBot } from "./harness.js";

const OWNER = 500;
const h = withBot({ ADMIN_IDS: [OWNER] });

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

/** The first step of applying to Erasmus Mundus: what the card's "How to apply" shows. */
const APPLY = {
  ru: { title: "Как подать заявку: Erasmus Mundus (Эразмус Мундус)", step: "Шаг 1 из 3", buttons: ["⬅️ Назад", "Далее ➡️", "🏠 Меню"] },
  "uz-cyrl": { title: "Қандай топширилади: Эрасмус Мундус", step: "3 қадамдан 1-қадам", buttons: ["⬅️ Орқага", "Кейинги ➡️", "🏠 Меню"] },
  en: { title: "How to apply: Erasmus Mundus", step: "Step 1 of 3", buttons: ["⬅️ Back", "Next ➡️", "🏠 Menu"] },
};

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

/** Presses the card's "How to apply" (its first button, in the card's language) and checks the screen it leads to. */
async function expectApplyScreen(user: FakeUser, card: FakeMessage, screen: (typeof APPLY)[keyof typeof APPLY]) {
  const apply = await user.press(card, allButtons(card)[0]!);
  expect(apply.text.split("\n")[0]).toBe(screen.title);
  expect(apply.text).toContain(screen.step);
  expect(allButtons(apply)).toEqual(screen.buttons);
}

describe("a button pressed by a user whose language was guessed from what they wrote", () => {
  it.each([
    ["Russian", "Как поехать по программе Эразмус Мундус?", ERASMUS.ru, APPLY.ru],
    ["Uzbek in Cyrillic script", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", ERASMUS["uz-cyrl"], APPLY["uz-cyrl"]],
    ["English", "How do I apply to Erasmus Mundus?", ERASMUS.en, APPLY.en],
  ])("leads to a screen in that language (%s)", async (_, question, card, screen) => {
    const user = h.fake.user({ languageCode: "de" });
    const answer = await user.send(question);
    expectCard(answer, card);
    await expectApplyScreen(user, answer, screen);
  });

  it("leads to a screen in that language after a restart too", async () => {
    const user = h.fake.user({ languageCode: "de" });
    const answer = await user.send("Как поехать по программе Эразмус Мундус?");
    await h.restart();
    await expectApplyScreen(user, answer, APPLY.ru);
  });
});

it.each([
  ["a command", "/menu", "Что вы хотите узнать?"],
  ["a number (a GPA)", "4,5", "Я не нашёл уверенного ответа на этот вопрос. Попробуйте другие слова или спросите отдел напрямую."],
])("%s, in no language, is answered in the one guessed from the user's question, and leaves it so", async (_, text, reply) => {
  const user = h.fake.user({ languageCode: null });
  const card = await user.send("Как поехать по программе Эразмус Мундус?");
  expect((await user.send(text)).text.split("\n")[0]).toBe(reply);
  await expectApplyScreen(user, card, APPLY.ru);
});

it("a user whose language was guessed gets announcements in it, counted in its audience, until they write in another", async () => {
  const user = h.fake.user({ languageCode: "de" });
  const card = await user.send("Как поехать по программе Эразмус Мундус?");
  const menu = await user.press(card, "🏠 Меню");
  const announcements = await user.press(menu, "🔔 Объявления");
  expect(allButtons(await user.press(announcements, "▫️ Все объявления"))).toContain("✅ Все объявления");

  const owner = h.fake.user({ id: OWNER, languageCode: "en" });
  const byLanguage = await owner.press(await owner.send("/broadcast"), "By language");
  await owner.press(byLanguage, "🇷🇺 Русский (1)");
  const text = "Erasmus Mundus: the call is open";
  await owner.press(await owner.send(text), "📤 Send now to 1");
  const copy = await eventually(() => user.messages().find((m) => m.text === text));
  expect(allButtons(copy)).toEqual(["🔕 Отписаться от объявлений"]);

  // Subscribing was no choice of Russian: their English question is answered in English, and so is the next button.
  const english = await user.send("How do I apply to Erasmus Mundus?");
  expectCard(english, ERASMUS.en);
  await expectApplyScreen(user, english, APPLY.en);
});
