/**
 * The search quality bars, per language group, on the labelled query set.
 * Never lower them: improve the engine or the aliases until they hold.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { SearchIndex } from "../../src/search/engine.js";
import { filesNaming } from "../fixtures/files-naming.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { GROUPS, aliasCopies, evaluate, loadQueries, ratio } from "./evaluate.js";

const queries = loadQueries();
const entries = loadKnowledge(KNOWLEDGE_DIR).entries;
const index = new SearchIndex(entries);
const scores = evaluate(index, queries);

const show = (group: (typeof GROUPS)[number]) =>
  scores[group].failures.map((f) => `${f.problem}: "${f.q}" wanted ${f.expect.join("|") || "no answer"}, got ${f.got.slice(0, 3).join(",") || "nothing"}`);

describe("the labelled query set", () => {
  it("has at least 200 queries, every group with in-scope and out-of-scope ones", () => {
    expect(queries.length).toBeGreaterThanOrEqual(200);
    for (const group of GROUPS) {
      expect(scores[group].inScope).toBeGreaterThanOrEqual(40);
      expect(scores[group].outOfScope).toBeGreaterThanOrEqual(10);
    }
  });

  // A query that is an entry's title or alias tests lookup, not search; a few are what students type.
  it("has at most 5% of its questions word for word a title or alias of their entry", () => {
    const copies = aliasCopies(queries, entries);
    const inScope = queries.filter((q) => q.expect.length > 0).length;
    expect(ratio(copies.length, inScope), copies.map((q) => `${q.group}: "${q.q}"`).join("\n")).toBeLessThanOrEqual(0.05);
  });

  it("names only entries that exist", () => {
    const ids = new Set(index["entries"].map((e) => e.id));
    expect(queries.flatMap((q) => q.expect).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe.each(GROUPS)("search quality in %s", (group) => {
  const s = scores[group];
  it("puts the right entry first for at least 90% of questions", () => {
    expect(ratio(s.top1, s.inScope), show(group).join("\n")).toBeGreaterThanOrEqual(0.9);
  });
  it("has the right entry in the top 3 for at least 97%", () => {
    expect(ratio(s.top3, s.inScope), show(group).join("\n")).toBeGreaterThanOrEqual(0.97);
  });
  it("says 'don't know' to at least 85% of out-of-scope questions", () => {
    expect(ratio(s.rejected, s.outOfScope), show(group).join("\n")).toBeGreaterThanOrEqual(0.85);
  });
  // Lone names ("Korea", "erasmus") carry no sign of a language, so this bar is lower.
  it("detects the language of at least 80% of all queries", () => {
    expect(ratio(s.languageRight, s.inScope + s.outOfScope)).toBeGreaterThanOrEqual(0.8);
  });
});

// holdout.yaml measures generalisation only if nothing is tuned on it: only bench:search reads it.
it("no test or source file reads the held-out query set", () => {
  // evaluate.ts only names the file in loadQueries' signature, for bench:search.
  expect(filesNaming("holdout", "yaml")).toEqual([join("tests", "search", "evaluate.ts")]);
});
