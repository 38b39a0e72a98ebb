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

console.log("\nSearch quality on the shipped base: the tuning set (queries.yaml, bars top-1 >= 90%, top-3 >= 97%, out-of-scope rejected >= 85%)");
console.log("beside the held-out set (holdout.yaml, never tuned on); gap = tuning minus held-out, in points\n");
const index = new SearchIndex(shipped);
const share = (part: number, whole: number) => 100 * ratio(part, whole);
const tuned = evaluate(index, tuning);
const heldOut = evaluate(index, holdout);
const compare = (t: number, h: number): [string, string, string] => [`${t.toFixed(1)}%`, `${h.toFixed(1)}%`, `${(t - h).toFixed(1)}`];
printTable(
  GROUPS.map((group) => {
    const [t, h] = [tuned[group], heldOut[group]];
    const [top1T, top1H, top1Gap] = compare(share(t.top1, t.inScope), share(h.top1, h.inScope));
    const [top3T, top3H, top3Gap] = compare(share(t.top3, t.inScope), share(h.top3, h.inScope));
    const [rejT, rejH, rejGap] = compare(share(t.rejected, t.outOfScope), share(h.rejected, h.outOfScope));
    return {
      group,
      "queries (tuning / held-out)": `${t.inScope}+${t.outOfScope} / ${h.inScope}+${h.outOfScope}`,
      "top-1 tuning": top1T,
      "top-1 held-out": top1H,
      "top-1 gap": top1Gap,
      "top-3 tuning": top3T,
      "top-3 held-out": top3H,
      "top-3 gap": top3Gap,
      "rejected tuning": rejT,
      "rejected held-out": rejH,
      "rejected gap": rejGap,
    };
  }),
);
