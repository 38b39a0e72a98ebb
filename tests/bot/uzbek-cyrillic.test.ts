/**
 * Uzbek in Cyrillic script, end to end: what a reader who chose "Ўзбекча
 * (кирилл)", or who writes in Cyrillic, gets spells loanwords, acronyms and
 * names as Cyrillic Uzbek does (Франция, Федерацияси, конференция, ЖДПУ),
 * with no Latin word but the names written in Latin everywhere (KOICA).
 */
import { describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/dev/fake-telegram/index.js";
import { latinWordsIn } from "../../src/text/translit.js";
import { misspellingsIn } from "../fixtures/cyrillic-misspellings.js";
import { allButtons, withBot } from "./harness.js";

const h = withBot();

/** Its text and its buttons: all the user reads of a message. */
const readOf = (message: FakeMessage) => [message.text, ...allButtons(message)].join("\n");

function expectCyrillicUzbek(message: FakeMessage) {
  const read = readOf(message);
  expect(misspellingsIn(read)).toEqual([]);
  expect(latinWordsIn(read)).toEqual([]);
  expect(read).not.toContain("JDPU");
}

describe("a reader who chose Ўзбекча (кирилл)", () => {
  it("gets the partner countries, France and Russia in Cyrillic Uzbek", async () => {
    const user = h.fake.user({ languageCode: "de" });
    const menu = await user.press(await user.send("/start"), "🇺🇿 Ўзбекча");
    await user.nextMessage(); // the once-only question about announcements

    const countries = await user.press(menu, "🌍 Ҳамкор давлатлар");
    expect(countries.text).toContain("ЖДПУ қуйидаги давлатлар билан ҳамкорлик қилади");
    expect(allButtons(countries)).toEqual(expect.arrayContaining(["Франция", "Россия", "Беларусь", "Ҳиндистон", "Қозоғистон"]));
    expectCyrillicUzbek(countries);

    const france = await user.press(countries, "Франция");
    expect(france.text).toMatch(/^Франция\n\n/);
    expect(france.text).toContain("Франция билан");
    expect(france.text).toContain("конференция");
    expectCyrillicUzbek(france);

    // Typed in Latin script: the reader's choice of script still wins.
    const russia = await user.send("Rossiya bilan hamkorlik");
    expect(russia.text).toMatch(/^Россия\n\n/);
    expect(russia.text).toContain("Россия Федерацияси билан");
    expectCyrillicUzbek(russia);
  });
  it("gets a country the department has no agreement with named as Cyrillic Uzbek writes it", async () => {
    const user = h.fake.user({ languageCode: null });
    const answer = await user.send("Финляндияда ўқиш мумкинми?");
    // CLDR's name: converting the library's Latin "Finlandiya" would give "Финландия".
    expect(answer.text).toMatch(/^Финляндия бўлимнинг ҳамкор давлатлари қаторида йўқ\./);
    expect(answer.text).toContain("Беларусь, Хитой, Франция");
    expectCyrillicUzbek(answer);
  });
});

describe("a reader who writes in Cyrillic", () => {
  it("gets Korea and KOICA with ЖДПУ, KOICA as written", async () => {
    const user = h.fake.user({ languageCode: null });
    const korea = await user.send("Кореяда ўқиш");
    expect(korea.text).toMatch(/^Жанубий Корея\n\n/);
    expect(korea.text).toContain("ЖДПУ Кореянинг халқаро ҳамкорлик агентликлари билан");
    expect(korea.text).toContain("KOICA");
    expectCyrillicUzbek(korea);

    const koicaButton = allButtons(korea).find((text) => text.startsWith("KOICA"));
    expect(koicaButton).toBeDefined();
    const koica = await user.press(korea, koicaButton!);
    expect(koica.text).toMatch(/^KOICA — /);
    expect(koica.text).toContain("ЖДПУ");
    expectCyrillicUzbek(koica);
  });
});
