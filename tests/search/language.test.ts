import { describe, expect, it } from "vitest";
import { mostlyCyrillic } from "../../src/search/language.js";

describe("the script of an Uzbek text", () => {
  it.each([
    ["Эрасмус Мундус дастурига қандай ҳужжат топширилади?", true],
    ["Хитойда амалиёт хакида", true], // typed on a Russian keyboard, without ў қ ғ ҳ
    ["Erasmus Mundus дастурига қандай ҳужжат топширилади?", true], // a name in Latin
    ["KOICA ҳақида маълумот", true],
    ["Erasmus Mundus dasturiga qanday hujjat topshiriladi?", false],
    ["Xitoyda oʻqish", false],
    ["Koreyada o'qish, Кореяда", false], // the Cyrillic word is the lesser part
  ])("%j is mostly Cyrillic: %s", (text, cyrillic) => {
    expect(mostlyCyrillic(text)).toBe(cyrillic);
  });

  it("goes to Latin, Uzbek's official script, on an even split or with no letters at all", () => {
    expect(mostlyCyrillic("abc абв")).toBe(false);
    expect(mostlyCyrillic("2+2?")).toBe(false);
    expect(mostlyCyrillic("")).toBe(false);
  });
});
