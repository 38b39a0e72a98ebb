/** The facet question sets (issue 11) are well-formed: fields, ids, country codes, counts, no overlap. */
import { describe, expect, it } from "vitest";
import countries from "i18n-iso-countries";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { FACETS, FACET_GROUPS, loadFacetQueries, type FacetQuery, type FacetSetFile } from "./facet-sets.js";

const kb = loadKnowledge(KNOWLEDGE_DIR);
const FILES: FacetSetFile[] = ["facet-queries.yaml", "facet-queries-more.yaml", "facet-queries-third.yaml", "facet-holdout.yaml"];
const MIN_PER_GROUP: Record<FacetSetFile, number> = {
  "facet-queries.yaml": 45,
  "facet-queries-more.yaml": 35,
  "facet-queries-third.yaml": 30,
  "facet-holdout.yaml": 15,
};
const TARGETS = ["entry", "across", "country", "out_of_scope"] as const;
const KEYS = new Set<string>(["q", "group", "facet", ...TARGETS]);

/** "Turkey (Türkiye)" -> TR: the name as written, without the parenthesis, or the name inside it. */
function alpha2OfTitle(title: string): string | undefined {
  const inside = /\(([^)]+)\)/.exec(title)?.[1];
  const candidates = [title, title.replace(/\s*\([^)]*\)\s*/g, " ").trim(), ...(inside ? [inside] : [])];
  for (const name of candidates) {
    const code = countries.getAlpha2Code(name, "en");
    if (code) return code;
  }
  return undefined;
}

const partnerTitles = kb.entries.filter((e) => e.type === "country").map((e) => e.title.en);
const partnerCodes = new Map(partnerTitles.map((t) => [t, alpha2OfTitle(t)]));

/** Everything wrong with one item, as readable messages. */
function problemsOf(item: FacetQuery): string[] {
  const problems: string[] = [];
  const raw = item as unknown as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) problems.push(`unknown field "${key}"`);
  if (typeof item.q !== "string" || item.q.trim() === "") problems.push("q must be a non-empty string");
  if (!(FACET_GROUPS as readonly unknown[]).includes(item.group)) problems.push(`group "${String(item.group)}" is not one of ${FACET_GROUPS.join(", ")}`);
  if (!("facet" in raw)) problems.push("facet is missing (use null for overview and out-of-scope)");
  else if (item.facet !== null && !(FACETS as readonly unknown[]).includes(item.facet)) problems.push(`facet "${String(item.facet)}" is not a facet name or null`);

  const targets = TARGETS.filter((key) => key in raw);
  if (targets.length !== 1) {
    problems.push(`expected exactly one of ${TARGETS.join("/")}, found ${targets.length ? targets.join(", ") : "none"}`);
    return problems;
  }
  const target = targets[0];
  if (target === "entry") {
    if (typeof item.entry !== "string" || !kb.byId.has(item.entry)) problems.push(`entry "${String(item.entry)}" is no id in knowledge/`);
  } else if (target === "across" || target === "out_of_scope") {
    if (raw[target] !== true) problems.push(`${target} must be true`);
  } else {
    const code = item.country;
    if (typeof code !== "string" || !/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) problems.push(`country "${String(code)}" is not an ISO 3166-1 alpha-2 code`);
    else if ([...partnerCodes.values()].includes(code)) problems.push(`country ${code} is a partner country: name its entry instead`);
  }
  // A question with no facet is either about an entry as a whole (overview) or out of scope.
  if (item.facet === null && target !== "entry" && target !== "out_of_scope") problems.push(`facet null needs an entry (overview) or out_of_scope, not ${target}`);
  return problems;
}

describe("the partner countries of knowledge/", () => {
  it("each has an ISO code by its English title", () => {
    expect(partnerTitles.length).toBeGreaterThan(0);
    expect([...partnerCodes].filter(([, code]) => !code).map(([title]) => title)).toEqual([]);
  });
});

describe.each(FILES)("%s", (file) => {
  const items = loadFacetQueries(file);

  it("is a list of well-formed items", () => {
    expect(Array.isArray(items)).toBe(true);
    const bad = items.map((item) => ({ q: item.q, problems: problemsOf(item) })).filter((r) => r.problems.length > 0);
    expect(bad).toEqual([]);
  });

  it("has no question twice", () => {
    const seen = new Set<string>();
    const twice = items.map((i) => i.q.toLowerCase().trim()).filter((q) => (seen.has(q) ? true : (seen.add(q), false)));
    expect(twice).toEqual([]);
  });

  it(`has at least ${MIN_PER_GROUP[file]} questions per group`, () => {
    for (const group of FACET_GROUPS) {
      expect(items.filter((i) => i.group === group).length, group).toBeGreaterThanOrEqual(MIN_PER_GROUP[file]);
    }
  });
});

describe("the tuning set", () => {
  const items = loadFacetQueries("facet-queries.yaml");

  it("asks about every facet at least 3 times in every group", () => {
    const missing: string[] = [];
    for (const group of FACET_GROUPS) {
      // Overview questions are written with facet null (see the file's header).
      for (const facet of FACETS.filter((f) => f !== "overview")) {
        const n = items.filter((i) => i.group === group && i.facet === facet).length;
        if (n < 3) missing.push(`${group}/${facet}: ${n}`);
      }
      const overview = items.filter((i) => i.group === group && i.facet === null && i.entry !== undefined).length;
      if (overview < 3) missing.push(`${group}/overview: ${overview}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("the held-out set", () => {
  it("shares no question with the tuning set", () => {
    const tuning = new Set(loadFacetQueries("facet-queries.yaml").map((i) => i.q.toLowerCase().trim()));
    expect(loadFacetQueries("facet-holdout.yaml").filter((i) => tuning.has(i.q.toLowerCase().trim())).map((i) => i.q)).toEqual([]);
  });
});

describe("the more tuning questions", () => {
  it("share no question with the tuning set or the held-out set", () => {
    // Reported as the new file's own questions, so a failure shows nothing of the held-out set beyond the overlap.
    const others = new Set(
      (["facet-queries.yaml", "facet-holdout.yaml"] as const).flatMap((file) => loadFacetQueries(file).map((i) => i.q.toLowerCase().trim())),
    );
    expect(loadFacetQueries("facet-queries-more.yaml").filter((i) => others.has(i.q.toLowerCase().trim())).map((i) => i.q)).toEqual([]);
  });
});

describe("the third tuning questions", () => {
  it("share no question with the tuning set, the more tuning questions or the held-out set", () => {
    // Reported as the new file's own questions, so a failure shows nothing of the held-out set beyond the overlap.
    const others = new Set(
      (["facet-queries.yaml", "facet-queries-more.yaml", "facet-holdout.yaml"] as const).flatMap((file) =>
        loadFacetQueries(file).map((i) => i.q.toLowerCase().trim()),
      ),
    );
    expect(loadFacetQueries("facet-queries-third.yaml").filter((i) => others.has(i.q.toLowerCase().trim())).map((i) => i.q)).toEqual([]);
  });
});
