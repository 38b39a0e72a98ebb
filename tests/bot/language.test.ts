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

/** "Was this helpful?" under every search answer in a private chat (features/feedback.ts). */
const FEEDBACK = {
  ru: ["👍 Полезно", "👎 Не помогло"],
  uz: ["👍 Foydali", "👎 Yordam bermadi"],
  "uz-cyrl": ["👍 Фойдали", "👎 Ёрдам бермади"],
  en: ["👍 Helpful", "👎 Not helpful"],
};

/** What an answer about Erasmus Mundus should show in each language: its first line, a heading, all its buttons. */
interface Screen {
  title: string;
  heading: string;
  buttons: string[];
}
/** The card, for a question that names the program; `apply`: its "How to apply" button. */
type Card = Screen & { apply: string };
/** A section of it, for a question about one facet; `more`: the button to the full `card`. */
type Section = Screen & { more: string; card: Card };
type Answer = Card | Section;

/** The Erasmus Mundus card as each kind of writer should see it: title, a heading and buttons from the locale files. */
const ERASMUS = {
  ru: {
    title: "Erasmus Mundus (Эразмус Мундус)",
    heading: "Кто может участвовать",
    apply: "📝 Как подать заявку",
    buttons: ["📄 Документы", "📅 Сроки", "📝 Как подать заявку", "✅ Подхожу ли я?", "📞 Контакты", "🔔 Подписаться", "⬅️ Программы", ...FEEDBACK.ru],
  },
  uz: {
    title: "Erasmus Mundus",
    heading: "Kimlar qatnasha oladi",
    apply: "📝 Ariza topshirish",
    buttons: ["📄 Hujjatlar", "📅 Muddatlar", "📝 Ariza topshirish", "✅ Men mos kelamanmi?", "📞 Aloqa", "🔔 Obuna bo'lish", "⬅️ Dasturlar", ...FEEDBACK.uz],
  },
  "uz-cyrl": {
    title: "Erasmus Mundus",
    heading: "Кимлар қатнаша олади",
    apply: "📝 Ариза топшириш",
    buttons: ["📄 Ҳужжатлар", "📅 Муддатлар", "📝 Ариза топшириш", "✅ Мен мос келаманми?", "📞 Алоқа", "🔔 Обуна бўлиш", "⬅️ Дастурлар", ...FEEDBACK["uz-cyrl"]],
  },
  en: {
    title: "Erasmus Mundus",
    heading: "Who may apply",
    apply: "📝 How to apply",
    buttons: ["📄 Documents", "📅 Deadlines", "📝 How to apply", "✅ Am I eligible?", "📞 Contacts", "🔔 Subscribe", "⬅️ Programs", ...FEEDBACK.en],
  },
} satisfies Record<string, Card>;

/** "Which documents for Erasmus Mundus?": its Documents section, the card and the two likely next sections a tap away. */
const DOCUMENTS = {
  ru: { title: ERASMUS.ru.title, heading: "Документы", more: "ℹ️ Подробнее", card: ERASMUS.ru, buttons: ["ℹ️ Подробнее", "📅 Сроки", "📝 Как подать заявку", ...FEEDBACK.ru] },
  "uz-cyrl": { title: ERASMUS["uz-cyrl"].title, heading: "Ҳужжатлар", more: "ℹ️ Батафсил", card: ERASMUS["uz-cyrl"], buttons: ["ℹ️ Батафсил", "📅 Муддатлар", "📝 Ариза топшириш", ...FEEDBACK["uz-cyrl"]] },
  uz: { title: ERASMUS.uz.title, heading: "Hujjatlar", more: "ℹ️ Batafsil", card: ERASMUS.uz, buttons: ["ℹ️ Batafsil", "📅 Muddatlar", "📝 Ariza topshirish", ...FEEDBACK.uz] },
  en: { title: ERASMUS.en.title, heading: "Documents", more: "ℹ️ More details", card: ERASMUS.en, buttons: ["ℹ️ More details", "📅 Deadlines", "📝 How to apply", ...FEEDBACK.en] },
} satisfies Record<string, Section>;

/** "How do I apply to Erasmus Mundus?": its How to apply section. */
const STEPS = {
  ru: { title: ERASMUS.ru.title, heading: "Как подать заявку", more: "ℹ️ Подробнее", card: ERASMUS.ru, buttons: ["ℹ️ Подробнее", "📄 Документы", "📅 Сроки", ...FEEDBACK.ru] },
  uz: { title: ERASMUS.uz.title, heading: "Ariza topshirish tartibi", more: "ℹ️ Batafsil", card: ERASMUS.uz, buttons: ["ℹ️ Batafsil", "📄 Hujjatlar", "📅 Muddatlar", ...FEEDBACK.uz] },
  en: { title: ERASMUS.en.title, heading: "How to apply", more: "ℹ️ More details", card: ERASMUS.en, buttons: ["ℹ️ More details", "📄 Documents", "📅 Deadlines", ...FEEDBACK.en] },
} satisfies Record<string, Section>;

const WRITINGS = [
  ["Russian", "Как поехать по программе Эразмус Мундус?", ERASMUS.ru],
  ["Uzbek in Latin script", "Erasmus Mundus dasturiga qanday hujjat topshiriladi?", DOCUMENTS.uz],
  ["Uzbek in Cyrillic script", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", DOCUMENTS["uz-cyrl"]],
  ["Uzbek in Cyrillic script, the name in Latin", "Erasmus Mundus дастурига қандай ҳужжат топширилади?", DOCUMENTS["uz-cyrl"]],
  ["English", "How do I apply to Erasmus Mundus?", STEPS.en],
] as const;

/** The first step of applying to Erasmus Mundus: what the card's "How to apply" shows. */
const APPLY = {
  ru: { title: "Как подать заявку: Erasmus Mundus (Эразмус Мундус)", step: "Шаг 1 из 3", buttons: ["⬅️ Назад", "Далее ➡️", "🏠 Меню"] },
  "uz-cyrl": { title: "Ариза топшириш тартиби: Erasmus Mundus", step: "3 қадамдан 1-қадам", buttons: ["⬅️ Орқага", "Кейинги ➡️", "🏠 Меню"] },
  en: { title: "How to apply: Erasmus Mundus", step: "Step 1 of 3", buttons: ["⬅️ Back", "Next ➡️", "🏠 Menu"] },
};

/** The answer is `expected` (the card, or the section asked about), in its language: first line, a heading, every button. */
function expectAnswer(answer: FakeMessage, expected: Screen) {
  expect(answer.text.split("\n")[0]).toBe(expected.title);
  expect(answer.text).toContain(`\n\n${expected.heading}`);
  expect(allButtons(answer)).toEqual(expected.buttons);
}

describe.each([
  ["whose Telegram is in German", "de"],
  ["whose Telegram names no language", null],
])("a user %s, who chose no language, is answered in the language they write in", (_, languageCode) => {
  it.each(WRITINGS)("%s", async (_, question, card) => {
    const user = h.fake.user({ languageCode });
    expectAnswer(await user.send(question), card);
  });
});

it.each([
  ["ru", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", DOCUMENTS.ru],
  ["uz", "How do I apply to Erasmus Mundus?", STEPS.uz],
  ["en", "Как поехать по программе Эразмус Мундус?", ERASMUS.en],
])("a user whose Telegram is in %s is answered in it, whatever they write (%j)", async (languageCode, question, card) => {
  const user = h.fake.user({ languageCode });
  expectAnswer(await user.send(question), card);
});

describe("a language the user chose", () => {
  it.each([
    ["🇷🇺 Русский", "How do I apply to Erasmus Mundus?", STEPS.ru],
    ["🇬🇧 English", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", DOCUMENTS.en],
    ["🇺🇿 Ўзбекча", "Erasmus Mundus dasturiga qanday hujjat topshiriladi?", DOCUMENTS["uz-cyrl"]],
  ])("wins over the language they write in (%s, then %j)", async (choice, question, card) => {
    const user = h.fake.user({ languageCode: "de" });
    await user.press(await user.send("/start"), choice);
    await user.nextMessage(); // the once-only question about announcements
    expectAnswer(await user.send(question), card);
  });
});

/**
 * From the answer, the first step of applying: the card's "How to apply", or
 * for a section its "More details" first (the card, checked), then that.
 */
async function expectApplyScreen(user: FakeUser, answer: FakeMessage, shown: Answer, screen: (typeof APPLY)[keyof typeof APPLY]) {
  let card = answer;
  if ("more" in shown) {
    card = await user.press(answer, shown.more);
    // The card as a button shows it: no "Was this helpful?" under it.
    expectAnswer(card, { ...shown.card, buttons: shown.card.buttons.slice(0, -2) });
  }
  const apply = await user.press(card, "more" in shown ? shown.card.apply : shown.apply);
  expect(apply.text.split("\n")[0]).toBe(screen.title);
  expect(apply.text).toContain(screen.step);
  expect(allButtons(apply)).toEqual(screen.buttons);
}

describe("a button pressed by a user whose language was guessed from what they wrote", () => {
  it.each([
    ["Russian", "Как поехать по программе Эразмус Мундус?", ERASMUS.ru, APPLY.ru],
    ["Uzbek in Cyrillic script", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", DOCUMENTS["uz-cyrl"], APPLY["uz-cyrl"]],
    ["English", "How do I apply to Erasmus Mundus?", STEPS.en, APPLY.en],
  ])("leads to a screen in that language (%s)", async (_, question, shown: Answer, screen) => {
    const user = h.fake.user({ languageCode: "de" });
    const answer = await user.send(question);
    expectAnswer(answer, shown);
    await expectApplyScreen(user, answer, shown, screen);
  });

  it("leads to a screen in that language after a restart too", async () => {
    const user = h.fake.user({ languageCode: "de" });
    const answer = await user.send("Как поехать по программе Эразмус Мундус?");
    await h.restart();
    await expectApplyScreen(user, answer, ERASMUS.ru, APPLY.ru);
  });
});

it.each([
  ["a command", "/menu", "Что вы хотите узнать?"],
  ["a number (a GPA)", "4,5", "Я не нашёл уверенного ответа на этот вопрос. Попробуйте другие слова или спросите отдел напрямую."],
])("%s, in no language, is answered in the one guessed from the user's question, and leaves it so", async (_, text, reply) => {
  const user = h.fake.user({ languageCode: null });
  const card = await user.send("Как поехать по программе Эразмус Мундус?");
  expect((await user.send(text)).text.split("\n")[0]).toBe(reply);
  await expectApplyScreen(user, card, ERASMUS.ru, APPLY.ru);
});

it("a user whose language was guessed gets announcements in it, counted in its audience, until they write in another", async () => {
  const user = h.fake.user({ languageCode: "de" });
  const card = await user.send("Как поехать по программе Эразмус Мундус?");
  // The program card's way back leads to the programs, and they to the menu.
  const menu = await user.press(await user.press(card, "⬅️ Программы"), "🏠 Меню");
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
  expectAnswer(english, STEPS.en);
  await expectApplyScreen(user, english, STEPS.en, APPLY.en);
});
