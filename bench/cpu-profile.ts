/**
 * `tsx bench/cpu-profile.ts [--from SECONDS] FILE.cpuprofile…`: where a bot process's CPU time
 * went, by area, from `node --cpu-prof` profiles (bench:bot writes them with
 * BENCH_CPU_PROF=dir). Each sample goes to the innermost frame on its stack
 * that names an area (a native function without one, such as a SQLite
 * statement's run(), counts for its caller's area); idle time is left out of
 * the shares. --from leaves out the first seconds (start and warm-up; bench:bot
 * says when its measured load began).
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** Areas by where the code is (first match wins). */
const AREAS: [string, RegExp][] = [
  ["answers (src/answers: facets, out of scope, the answer)", /\/src\/answers\//],
  ["search (src/search, fuse.js, catalog)", /\/src\/search\/|\/fuse\.js\/|\/src\/knowledge\/catalog/],
  ["rendering (src/bot/ui, describe)", /\/src\/bot\/ui\/|\/src\/knowledge\/describe|\/src\/knowledge\/uzbek-cyrillic/],
  ["i18n (Fluent, @grammyjs/i18n, locale)", /@fluent\/|@grammyjs\/i18n\/|\/src\/bot\/locale|\/src\/i18n/],
  ["conversations plugin + flow storage", /@grammyjs\/conversations\/|\/src\/bot\/middleware\/flows|\/src\/storage\/flows/],
  ["storage writes/reads (better-sqlite3, src/storage)", /better-sqlite3\/|\/src\/storage\//],
  ["logging (pino)", /\/pino|\/sonic-boom\/|\/src\/logger|\/src\/secrets/],
  ["chat pacing + node-fetch client", /\/node-fetch\/|\/src\/bot\/chat-pacing|whatwg-url|\/tr46\//],
  ["grammY + runner + auto-retry", /\/grammy\/|@grammyjs\/runner\/|@grammyjs\/auto-retry\//],
  ["other middleware + features (src/bot)", /\/src\/bot\//],
  ["Node HTTP/net/streams", /^node:(?:_http|http|net|internal\/(?:streams|http|net|stream_base|dns|url|zlib)|stream|zlib|events|buffer|internal\/buffer)/],
  ["other src", /\/src\//],
  ["other Node internals", /^node:/],
];

function areaOf(frame: Node["callFrame"]): string | undefined {
  const { functionName, url } = frame;
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(idle)") return "idle";
  if (functionName === "(program)") return "V8/native (program)";
  if (url === "" && /^(?:parse|stringify)$/.test(functionName)) return "JSON parse/stringify";
  if (url === "" && /^(?:RegExp|replace|match|exec|split|\[Symbol\.(?:replace|split|match)\])$/.test(functionName)) return undefined;
  // Transliteration serves search (folding a query) and rendering (Uzbek in Cyrillic): it counts for its caller.
  if (/\/src\/text\//.test(url)) return undefined;
  for (const [area, pattern] of AREAS) if (pattern.test(url)) return area;
  return undefined;
}

const argv = process.argv.slice(2);
const fromFlag = argv.indexOf("--from");
const fromUs = fromFlag >= 0 ? Number(argv.splice(fromFlag, 2)[1]) * 1e6 : 0;
const topFlag = argv.indexOf("--top");
const top = topFlag >= 0 ? Number(argv.splice(topFlag, 2)[1]) : 0;
const totals = new Map<string, number>();
/** Self time by function, for --top. */
const functions = new Map<string, number>();
for (const file of argv) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const areaCache = new Map<number, string>();
  const areaOfNode = (id: number): string => {
    const cached = areaCache.get(id);
    if (cached) return cached;
    let area: string | undefined;
    for (let at: number | undefined = id; at !== undefined && !area; at = parent.get(at)) area = areaOf(byId.get(at)!.callFrame);
    area ??= "unattributed";
    areaCache.set(id, area);
    return area;
  };
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    elapsed += profile.timeDeltas[i] ?? 0;
    if (elapsed < fromUs) return;
    const area = areaOfNode(id);
    totals.set(area, (totals.get(area) ?? 0) + (profile.timeDeltas[i] ?? 0));
    const { functionName, url } = byId.get(id)!.callFrame;
    const name = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/dist\//, "")}`;
    functions.set(name, (functions.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
}
const busy = [...totals].filter(([area]) => area !== "idle");
const busyUs = busy.reduce((sum, [, us]) => sum + us, 0);
console.log(`| area | CPU (ms) | share of busy CPU |\n|---|---|---|`);
for (const [area, us] of busy.sort((a, b) => b[1] - a[1])) console.log(`| ${area} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busyUs).toFixed(1)}% |`);
if (top > 0) {
  console.log(`\n| function (self time) | ms |\n|---|---|`);
  for (const [name, us] of [...functions].filter(([name]) => !name.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${name} | ${(us / 1000).toFixed(0)} |`);
}
console.log(`\nbusy ${(busyUs / 1000).toFixed(0)} ms, idle ${((totals.get("idle") ?? 0) / 1000).toFixed(0)} ms`);
