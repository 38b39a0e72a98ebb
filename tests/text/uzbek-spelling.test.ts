/**
 * Uzbek Latin to Cyrillic as Cyrillic Uzbek is written: loanwords spelled as
 * the official orthographies spell them, Uzbek acronyms in Cyrillic, names
 * written in Latin letters left alone.
 */
import { describe, expect, it } from "vitest";
import { latinWordsIn, uzbekTextToCyrillic } from "../../src/text/translit.js";
import { LATIN_NAMES, LOANWORDS, UZBEK_ACRONYMS } from "../../src/text/uzbek-spelling.js";

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

describe("the loanword dictionary", () => {
  it.each(Object.entries(LOANWORDS))("spells %s as %s, capitals kept", (latin, cyrillic) => {
    expect(uzbekTextToCyrillic(latin)).toBe(cyrillic);
    expect(uzbekTextToCyrillic(capitalized(latin))).toBe(capitalized(cyrillic));
  });

  it.each(Object.entries(LOANWORDS))("keeps the Uzbek endings after %s, without a final soft sign", (latin, cyrillic) => {
    const stem = cyrillic.replace(/ь$/, "");
    expect(uzbekTextToCyrillic(`${latin}lar`)).toBe(`${stem}лар`);
    expect(uzbekTextToCyrillic(`${latin}iga`)).toBe(`${stem}ига`);
    expect(uzbekTextToCyrillic(`${latin}dagi`)).toBe(`${stem}даги`);
  });

  it("spells the words of the department's texts as Cyrillic Uzbek does", () => {
    expect(uzbekTextToCyrillic("fakultetiga")).toBe("факультетига");
    expect(uzbekTextToCyrillic("Belarus bilan, Belarusda")).toBe("Беларусь билан, Беларусда");
    expect(uzbekTextToCyrillic("1-yanvardan 7-fevraldagi, 8-noyabr")).toBe("1-январдан 7-февралдаги, 8-ноябрь");
    expect(uzbekTextToCyrillic("albom, film")).toBe("альбом, фильм");
  });

  it("leaves a word that only begins like a loanword to the rules", () => {
    expect(uzbekTextToCyrillic("filmxon")).toBe("филмхон");
  });
});

describe("the rules", () => {
  it.each([
    ["Federatsiyasi", "Федерацияси"],
    ["Rossiya Federatsiyasi", "Россия Федерацияси"],
    ["motivatsion xat", "мотивацион хат"],
    ["kvalifikatsiya", "квалификация"],
    ["dotsent", "доцент"],
    ["litsey", "лицей"],
    ["Gretsiya", "Греция"],
  ])("writes ts as ц in Russian and international words: %s -> %s", (latin, cyrillic) => {
    expect(uzbekTextToCyrillic(latin)).toBe(cyrillic);
  });

  it.each([
    ["Fransiya", "Франция"],
    ["Fransiyada", "Францияда"],
    ["konferensiyalar", "конференциялар"],
    ["potensial", "потенциал"],
    ["leksiya", "лекция"],
  ])("writes -nsiya and -ksiya as -нция and -кция: %s -> %s", (latin, cyrillic) => {
    expect(uzbekTextToCyrillic(latin)).toBe(cyrillic);
  });

  it("keeps ts and s of Uzbek words", () => {
    expect(uzbekTextToCyrillic("ketsin, o'tsa, otsiz, yonsin, aytsa")).toBe("кетсин, ўтса, отсиз, ёнсин, айтса");
  });

  it("writes э at the start of a word and after a vowel, е for ye", () => {
    expect(uzbekTextToCyrillic("ekspert e'lon aeroport")).toBe("эксперт эълон аэропорт");
    expect(uzbekTextToCyrillic("Yevropa Ittifoqi, proyekt")).toBe("Европа Иттифоқи, проект");
  });

  it("writes ё, ю, я", () => {
    expect(uzbekTextToCyrillic("yoki Yunoniston, Yaponiya, rezyume, Koreya")).toBe("ёки Юнонистон, Япония, резюме, Корея");
  });

  it.each([
    ["Xitoy", "Хитой"],
    ["Hindiston", "Ҳиндистон"],
    ["Koreya", "Корея"],
    ["Turkiya", "Туркия"],
    ["Ozarbayjon", "Озарбайжон"],
    ["Qozog'iston", "Қозоғистон"],
    ["Buyuk Britaniya", "Буюк Британия"],
    ["sertifikat", "сертификат"],
    ["universitet", "университет"],
    ["magistratura", "магистратура"],
    ["stipendiya", "стипендия"],
    ["pasport", "паспорт"],
    ["viza", "виза"],
  ])("spells %s as %s", (latin, cyrillic) => {
    expect(uzbekTextToCyrillic(latin)).toBe(cyrillic);
  });
});

describe("a word that is not Uzbek at all", () => {
  it("converts a loanword or a Latin name followed by a long run of would-be endings at once, not in seconds", () => {
    for (const [word, cyrillic] of [
      [`fakultet${"im".repeat(18)}x`, `факултет${"им".repeat(18)}х`],
      [`KOICA${"im".repeat(18)}x`, `KOICA${"им".repeat(18)}х`],
    ] as const) {
      const started = performance.now();
      expect(uzbekTextToCyrillic(word)).toBe(cyrillic);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});

describe("acronyms and names", () => {
  it.each(Object.entries(UZBEK_ACRONYMS))("writes the Uzbek acronym %s as %s, with its endings", (latin, cyrillic) => {
    expect(uzbekTextToCyrillic(`${latin} bilan`)).toBe(`${cyrillic} билан`);
    expect(uzbekTextToCyrillic(`${latin}da, ${latin}ning`)).toBe(`${cyrillic}да, ${cyrillic}нинг`);
  });

  it("writes JDPU, TRKI, BMTTD and OTM in Cyrillic letters", () => {
    expect(uzbekTextToCyrillic("JDPU talabalari TRKI, BMTTD va OTM")).toBe("ЖДПУ талабалари ТРКИ, БМТТД ва ОТМ");
  });

  it.each(LATIN_NAMES)("leaves %s as written, its ending converted", (name) => {
    expect(uzbekTextToCyrillic(`${name} dasturi`)).toBe(`${name} дастури`);
    expect(uzbekTextToCyrillic(`${name}ning`)).toBe(`${name}нинг`);
  });

  it("leaves an acronym it does not know as written", () => {
    expect(uzbekTextToCyrillic("DAAD granti")).toBe("DAAD гранти");
  });

  it("keeps markup, links, e-mails, @names, commands, code and setting names", () => {
    const text = '<b>KOICA</b> va @jspu_bot: https://t.me/x, info@jspu.uz, /stop; <code>npm run kb:check</code> STAFF_CHAT_ID <a href="https://x.uz">sayt</a>';
    expect(uzbekTextToCyrillic(text)).toBe(
      '<b>KOICA</b> ва @jspu_bot: https://t.me/x, info@jspu.uz, /stop; <code>npm run kb:check</code> STAFF_CHAT_ID <a href="https://x.uz">сайт</a>',
    );
  });
});

describe("the Latin left in a Cyrillic text", () => {
  it("is none when only names, markup and addresses are in Latin", () => {
    expect(latinWordsIn("<b>KOICA</b>нинг IELTS балли, B2, https://t.me/x ва README'га қаранг")).toEqual([]);
  });

  it("is every other Latin word", () => {
    expect(latinWordsIn("JDPU ва Fransiya, KOICA")).toEqual(["JDPU", "Fransiya"]);
  });
});
