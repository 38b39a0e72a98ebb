/**
 * `npm run bench:search`: index build time and per-query latency, on the
 * shipped knowledge base and on a generated 5,000-entry one.
 * Goal: p99 < 1 ms on the shipped base, < 10 ms at 5,000 entries.
 */
import { loadKnowledge } from "../src/knowledge/load.js";
import type { Entry, Localized } from "../src/knowledge/schema.js";
import { SearchIndex } from "../src/search/engine.js";
import { GROUPS, evaluate, loadQueries, ratio } from "../tests/search/evaluate.js";
import { seededRandom } from "../tests/fixtures/seeded-random.js";

const ROUNDS = 5;

/** A base of `size` entries: the shipped ones varied, each with words of its own, so the vocabulary grows too. */
function generateBase(shipped: Entry[], size: number): Entry[] {
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const syllables = ["ka", "ro", "mi", "sen", "tal", "bek", "zu", "dor", "vi", "lan", "qo", "sha", "chi", "ner", "gul", "pa"];
  const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join("");
  const vary = (text: Localized, extra: number): Localized => {
    const own = Array.from({ length: extra }, word).join(" ");
    return { uz: `${text.uz} ${own}`, ru: `${text.ru} ${own}`, en: `${text.en} ${own}` };
  };
  return Array.from({ length: size }, (_, i) => {
    const base = pick(shipped);
    return {
      ...base,
      id: `${base.id}-${i}`,
      title: vary(base.title, 1),
      summary: vary(pick(shipped).summary, 3),
      body: vary(pick(shipped).body, 10),
      aliases: { uz: [...base.aliases.uz, word()], ru: [...base.aliases.ru, word()], en: [...base.aliases.en, word()] },
    } as Entry;
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function measure(name: string, entries: Entry[], queries: string[]) {
  const builds: number[] = [];
  let index!: SearchIndex;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    index = new SearchIndex(entries);
    builds.push(performance.now() - start);
  }
  for (const q of queries) index.search(q); // warm up the JIT
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      index.search(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return {
    base: name,
    entries: entries.length,
    "build (ms)": Math.min(...builds).toFixed(1),
    queries: times.length,
    "p50 (ms)": percentile(times, 50).toFixed(3),
    "p99 (ms)": percentile(times, 99).toFixed(3),
    "max (ms)": times.at(-1)!.toFixed(3),
  };
}

function printTable(rows: Record<string, string | number>[]) {
  const columns = Object.keys(rows[0]!);
  console.log(`| ${columns.join(" | ")} |`);
  console.log(`|${columns.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${Object.values(row).join(" | ")} |`);
}

const shipped = loadKnowledge("knowledge").entries;
const tuning = loadQueries("queries.yaml");
const holdout = loadQueries("holdout.yaml");
const queries = [...tuning, ...holdout].map((x) => x.q);

console.log(`Search speed: ${queries.length} queries × ${ROUNDS} rounds, Node ${process.version}\n`);
printTable([measure("shipped", shipped, queries), measure("generated", generateBase(shipped, 5000), queries)]);
console.log("\nGoal: p99 < 1 ms (shipped), < 10 ms (5,000 entries).");

console.log("\nSearch quality on the shipped base (bars, tuning set only: top-1 >= 90%, top-3 >= 97%, out-of-scope rejected >= 85%)\n");
const index = new SearchIndex(shipped);
const percent = (part: number, whole: number) => `${(100 * ratio(part, whole)).toFixed(1)}%`;
printTable(
  (
    [
      ["tuning (tests/search/queries.yaml)", tuning],
      ["held-out, never tuned on (holdout.yaml)", holdout],
    ] as const
  ).flatMap(([set, labelled]) => {
    const scores = evaluate(index, [...labelled]);
    return GROUPS.map((group) => {
      const s = scores[group];
      return {
        set,
        group,
        queries: `${s.inScope}+${s.outOfScope}`,
        "top-1": percent(s.top1, s.inScope),
        "top-3": percent(s.top3, s.inScope),
        "rejected out-of-scope": percent(s.rejected, s.outOfScope),
        "language right": percent(s.languageRight, s.inScope + s.outOfScope),
      };
    });
  }),
);
