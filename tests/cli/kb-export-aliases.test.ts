/** `npm run kb:export-aliases`, run as staff run it, on a copy of the knowledge base. */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { parse } from "yaml";
import { checkKnowledge } from "../../src/knowledge/check.js";
import { openDatabase } from "../../src/storage/database.js";
import { LearningStore } from "../../src/storage/learning.js";
import { KNOWLEDGE_DIR, ROOT } from "../fixtures/paths.js";

const TSX = join(ROOT, "node_modules/.bin/tsx");

let dir: string;
let knowledge: string;
let database: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kb-export-"));
  knowledge = join(dir, "knowledge");
  database = join(dir, "bot.sqlite");
  cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true });
  const db = openDatabase(database);
  const learning = new LearningStore(db);
  learning.learnAlias({ entryId: "exchange-programs", lang: "uz", alias: "yozgi maktab" }, 42);
  learning.learnAlias({ entryId: "exchange-programs", lang: "ru", alias: "летняя школа" }, 42);
  learning.learnAlias({ entryId: "koica", lang: "en", alias: "korean teachers" }, 42);
  learning.learnAlias({ entryId: "a-removed-entry", lang: "en", alias: "anything" }, 42);
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function exportAliases(...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(TSX, [join(ROOT, "src/cli/kb-export-aliases.ts"), ...args], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: database, KNOWLEDGE_DIR: knowledge } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const read = (path: string) => readFileSync(join(knowledge, path), "utf8");
const unexported = () => {
  const db = openDatabase(database);
  const list = new LearningStore(db).unexportedAliases();
  db.close();
  return list.map((a) => a.alias);
};

it("--dry-run prints what it would write and changes nothing", async () => {
  const { code, stdout } = await exportAliases("--dry-run");
  expect(code).toBe(0);
  expect(stdout).toContain(`+ ${join(knowledge, "topics/exchange-programs.yaml")}: aliases.uz: yozgi maktab`);
  expect(stdout).toContain("aliases.en already has korean teachers");
  expect(stdout).toContain("Dry run");
  expect(read("topics/exchange-programs.yaml")).toBe(readFileSync(join(KNOWLEDGE_DIR, "topics/exchange-programs.yaml"), "utf8"));
  expect(unexported()).toHaveLength(4);
});

it("writes the aliases into the entries' files, which stay valid, and a second run does nothing", async () => {
  const first = await exportAliases();
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/✓ 2 alias\(es\) written into 1 file\(s\)/);
  expect(first.stderr).toContain("a-removed-entry: no such entry");

  const aliases = parse(read("topics/exchange-programs.yaml")).aliases;
  expect(aliases.uz.at(-1)).toBe("yozgi maktab");
  expect(aliases.ru.at(-1)).toBe("летняя школа");
  // Comments and layout stay: only the two alias lines differ from the original.
  const original = readFileSync(join(KNOWLEDGE_DIR, "topics/exchange-programs.yaml"), "utf8").split("\n");
  expect(read("topics/exchange-programs.yaml").split("\n").filter((line, i) => line !== original[i])).toHaveLength(2);
  expect(read("programs/koica.yaml")).toBe(readFileSync(join(KNOWLEDGE_DIR, "programs/koica.yaml"), "utf8"));
  expect(checkKnowledge(knowledge).problems).toEqual([]);
  // The removed entry's alias waits in the database.
  expect(unexported()).toEqual(["anything"]);

  const second = await exportAliases();
  expect(second.code).toBe(0);
  expect(second.stdout).not.toContain("+ ");
  expect(read("topics/exchange-programs.yaml").split("\n").filter((line, i) => line !== original[i])).toHaveLength(2);
});

it("refuses a missing database instead of creating one", async () => {
  database = join(dir, "nowhere.sqlite");
  const { code, stderr } = await exportAliases();
  expect(code).toBe(1);
  expect(stderr).toContain("No database at");
});
