import { describe, expect, it } from "vitest";
import { normalizedQuery } from "../../src/search/group-queries.js";
import { sameAlias } from "../../src/knowledge/learned-aliases.js";
import { fold, stem, withoutInvisibles, words } from "../../src/search/normalize.js";
import { cyrillicToLatin, uzLatinToCyrillic } from "../../src/text/translit.js";

const key = (text: string) => words(text).map(stem).join(" ");

describe("fold", () => {
  it("lowercases and treats every Uzbek apostrophe the same", () => {
    const spellings = ["O'zbekiston", "Oʻzbekiston", "O`zbekiston", "O‘zbekiston", "O’zbekiston", "Ozbekiston"];
    expect(new Set(spellings.map(fold))).toEqual(new Set(["ozbekiston"]));
    expect(fold("Gʻarb")).toBe(fold("g'arb"));
  });

  it("turns Uzbek Cyrillic into the same letters as Uzbek Latin", () => {
    expect(fold("Ўзбекистон")).toBe(fold("O'zbekiston"));
    expect(fold("Халқаро ҳамкорлик")).toBe(fold("Xalqaro hamkorlik"));
    expect(fold("Ғарб")).toBe(fold("G'arb"));
  });

  it("keeps program names like 2+2 as one word", () => {
    expect(fold("2+2")).toBe("2plus2");
    expect(fold("3 + 1 dasturi")).toBe("3plus1 dasturi");
  });

  it("drops punctuation and Latin diacritics", () => {
    expect(words("Türkiye? (Erasmus+!)")).toEqual(["turkiye", "erasmus"]);
  });
});

describe("invisible characters", () => {
  const INVISIBLE = {
    "zero-width space": "\u200B",
    "zero-width non-joiner": "\u200C",
    "zero-width joiner": "\u200D",
    "word joiner": "\u2060",
    "byte order mark": "\uFEFF",
    "soft hyphen": "\u00AD",
    "left-to-right mark": "\u200E",
    "right-to-left mark": "\u200F",
    "right-to-left override": "\u202E",
    "pop directional formatting": "\u202C",
    "first strong isolate": "\u2068",
    "pop directional isolate": "\u2069",
  };

  it.each(Object.entries(INVISIBLE))("a %s inside a word leaves it one word", (_, char) => {
    expect(words(`e${char}ras${char}mus`)).toEqual(["erasmus"]);
    expect(words(`Ко${char}рея`)).toEqual(words("Корея"));
  });

  it("visible spaces, unlike them, still part words", () => {
    expect(words("erasmus\u00A0mundus")).toEqual(["erasmus", "mundus"]);
    expect(words("erasmus\u2009mundus")).toEqual(["erasmus", "mundus"]);
  });

  it("the same reading feeds the unanswered log and learned aliases", () => {
    expect(normalizedQuery("yoz\u200Bgi mak\u00ADtab")).toBe(normalizedQuery("yozgi maktab"));
    expect(sameAlias("ko\u00ADica", "koica")).toBe(true);
    expect(withoutInvisibles("\u2067yoz\u200Bgi mak\u00ADtab\u2069")).toBe("yozgi maktab");
  });
});

describe("search keys", () => {
  it("make Корея, Koreya and korea meet, in any case form", () => {
    const forms = ["Корея", "Koreya", "korea", "Кореяда", "Koreyaga", "Корее", "Кореи", "KOREA"];
    expect(new Set(forms.map(key)).size).toBe(1);
  });

  it("strip Uzbek endings", () => {
    expect(key("dasturlari")).toBe(key("dastur"));
    expect(key("grantlar")).toBe(key("grant"));
    expect(key("o'qishga")).toBe(key("o'qish"));
    expect(key("Minskda")).toBe(key("Minsk"));
  });

  it("strip Russian endings", () => {
    expect(key("программы")).toBe(key("программа"));
    expect(key("стипендии")).toBe(key("stipendiyalar"));
    expect(key("в Минске").split(" ").at(-1)).toBe(key("Минск"));
  });

  it("keep the s of Erasmus and Belarus but strip English plurals", () => {
    expect(key("Erasmus")).toBe("erasmus");
    expect(key("Беларусь")).toBe(key("Belarus"));
    expect(key("programs")).toBe(key("program"));
  });

  it("meet across Russian and Uzbek spellings of the same sound", () => {
    expect(key("Казахстан")).toBe(key("Kazakhstan"));
    expect(key("Қозоғистон")).toBe(key("Qozog'iston"));
    expect(key("Туркия")).toBe(key("Turkiya"));
  });
});

describe("transliteration", () => {
  it.each([
    ["O'zbekiston", "Ўзбекистон"],
    ["Janubiy Koreya", "Жанубий Корея"],
    ["Yevropa Ittifoqi", "Европа Иттифоқи"],
    ["Erasmus Mundus", "Эрасмус Мундус"],
    ["ma'lumot", "маълумот"],
    ["Xalqaro hamkorlik bo'limi", "Халқаро ҳамкорлик бўлими"],
    ["g'oya", "ғоя"],
    ["choy", "чой"],
  ])("uz Latin %s <-> Cyrillic %s", (latin, cyrillic) => {
    expect(uzLatinToCyrillic(latin)).toBe(cyrillic);
    expect(cyrillicToLatin(cyrillic)).toBe(latin);
  });

  it("reads Russian Е as Ye at the start of a word", () => {
    expect(cyrillicToLatin("Европа")).toBe("Yevropa");
    expect(cyrillicToLatin("Шахар")).toBe("Shaxar");
  });

  it("leaves Latin text and digits alone", () => {
    expect(cyrillicToLatin("KOICA 2+2")).toBe("KOICA 2+2");
  });
});

describe("transliteration edge cases", () => {
  it("keeps an all-caps word all caps", () => {
    expect(cyrillicToLatin("ШАШ ва ЧОЙ")).toBe("SHASH va CHOY");
    expect(cyrillicToLatin("Шаш")).toBe("Shash");
  });

  it("drops the apostrophe that only keeps s and h apart", () => {
    expect(uzLatinToCyrillic("Is'hoq")).toBe("Исҳоқ");
  });

  it("reads every apostrophe variant in Latin input", () => {
    for (const word of ["oʻqish", "o´qish", "oʹqish", "o′qish"]) expect(uzLatinToCyrillic(word)).toBe("ўқиш");
  });
});
