/** src/answers/: what a question gets, as plain functions over the shipped knowledge base. */
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer.js";
import { readFacet } from "../../src/answers/facets.js";
import { countriesNamed, countryCode } from "../../src/answers/world-countries.js";
import { Catalog } from "../../src/knowledge/catalog.js";
import { fold } from "../../src/search/normalize.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

const catalog = new Catalog(KNOWLEDGE_DIR);
const answer = (q: string) => answerQuestion(catalog, q).answer;

describe("readFacet", () => {
  it.each([
    ["when is the deadline for erasmus", "deadlines"],
    ["erasmus dedlain", "deadlines"],
    ["2+2 qancha muddatga", "duration"],
    ["2+2 muddati", "deadlines"],
    ["erasmusga qachon hujjat topshirsa bo'ladi", "deadlines"],
    ["koica documnets", "documents"],
    ["эразмус учун қандай ҳужжатлар керак", "documents"],
    ["сколько стоит стажировка", "cost"],
    ["british council ielts requirement", "language"],
    ["халқаро бўлим телефони", "contacts"],
    ["в каких странах", "countries"],
    ["kimlar qatnasha oladi", "eligibility"],
    ["erasmus", null],
  ])("%j asks about %s", (q, facet) => {
    expect(readFacet(q).facet).toBe(facet);
  });

  it("reads a cue's own word with another ending as that cue, and a misspelling of a knowledge word as that word", () => {
    expect(readFacet("халқаро бўлим телефони", (key) => key === "telef").facet).toBe("contacts"); // the stemmer cut "телефони" to "telef"
    expect(readFacet("joint research", (key) => key === "joint").facet).toBe(null); // "joint" is a word of its own, not "join"
    const bolim = () => ({ key: "bolim", similarity: 0.8 });
    expect(readFacet("xalkaro bulimi", () => false).facet).toBe("cost"); // alone, "bulimi" is nearest to "pullimi"
    expect(readFacet("xalkaro bulimi", () => false, bolim).facet).toBe(null); // but it is "bo'limi", typed with у for ў
  });

  it("does not read a real word of its own as a misspelt cue: 'kontrakt' is not 'kontakt' when it is known", () => {
    expect(readFacet("kontrakt").facet).toBe("contacts"); // alone, it is read as the nearest cue
    expect(readFacet("kontrakt", (key) => key === "kontrakt").facet).toBe(null);
  });
});

describe("countries of the world", () => {
  it.each([
    ["Yaponiyada o'qish", ["JP"]],
    ["в Японии", ["JP"]],
    ["Kanadada o'qish", ["CA"]],
    ["Германияда стажировка", ["DE"]],
    ["Shimoliy Koreya", ["KP"]],
    ["study in the USA", ["US"]],
    ["мало информации", []],
    ["erasmus", []],
  ])("%j names %j", (text, codes) => {
    expect(countriesNamed(text).map((c) => c.code)).toEqual(codes);
  });

  it("finds the code of every partner country from its English title, brackets and all", () => {
    const partners = catalog.kb.entries.filter((e) => e.type === "country");
    expect(partners.map((e) => [e.id, countryCode(e.title.en)]).filter(([, code]) => code === undefined)).toEqual([]);
    expect(countryCode("Turkey (Türkiye)")).toBe("TR");
    expect(countryCode("United Kingdom (England)")).toBe("GB");
  });
});

describe("answerQuestion", () => {
  it("answers a partner country's question about itself, never as a country outside the partners", () => {
    for (const q of ["Турция грант есть?", "Angliyada o'qish", "Belarus bilan hamkorlik"]) expect(answer(q).kind, q).not.toBe("other-country");
  });

  it("names a country outside the partners, unless a program is named", () => {
    expect(answer("Japan scholarship")).toEqual({ kind: "other-country", code: "JP" });
    expect(answer("erasmus germaniyada")).toMatchObject({ kind: "entry", id: "erasmus-mundus" });
  });

  it("points to another office, unless the question names an entry", () => {
    expect(answer("kontrakt to'lovi qancha")).toMatchObject({ kind: "out-of-scope", topic: { id: "tuition-contract" } });
    expect(answer("оплата контракта")).toMatchObject({ kind: "out-of-scope", topic: { id: "tuition-contract" } });
    expect(answer("yotoqxona bormi")).toMatchObject({ kind: "out-of-scope", topic: { id: "dormitory" } });
    expect(answer("общежитие в Китае")).toMatchObject({ kind: "entry" });
  });

  it("answers a section of the program named, a program over a country it works in", () => {
    expect(answer("какие документы нужны для стажировки в Китае")).toMatchObject({ kind: "entry", id: "china-internship", facet: "documents" });
    expect(answer("2+2 ga rus tili bilish shartmi")).toMatchObject({ kind: "entry", id: "bspu-2plus2", facet: "language" });
    expect(answer("два плюс два какие документы")).toMatchObject({ kind: "entry", id: "bspu-2plus2", facet: "documents" });
  });

  it("answers across the programs when none is named, with the documents a question names", () => {
    expect(answer("grant bormi")).toMatchObject({ kind: "across", facet: "cost" });
    expect(answer("qaysi dasturlarga IELTS kerak?")).toMatchObject({ kind: "across", facet: "language" });
    expect(answer("pasport kerakmi")).toMatchObject({ kind: "across", facet: "documents", documents: ["passport"] });
    expect(answer("telefon raqami")).toMatchObject({ kind: "entry", id: "international-department", facet: "contacts" });
  });

  it("says nothing was found when nothing was", () => {
    expect(answer("какая завтра погода")).toEqual({ kind: "none" });
  });
});

it("folds spelt sums into one word, as program names", () => {
  expect(["2+2", "2 plus 2", "два плюс два", "ikki plus ikki", "two plus two"].map(fold)).toEqual(Array(5).fill("2plus2"));
  expect(["3 + 1", "uch plyus bir", "три плюс один"].map(fold)).toEqual(Array(3).fill("3plus1"));
});

it("works an answer out again after a reload or a lesson, never from the old base", () => {
  const local = new Catalog(KNOWLEDGE_DIR);
  const before = answerQuestion(local, "yozgi maktab");
  expect(before.answer).toEqual({ kind: "none" });
  expect(answerQuestion(local, "yozgi maktab")).toBe(before); // the same question: the answer worked out once
  local.learn([{ entryId: "exchange-programs", lang: "uz", alias: "yozgi maktab" }]);
  expect(answerQuestion(local, "yozgi maktab").answer).toMatchObject({ kind: "entry", id: "exchange-programs" });
});

describe("a question asking more of the entry it names than the entry says", () => {
  it("is the entry's card with 'Did you mean' (Kazakhstan's partner universities: the knowledge lists none)", () => {
    for (const q of ["Qozogʻistonda hamkor universitetlar bormi", "Қозоғистонда ҳамкор университетлар борми", "do you have partner universities in Kazakhstan?"]) {
      expect(answer(q), q).toMatchObject({ kind: "entry", id: "kazakhstan", ambiguous: true, alternatives: expect.arrayContaining([expect.objectContaining({ id: "partner-countries" })]) });
    }
  });

  it("is not when the other words are the entry's own, or one word the entry says otherwise ('договор' for its 'соглашение')", () => {
    expect(answer("Qozogʻiston bilan hamkorlik")).toMatchObject({ kind: "entry", id: "kazakhstan", ambiguous: false });
    expect(answer("есть ли договор с Азербайджаном")).toMatchObject({ kind: "entry", id: "azerbaijan", ambiguous: false });
    expect(answer("erasmus mundus")).toMatchObject({ kind: "entry", id: "erasmus-mundus", ambiguous: false });
  });
});
