import { describe, expect, it } from "vitest";
import { allButtons, withBot } from "./harness.js";

const h = withBot();

describe("/start", () => {
  it.each([
    ["uz", "Assalomu alaykum, Dilnoza!", ["🎓 Dasturlar", "🌍 Hamkor davlatlar", "✅ Men mos kelamanmi?", "📝 Ariza topshirish", "🔔 E'lonlar", "📞 Aloqa", "🌐 Til"]],
    ["ru", "Здравствуйте, Dilnoza!", ["🎓 Программы", "🌍 Страны-партнёры", "✅ Подхожу ли я?", "📝 Как подать заявку", "🔔 Объявления", "📞 Контакты", "🌐 Язык"]],
    ["en", "Hello, Dilnoza!", ["🎓 Programs", "🌍 Partner countries", "✅ Am I eligible?", "📝 How to apply", "🔔 Announcements", "📞 Contacts", "🌐 Language"]],
  ])("greets a user whose Telegram is in %s, in that language, with the menu", async (languageCode, greeting, buttons) => {
    const user = h.fake.user({ firstName: "Dilnoza", languageCode });
    const reply = await user.send("/start");
    expect(reply.text).toContain(greeting);
    expect(allButtons(reply)).toEqual(buttons);
  });

  it("greets a user by their first name as they wrote it, markup and all, also after choosing a language", async () => {
    // Read as Telegram HTML, "&" and "<Karimov>" would make Telegram refuse the greeting, "<b>Ali</b>" would turn bold and "&amp;" would read "&".
    const firstName = '<b>Ali</b> & "Co" <Karimov> &amp; Sons';
    const user = h.fake.user({ firstName, languageCode: "en" });
    expect((await user.send("/start")).text).toContain(`Hello, ${firstName}!`);
    const other = h.fake.user({ firstName, languageCode: "de" });
    expect((await other.press(await other.send("/start"), "🇺🇿 Ўзбекча")).text).toContain(`Ассалому алайкум, ${firstName}!`);
  });

  it("asks a user with another Telegram language to choose, then answers in the choice", async () => {
    const user = h.fake.user({ firstName: "Hans", languageCode: "de" });
    const picker = await user.send("/start");
    expect(picker.text).toBe("Tilni tanlang · Тилни танланг · Выберите язык · Choose a language");
    expect(allButtons(picker)).toEqual(["🇺🇿 O'zbekcha", "🇺🇿 Ўзбекча", "🇷🇺 Русский", "🇬🇧 English"]);
    const menu = await user.press(picker, "🇷🇺 Русский");
    expect(menu.messageId).toBe(picker.messageId); // edited in place
    expect(menu.text).toContain("Здравствуйте, Hans!");
    expect(allButtons(menu)).toContain("🎓 Программы");
  });

  it("offers Uzbek in Cyrillic script, transliterated from the Uzbek texts", async () => {
    const user = h.fake.user({ languageCode: "de" });
    const picker = await user.send("/start");
    const menu = await user.press(picker, "🇺🇿 Ўзбекча");
    expect(menu.text).toContain("Ассалому алайкум");
    expect(allButtons(menu)).toEqual(["🎓 Дастурлар", "🌍 Ҳамкор давлатлар", "✅ Мен мос келаманми?", "📝 Ариза топшириш", "🔔 Эълонлар", "📞 Алоқа", "🌐 Тил"]);
    await user.nextMessage(); // the once-only question about announcements
    const programs = await user.press(menu, "🎓 Дастурлар");
    expect(programs.text).toContain("Халқаро дастурлар");
    expect(allButtons(programs)).toContain("Erasmus Mundus"); // a name written in Latin letters in Cyrillic too
    expect(allButtons(programs)).toContain("KOICA — Корея халқаро ҳамкорлик агентлиги"); // acronyms stay Latin
  });
});

describe("changing the language", () => {
  it("works at any time, with /language or the menu, and is remembered across a restart", async () => {
    const user = h.fake.user({ languageCode: "uz" });
    const welcome = await user.send("/start");
    await user.nextMessage(); // the once-only question about announcements
    const picker = await user.press(welcome, "🌐 Til");
    const menu = await user.press(picker, "🇬🇧 English");
    expect(menu.text).toContain("What would you like to know?");

    const picker2 = await user.send("/language");
    await user.press(picker2, "🇷🇺 Русский");

    await h.restart();
    const again = await user.send("/start");
    expect(again.text).toContain("Здравствуйте");
  });
});

describe("commands", () => {
  it("are registered in every language, English as the default", async () => {
    expect(h.fake.commands("en")?.map((c) => c.command)).toEqual(["start", "eligibility", "apply", "programs", "countries", "contacts", "announcements", "stop", "language", "cancel", "help"]);
    expect(h.fake.commands("ru")?.[3]?.description).toBe("Международные программы");
    expect(h.fake.commands("uz")?.[3]?.description).toBe("Xalqaro dasturlar");
    expect(h.fake.commands("")?.[3]?.description).toBe("International programs");
  });
});

describe("Uzbek in Cyrillic script", () => {
  it("transliterates texts and knowledge, but not names, the picker or acronyms", async () => {
    const user = h.fake.user({ firstName: "John", languageCode: "de" });
    const picker = await user.send("/start");
    const welcome = await user.press(picker, "🇺🇿 Ўзбекча");
    expect(welcome.text).toContain("Ассалому алайкум, John!");
    await user.nextMessage(); // the once-only question about announcements
    const again = await user.send("/language");
    expect(again.text).toBe("Tilni tanlang · Тилни танланг · Выберите язык · Choose a language");
    expect(allButtons(again)).toEqual(["🇺🇿 O'zbekcha", "🇺🇿 Ўзбекча", "🇷🇺 Русский", "🇬🇧 English"]);
    const card = await user.send("koica");
    expect(card.text.startsWith("KOICA — Корея халқаро ҳамкорлик агентлиги")).toBe(true);
    expect(card.text).toContain("Иштирок\nKOICA орқали ЖДПУнинг ўқув жараёнига");
    expect(allButtons(card)).toContain("🌍 Жанубий Корея");
    // The guided flows speak Cyrillic too, from the card of a program one applies to (KOICA is none).
    expect(allButtons(card)).not.toContain("✅ Мен мос келаманми?");
    const erasmus = await user.send("эразмус");
    expect(erasmus.text.startsWith("Erasmus Mundus")).toBe(true);
    expect(erasmus.text).toContain("Кимлар қатнаша олади");
    const role = await user.press(erasmus, "✅ Мен мос келаманми?");
    expect(role.text).toBe("Қайси дастурлар сизга мос келишини кўриб чиқамиз. Мақомингизни танланг:");
    expect(allButtons(role)).toContain("Бакалавриат талабаси");
  });
});
