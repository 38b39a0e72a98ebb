/**
 * The house rules, read from the code's own imports (type-only ones
 * included): no import cycles in src/, features reached only from the
 * assembly file and never from each other, the core free of Telegram, and
 * production code free of the fake Bot API.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./fixtures/paths.js";

const SRC = join(ROOT, "src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Each source file (relative to src/) and the source files it imports, by relative import. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const local = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => relative(SRC, resolve(dirname(file), name.replace(/\.js$/, ".ts"))));
    graph.set(relative(SRC, file), local);
  }
  return graph;
}

/** Every import cycle, each once, as the chain of files. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        const cycle = path.slice(path.indexOf(next));
        const key = [...cycle].sort().join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          found.push([...cycle, next]);
        }
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

const graph = importGraph();
const FEATURES = "bot/features/";
const featureOf = (file: string) => (file.startsWith(FEATURES) ? file.slice(FEATURES.length).split("/")[0]!.replace(/\.ts$/, "") : undefined);

describe("the house", () => {
  it("has no import cycle in src/, type-only imports included", () => {
    expect(cycles(graph).map((cycle) => cycle.join(" -> "))).toEqual([]);
  });

  it("lets only the assembly file import features, and no feature another", () => {
    const wrong = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((imported) => featureOf(imported) !== undefined)
        .filter((imported) => file !== "bot/create-bot.ts" && featureOf(file) !== featureOf(imported))
        .map((imported) => `${file} -> ${imported}`),
    );
    expect(wrong).toEqual([]);
  });

  it("keeps Telegram out of the core and the fake Bot API out of production code", () => {
    const core = ["answers/", "knowledge/", "search/", "eligibility/", "broadcast/", "storage/", "text/", "time/", "stats/"];
    const wrong = filesUnder(SRC).flatMap((path) => {
      const file = relative(SRC, path);
      const { importedFiles } = ts.preProcessFile(readFileSync(path, "utf8"), true, true);
      const names = importedFiles.map((imported) => imported.fileName);
      const telegram = core.some((dir) => file.startsWith(dir)) ? names.filter((name) => /^(grammy|@grammyjs\/)/.test(name)) : [];
      const fake = file.startsWith("dev/") || file === "cli/chat.ts" ? [] : (graph.get(file) ?? []).filter((imported) => imported.startsWith("dev/"));
      return [...telegram, ...fake].map((name) => `${file} -> ${name}`);
    });
    expect(wrong).toEqual([]);
  });
});
