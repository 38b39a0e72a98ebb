/** Uzbek texts for Cyrillic readers: words transliterated, what must be typed or read as written left alone. */
import { describe, expect, it } from "vitest";
import { uzbekTextToCyrillic } from "../../src/text/translit.js";

describe("Uzbek text in Cyrillic", () => {
  it("transliterates the words", () => {
    expect(uzbekTextToCyrillic("Bo'lim xodimlari")).toBe("Бўлим ходимлари");
  });

  it("keeps commands as typed, so they still work when tapped", () => {
    expect(uzbekTextToCyrillic("To'xtatish uchun /stop yuboring yoki /cancel")).toBe("Тўхтатиш учун /stop юборинг ёки /cancel");
  });

  it("keeps markup, addresses, acronyms and @names", () => {
    expect(uzbekTextToCyrillic("<b>KOICA</b> va @jspu_bot: https://t.me/x")).toBe("<b>KOICA</b> ва @jspu_bot: https://t.me/x");
  });
});
