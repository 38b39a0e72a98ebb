import { describe, expect, it } from "vitest";
import { programTopic } from "../../src/broadcast/audience.js";
import type { BotContext } from "../../src/bot/context.js";
import { translatorFor } from "../../src/bot/locale.js";
import { stopAnnouncementsButton } from "../../src/bot/ui/stop-announcements.js";
import type { FakeUser } from "../../src/dev/fake-telegram/index.js";
import { createI18n } from "../../src/i18n.js";
import { allButtons, eventually, withBot } from "./harness.js";

const h = withBot();

const QUESTION = "Would you like announcements from the department: new programs, calls for applications, deadlines?";

/** /start as a new user: the greeting, then the once-only question about announcements. */
async function greet(user: FakeUser) {
  const greeting = await user.send("/start");
  const question = await user.nextMessage();
  return { greeting, question };
}

describe("the once-only question to new users", () => {
  it("follows the first greeting, and is never asked again: not on a second /start, not after a restart", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const { greeting, question } = await greet(user);
    expect(greeting.text).toContain("Hello");
    expect(question.text).toBe(QUESTION);
    expect(allButtons(question)).toEqual(["Yes, all", "Choose topics", "No, thanks"]);

    expect((await user.send("/start")).text).toContain("Hello");
    expect((await user.send("/menu")).text).toBe("What would you like to know?"); // the question would have come first
    await h.restart();
    expect((await user.send("/start")).text).toContain("Hello");
    expect((await user.send("/menu")).text).toBe("What would you like to know?");
    expect(user.messages().filter((m) => m.text === QUESTION)).toHaveLength(1);
  });

  it("comes after the language is picked, for a user whose Telegram language we do not speak", async () => {
    const user = h.fake.user({ languageCode: "de" });
    const picker = await user.send("/start");
    const greeting = await user.press(picker, "🇷🇺 Русский");
    expect(greeting.text).toContain("Здравствуйте");
    const question = await user.nextMessage();
    expect(question.text).toContain("Хотите получать объявления отдела");
    expect(allButtons(question)).toEqual(["Да, все", "Выбрать темы", "Нет, спасибо"]);
  });

  it("Yes, all: every announcement, with the language kept and counted in the audience", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const { question } = await greet(user);
    const done = await user.press(question, "Да, все");
    expect(done.messageId).toBe(question.messageId); // edited in place
    expect(done.text).toContain("вы будете получать все объявления отдела");
    expect(done.text).toContain("/stop");
    const { store } = h.app;
    expect(store.subscriptions.topicsOf(user.id)).toEqual(["all"]);
    expect(store.users.get(user.id)?.lang).toBe("ru");
    expect(store.subscriptions.countAudience({ topic: programTopic("koica") })).toBe(1); // "all" hears about every program
    expect(store.subscriptions.countAudience({ topic: "all", lang: "ru" })).toBe(1);
    expect(store.subscriptions.countAudience({ topic: "all", lang: "en" })).toBe(0);
  });

  it("No, thanks: nothing is subscribed, and the menu is named for later", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const { question } = await greet(user);
    const declined = await user.press(question, "No, thanks");
    expect(declined.text).toBe("All right. If you change your mind, choose 🔔 Announcements in the menu.");
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual([]);
  });

  it("keeps commands typeable in Uzbek Cyrillic (only the words are transliterated)", async () => {
    const user = h.fake.user({ languageCode: "de" });
    const greeting = await user.press(await user.send("/start"), "🇺🇿 Ўзбекча");
    expect(greeting.text).toContain("Ассалому алайкум");
    const question = await user.nextMessage();
    const done = await user.press(question, "Ҳа, ҳаммаси");
    expect(done.text).toContain("Тайёр");
    expect(done.text).toContain("/stop");
  });
});

describe("the announcements screen", () => {
  it("opens from the menu, and toggles topics in place, the buttons showing what is on", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const { greeting } = await greet(user);
    const screen = await user.press(greeting, "🔔 Announcements");
    expect(screen.text).toContain("You get no announcements now.");
    expect(allButtons(screen)).toEqual(expect.arrayContaining(["▫️ All announcements", "▫️ Erasmus Mundus", "🌍 Partner countries", "🏠 Menu"]));
    expect(allButtons(screen)).not.toContain("🔕 Stop all"); // nothing to stop

    const on = await user.press(screen, "▫️ Erasmus Mundus");
    expect(on.messageId).toBe(greeting.messageId);
    expect(on.text).toContain("You get announcements about: Erasmus Mundus.");
    expect(allButtons(on)).toEqual(expect.arrayContaining(["✅ Erasmus Mundus", "▫️ All announcements", "🔕 Stop all"]));

    const countries = await user.press(on, "🌍 Partner countries");
    expect(allButtons(countries)).toEqual(expect.arrayContaining(["▫️ South Korea", "▫️ China", "🎓 Programs"]));
    expect(allButtons(countries)).not.toContain("✅ Erasmus Mundus");
    const korea = await user.press(countries, "▫️ South Korea");
    expect(korea.text).toContain("You get announcements about: Erasmus Mundus, South Korea.");
    expect(allButtons(korea)).toContain("✅ South Korea");

    const { subscriptions } = h.app.store;
    expect(subscriptions.topicsOf(user.id)).toEqual(["country:south-korea", "program:erasmus-mundus"]);
    expect(subscriptions.countAudience({ topic: programTopic("erasmus-mundus") })).toBe(1);
    expect(subscriptions.countAudience({ topic: programTopic("erasmus-mundus"), lang: "en" })).toBe(1);
    expect(subscriptions.countAudience({ topic: programTopic("koica") })).toBe(0);
    expect(h.app.store.users.get(user.id)?.lang).toBe("en"); // kept at the first subscription

    const back = await user.press(korea, "🎓 Programs");
    const off = await user.press(back, "✅ Erasmus Mundus");
    expect(allButtons(off)).toContain("▫️ Erasmus Mundus");
    expect(off.text).toContain("You get announcements about: South Korea.");

    const all = await user.press(off, "▫️ All announcements");
    expect(all.text).toContain("You get every announcement.");
    const none = await user.press(all, "🔕 Stop all");
    expect(none.text).toContain("You get no announcements now.");
    expect(allButtons(none)).toContain("▫️ All announcements");
    expect(subscriptions.topicsOf(user.id)).toEqual([]);
  });

  it("opens with /announcements, in the user's language", async () => {
    const user = h.fake.user({ languageCode: "uz" });
    await greet(user);
    const screen = await user.send("/announcements");
    expect(screen.text).toContain("Bo'lim e'lonlari");
    expect(allButtons(screen)).toContain("▫️ Barcha e'lonlar");
  });

  it("refuses a forged topic without subscribing", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const { greeting } = await greet(user);
    const reply = user.nextMessage();
    user.pressData(greeting, "sub:0:program:no-such-program");
    expect((await reply).text).toBe("What would you like to know?"); // the stale-button answer: the menu
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual([]);
  });
});

describe("subscribing from a card", () => {
  it("subscribes to the program or country, confirmed in a short note, the card untouched", async () => {
    const user = h.fake.user({ languageCode: "en" });
    await greet(user);
    const card = await user.send("/start koica");
    // KOICA brings foreign teachers to JSPU: nothing to apply to, but its news may be followed.
    expect(allButtons(card)).toEqual(["📞 Contacts", "🔔 Subscribe", "🌍 South Korea", "⬅️ Programs"]);
    const query = user.pressData(card, card.buttons.flat().find((b) => b.text === "🔔 Subscribe")!.callbackData!);
    const answer = await eventually(() => h.fake.callbackAnswer(query)?.text);
    expect(answer).toBe("🔔 You will get announcements about KOICA — Korea International Cooperation Agency. Change it with /announcements.");
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual(["program:koica"]);
    expect(user.lastMessage()?.text).toBe(card.text);

    const korea = await user.press(card, "🌍 South Korea");
    const countryQuery = user.pressData(korea, korea.buttons.flat().find((b) => b.text === "🔔 Subscribe")!.callbackData!);
    await eventually(() => h.fake.callbackAnswer(countryQuery)?.text);
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual(["country:south-korea", "program:koica"]);
  });
});

describe("stopping", () => {
  it("/stop unsubscribes from everything, and offers to choose again", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const { question } = await greet(user);
    await user.press(question, "Yes, all");
    const stopped = await user.send("/stop");
    expect(stopped.text).toBe("🔕 Done: you will get no more announcements. You can choose them again at any time.");
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual([]);
    const screen = await user.press(stopped, "🔔 Choose again");
    expect(screen.messageId).toBe(stopped.messageId);
    expect(screen.text).toContain("You get no announcements now.");
  });

  it("the button under an announcement unsubscribes, answers the press and confirms in a new message", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const { question } = await greet(user);
    await user.press(question, "Да, все");
    await user.press(await user.send("/announcements"), "▫️ Erasmus Mundus (Эразмус Мундус)");
    // An announcement as the broadcast engine delivers it, with the button in the recipient's language.
    const t = translatorFor(createI18n<BotContext>(), "ru");
    const delivered = user.nextMessage();
    await h.app.bot.api.sendMessage(user.id, "Новый конкурс", { reply_markup: { inline_keyboard: [[stopAnnouncementsButton(t)]] } });
    const announcement = await delivered;
    expect(allButtons(announcement)).toEqual(["🔕 Отписаться от объявлений"]);

    const confirmation = await user.press(announcement, "🔕 Отписаться от объявлений");
    expect(confirmation.messageId).not.toBe(announcement.messageId);
    expect(confirmation.text).toContain("Готово: объявления больше не придут");
    expect(allButtons(confirmation)).toEqual(["🔔 Выбрать снова"]);
    expect(h.fake.messages(user.chatId).find((m) => m.messageId === announcement.messageId)?.text).toBe("Новый конкурс");
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual([]);
    expect(h.app.store.subscriptions.countAudience({ topic: "all" })).toBe(0);
  });

  it("works as a forged press on any message, and the press is answered", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const { question } = await greet(user);
    await user.press(question, "Yes, all");
    const confirmation = user.nextMessage();
    const query = user.pressData(question, "subs:stop");
    expect((await confirmation).text).toContain("you will get no more announcements");
    await eventually(() => h.fake.callbackAnswer(query));
    expect(h.app.store.subscriptions.topicsOf(user.id)).toEqual([]);
  });
});
