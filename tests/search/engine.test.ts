import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { SearchIndex } from "../../src/search/engine.js";
import type { Entry } from "../../src/knowledge/schema.js";
import { topic } from "../fixtures/entries.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

const kb = loadKnowledge(KNOWLEDGE_DIR);
const index = new SearchIndex(kb.entries);
const top = (q: string) => index.search(q).results[0]?.id;

describe("search", () => {
  it("meets Cyrillic, Latin and English spellings of the same name", () => {
    for (const q of ["Корея", "Koreya", "korea", "Жанубий Корея", "South Korea"]) expect(top(q), q).toBe("south-korea");
  });

  it("forgives misspellings", () => {
    expect(top("erazmus")).toBe("erasmus-mundus");
    expect(top("коика")).toBe("koica");
    expect(top("britsh consil")).toBe("british-council");
  });

  it("reads every Uzbek apostrophe the same", () => {
    const ids = ["Xitoyda oʻqish", "Xitoyda o'qish", "Xitoyda o`qish", "Xitoyda o‘qish", "Xitoyda oqish"].map(top);
    expect(new Set(ids)).toEqual(new Set(["china-internship"]));
  });

  it("tells the 2+2 and 3+1 programs apart, and 2+3 from both", () => {
    expect(top("2+2")).toBe("bspu-2plus2");
    expect(top("3 + 1 dasturi")).toBe("bspu-3plus1");
    expect(index.search("2+3").results).toEqual([]);
  });

  it("returns nothing rather than a wrong confident answer", () => {
    for (const q of ["what is the weather tomorrow", "DAAD scholarship in Germany", "столовая работает до скольки", "yotoqxonaga qanday joylashsa bo'ladi"]) {
      expect(index.search(q).results, q).toEqual([]);
    }
  });

  it("returns nothing for an empty or stop-word-only query", () => {
    expect(index.search("").results).toEqual([]);
    expect(index.search("what is the").results).toEqual([]);
    expect(index.search("?!").results).toEqual([]);
  });

  it("returns at most 5 results, best first, with scores between 0 and 1", () => {
    const { results } = index.search("programs with Belarus in Minsk");
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThanOrEqual(5);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it("flags an ambiguous result when the best two are too close to choose", () => {
    const twins = new SearchIndex([topic("summer-school", "Summer school", ["grant"]), topic("winter-school", "Winter school", ["grant"])]);
    const r = twins.search("grant");
    expect(r.ambiguous).toBe(true);
    expect(r.results.map((x) => x.id).sort()).toEqual(["summer-school", "winter-school"]);
    expect(twins.search("winter school grant")).toMatchObject({ ambiguous: false, results: [{ id: "winter-school" }] });
    expect(index.search("erasmus mundus").ambiguous).toBe(false);
  });

  it("detects the query's language and titles results in it", () => {
    expect(index.search("how can I study in Korea").lang).toBe("en");
    expect(index.search("как поехать учиться в Корею").lang).toBe("ru");
    expect(index.search("Koreyada o'qish haqida").lang).toBe("uz");
    expect(index.search("Кореяда ўқиш").lang).toBe("uz");
    expect(index.search("Кореяда укиш мумкинми").lang).toBe("uz");
    const ru = index.search("стажировка в Китае");
    expect(ru.results[0]!.title).toBe(kb.byId.get("china-internship")!.title.ru);
  });

  it("uses a new alias once the index is rebuilt", () => {
    const entries: Entry[] = structuredClone(kb.entries);
    expect(new SearchIndex(entries).search("Samarqandlik").results).toEqual([]);
    entries.find((e) => e.id === "erasmus-mundus")!.aliases.uz.push("Samarqandlik");
    expect(new SearchIndex(entries).search("samarqandlik").results[0]?.id).toBe("erasmus-mundus");
  });
});
