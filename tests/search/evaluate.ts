/** Scores the search engine on the labelled query set (tests/search/queries.yaml). */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Entry } from "../../src/knowledge/schema.js";
import type { SearchIndex } from "../../src/search/engine.js";
import { fold } from "../../src/search/normalize.js";

export const GROUPS = ["en", "ru", "uz-latn", "uz-cyrl"] as const;
export type Group = (typeof GROUPS)[number];
const LANGUAGE_OF_GROUP = { en: "en", ru: "ru", "uz-latn": "uz", "uz-cyrl": "uz" } as const;

export interface LabelledQuery {
  q: string;
  group: Group;
  kind: string;
  /** Acceptable first answers; empty for out-of-scope queries. */
  expect: string[];
}

export interface GroupScore {
  /** Queries whose language was detected right (uz-latn and uz-cyrl are "uz"). */
  languageRight: number;
  inScope: number;
  top1: number;
  top3: number;
  outOfScope: number;
  rejected: number;
  failures: { q: string; expect: string[]; got: string[]; problem: string }[];
}

/** queries.yaml is the tuning set; holdout.yaml is never tuned on and only measures generalisation. */
export function loadQueries(file: "queries.yaml" | "holdout.yaml" = "queries.yaml"): LabelledQuery[] {
  return parse(readFileSync(new URL(`./${file}`, import.meta.url), "utf8")) as LabelledQuery[];
}

export function evaluate(index: SearchIndex, queries: LabelledQuery[]): Record<Group, GroupScore> {
  const scores = Object.fromEntries(
    GROUPS.map((g): [Group, GroupScore] => [g, { languageRight: 0, inScope: 0, top1: 0, top3: 0, outOfScope: 0, rejected: 0, failures: [] }]),
  ) as Record<Group, GroupScore>;
  for (const query of queries) {
    const score = scores[query.group];
    const result = index.search(query.q);
    if (result.lang === LANGUAGE_OF_GROUP[query.group]) score.languageRight++;
    const got = result.results.map((r) => r.id);
    if (query.expect.length === 0) {
      score.outOfScope++;
      if (got.length === 0) score.rejected++;
      else score.failures.push({ q: query.q, expect: [], got, problem: "answered out of scope" });
      continue;
    }
    score.inScope++;
    const hit = (ids: string[]) => ids.some((id) => query.expect.includes(id));
    if (hit(got.slice(0, 1))) score.top1++;
    if (hit(got.slice(0, 3))) score.top3++;
    if (!hit(got.slice(0, 1))) {
      score.failures.push({ q: query.q, expect: query.expect, got, problem: hit(got.slice(0, 3)) ? "not first" : got.length ? "wrong" : "no answer" });
    }
  }
  return scores;
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * Queries that are word for word (after folding case, script and apostrophes)
 * a title or alias of an entry they expect: they test lookup, not search.
 */
export function aliasCopies(queries: LabelledQuery[], entries: Entry[]): LabelledQuery[] {
  const names = new Map(entries.map((e) => [e.id, new Set([...Object.values(e.title), ...Object.values(e.aliases).flat()].map(fold))]));
  return queries.filter((query) => query.expect.some((id) => names.get(id)?.has(fold(query.q))));
}
