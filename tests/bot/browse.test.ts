import { describe, expect, it } from "vitest";
import { callback } from "../../src/bot/ui/callback-data.js";
import { allButtons, eventually, withBot } from "./harness.js";

const h = withBot();

const answeredPresses = () => h.fake.calls.filter((c) => c.method === "answerCallbackQuery" && c.ok).length;

describe.each([
  {
    lang: "en",
    programs: "🎓 Programs",
    koica: "KOICA — Korea International Cooperation Agency",
    cardSays: "Taking part",
    country: "🌍 South Korea",
    countryTitle: "South Korea",
    backToCountries: "⬅️ Countries",
    countriesTitle: "Partner countries",
    contacts: "📞 Contacts",
  },
  {
    lang: "ru",
    programs: "🎓 Программы",
    koica: "KOICA — Корейское агентство международного сотрудничества",
    cardSays: "Участие",
    country: "🌍 Южная Корея",
    countryTitle: "Южная Корея",
    backToCountries: "⬅️ Страны",
    countriesTitle: "Страны-партнёры",
    contacts: "📞 Контакты",
  },
  {
    lang: "uz",
    programs: "🎓 Dasturlar",
    koica: "KOICA — Koreya xalqaro hamkorlik agentligi",
    cardSays: "Ishtirok",
    country: "🌍 Janubiy Koreya",
    countryTitle: "Janubiy Koreya",
    backToCountries: "⬅️ Davlatlar",
    countriesTitle: "Hamkor davlatlar",
    contacts: "📞 Aloqa",
  },
])("browsing in $lang", (t) => {
  it("programs -> card -> partner country -> back, editing one message in place", async () => {
    const user = h.fake.user({ languageCode: t.lang });
    const menu = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    const list = await user.press(menu, t.programs);
    expect(list.messageId).toBe(menu.messageId);
    expect(allButtons(list)).toContain(t.koica);

    const card = await user.press(list, t.koica);
    expect(card.text.startsWith(t.koica)).toBe(true);
    expect(card.text).toContain(t.cardSays);
    expect(card.html).toMatch(/^<b>/);
    expect(allButtons(card)).toEqual(expect.arrayContaining([t.country, t.contacts]));

    const country = await user.press(card, t.country);
    expect(country.text.startsWith(t.countryTitle)).toBe(true);
    expect(allButtons(country)).toContain(t.koica); // the country lists its programs

    const countries = await user.press(country, t.backToCountries);
    expect(countries.text).toContain(t.countriesTitle);
    expect(user.messages()).toHaveLength(2); // navigation never flooded the chat: the greeting, edited, and the announcements question
    await eventually(() => answeredPresses() === 4); // every press answered
  });
});

describe("program cards", () => {
  it("say when details go beyond the department's text, and show how to apply", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const list = await user.send("/programs");
    const card = await user.press(list, "Erasmus Mundus");
    expect(card.text).toContain("Please confirm them with the Department of International Cooperation");
    expect(card.text).toContain("Who may apply (to be confirmed)");
    expect(card.text).toContain("IELTS 5.5");

    const apply = await user.press(card, "📝 How to apply");
    expect(apply.text).toContain("How to apply: Erasmus Mundus");
    expect(apply.text).toContain("Step 1 of 3");
    const back = await user.press(apply, "⬅️ Back");
    expect(back.text.startsWith("Erasmus Mundus")).toBe(true);
  });
});

describe("contacts", () => {
  it("show the methodist's phone as a tappable number", async () => {
    const user = h.fake.user({ languageCode: "ru" });
    const card = await user.send("/contacts");
    expect(card.text).toContain("+998912090766");
    expect(card.text).toMatch(/[Мм]етодист/);
    expect(allButtons(card)).toEqual(["🏠 Меню"]);
  });
});

describe("old and forged buttons", () => {
  it("a button of an old message still works, and edits that message", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const first = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    await user.send("/start");
    const list = await user.press(first, "🎓 Programs");
    expect(list.messageId).toBe(first.messageId);
  });

  it("a button whose entry no longer exists is answered and leads to the menu", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const menu = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    const queryId = user.pressData(menu, "e:a-program-that-was-removed");
    const shown = await user.nextMessage();
    expect(h.fake.callbackAnswer(queryId)?.text).toBe("This button is out of date. Here is the menu.");
    expect(shown.text).toContain("What would you like to know?");
  });

  it("a button pressed again quickly, or again on a screen that already shows its target, never edits the message to what it shows", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const menu = await user.send("/menu");
    const data = (label: string) => menu.buttons.flat().find((b) => b.text === label)!.callbackData!;
    const answered = (queries: string[]) => eventually(() => queries.every((id) => h.fake.callbackAnswer(id)));
    const edits = () => h.fake.calls.filter((c) => c.method === "editMessageText");

    // Four quick presses: all made on the menu, before the first one's edit arrived.
    await answered(Array.from({ length: 4 }, () => user.pressData(menu, data("🎓 Programs"))));
    // Stale: Programs once more, now on the list itself; then the menu's own button, twice.
    await answered([user.pressData(menu, data("🎓 Programs"))]);
    await answered([user.pressData(menu, callback.menu()), user.pressData(menu, callback.menu())]);

    expect(h.fake.rejected()).toEqual([]);
    expect(edits()).toHaveLength(2);
    const shown = h.fake.messages(user.id).find((m) => m.messageId === menu.messageId)!;
    expect(shown.text).toBe(menu.text);
    expect(allButtons(shown)).toEqual(allButtons(menu));
  });

  it("a button this version does not know at all is answered too", async () => {
    const user = h.fake.user({ languageCode: "uz" });
    const menu = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    const queryId = user.pressData(menu, "v1:old-format");
    await user.nextMessage();
    expect(h.fake.callbackAnswer(queryId)?.text).toBe("Bu tugma eskirgan. Mana menyu.");
  });
});
