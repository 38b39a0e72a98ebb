import { describe, expect, it } from "vitest";
import { groupQueries, normalizedQuery, similarity } from "../../src/search/group-queries.js";

describe("normalizedQuery", () => {
  it("reads repeats the same: word order, endings, scripts, misspelt phonetics, punctuation", () => {
    const forms = ["yozgi maktab", "Maktab yozgi?", "yozgi maktablar", "ёзги мактаб", "yozgy maktab"].map(normalizedQuery);
    expect(new Set(forms)).toEqual(new Set(["maktab ozg"]));
    expect(normalizedQuery("летняя школа")).toBe(normalizedQuery("летней школы"));
  });

  it("keeps different questions apart, and is empty when search reads nothing", () => {
    expect(normalizedQuery("yozgi maktab")).not.toBe(normalizedQuery("yozgi lager"));
    expect(normalizedQuery("что?")).toBe("");
  });
});

describe("similarity", () => {
  it("is 1 for the same key and drops by each edit", () => {
    expect(similarity("erasmus", "erasmus")).toBe(1);
    expect(similarity("erasmus", "erazmus")).toBeCloseTo(6 / 7);
    expect(similarity("kor", "xitoy")).toBe(0);
  });
});

describe("groupQueries", () => {
  const form = (normalized: string, count: number) => ({ normalized, count });

  it("groups spelling variants, most asked first, and the groups by how often they were asked in all", () => {
    const groups = groupQueries([form("maktab ozg", 2), form("erasmus grant", 3), form("erazmus grant", 2), form("grant erasmuss", 1), form("kontrakt narx", 4)]);
    expect(groups.map((g) => g.map((f) => f.normalized))).toEqual([
      ["erasmus grant", "erazmus grant", "grant erasmuss"],
      ["kontrakt narx"],
      ["maktab ozg"],
    ]);
  });

  it("does not join questions that share only some words", () => {
    const groups = groupQueries([form("erasmus grant", 1), form("erasmus hujat", 1), form("erasmus", 1), form("grant xitoy", 1)]);
    expect(groups).toHaveLength(4);
  });

  it("compares each form with a group's most asked form only: no chains from one neighbour to the next", () => {
    // "granta" is like "grantx" (one edit in six), which is like "granyx"; "granta" and "granyx" (two edits) are not alike.
    const groups = groupQueries([form("granta", 3), form("grantx", 2), form("granyx", 1)]);
    expect(groups.map((g) => g.map((f) => f.normalized))).toEqual([["granta", "grantx"], ["granyx"]]);
  });

  it("does not take numbers for misspellings", () => {
    expect(groupQueries([form("2024 grant", 1), form("2025 grant", 1)])).toHaveLength(2);
  });
});
