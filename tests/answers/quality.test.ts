/**
 * The answers on the three tuning sets of facet questions (facet-queries.yaml,
 * facet-queries-more.yaml, facet-queries-third.yaml: written by three people),
 * per language group: the facet and the entry each right for at least 90%, every
 * across answer naming two programs or more, every short answer within its
 * limits, every "not published" with the department's phone.
 * The held-out set is measured by `npm run bench:answers`, never tuned on.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Catalog } from "../../src/knowledge/catalog.js";
import { filesNaming } from "../fixtures/files-naming.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { evaluateAnswers } from "./evaluate-answers.js";
import { FACET_GROUPS, loadFacetQueries } from "./facet-sets.js";

const catalog = new Catalog(KNOWLEDGE_DIR);
const sets = (["facet-queries.yaml", "facet-queries-more.yaml", "facet-queries-third.yaml"] as const).map((file) => [file, evaluateAnswers(catalog, loadFacetQueries(file))] as const);

describe.each(sets.flatMap(([file, scores]) => FACET_GROUPS.map((group) => [file, group, scores[group]] as const)))("answers to the facet questions of %s in %s", (_, __, score) => {
  it("reads the facet right for at least 90%", () => {
    expect(score.facetRight / score.total, score.failures.join("\n")).toBeGreaterThanOrEqual(0.9);
  });
  it("answers about the right entry (or across, a country, another office) for at least 90%", () => {
    expect(score.entryRight / score.total, score.failures.join("\n")).toBeGreaterThanOrEqual(0.9);
  });
  it("names at least two programs in every across answer", () => {
    expect(score.across).toBeGreaterThan(0);
    expect(score.acrossNamingTwo).toBe(score.across);
  });
  it("keeps every short answer within 600 characters and 6 buttons", () => {
    expect(score.short).toBeGreaterThan(0);
    expect(score.withinLimits, score.failures.join("\n")).toBe(score.short);
  });
  it("gives the department's phone with every section not published", () => {
    expect(score.empty).toBeGreaterThan(0);
    expect(score.emptyWithPhone, score.failures.join("\n")).toBe(score.empty);
  });
});

// facet-holdout.yaml measures generalisation only if nothing is tuned on it: bench:answers scores it, a test checks its form, nothing else reads it.
it("no test or source file but the form check reads the held-out facet questions", () => {
  // facet-sets.ts names the file in its loader's type, for bench:answers.
  expect(filesNaming("facet-holdout", "yaml")).toEqual([join("tests", "answers", "facet-sets.test.ts"), join("tests", "answers", "facet-sets.ts")]);
});
