/**
 * A staff edit with a YAML slip, picked up by a reload (SIGHUP), is refused
 * with the file, line and column; the bot goes on answering from the previous
 * base. (The same through a real SIGHUP: process.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { SLIPS } from "../fixtures/yaml-slips.js";
import { startBot, type Harness } from "./harness.js";

const ERASMUS = "programs/erasmus-mundus.yaml";

let h: Harness;
let dir: string;
let original: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kb-slips-"));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  original = readFileSync(join(dir, ERASMUS), "utf8");
  h = await startBot({ KNOWLEDGE_DIR: dir });
});
afterAll(async () => {
  expect(h.fake.rejected()).toEqual([]);
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

it.each(SLIPS)("$name: the reload is refused with the line and column, the previous base answers", async ({ make }) => {
  const student = h.fake.user({ languageCode: "en" });
  const { content, problem } = make(original);
  writeFileSync(join(dir, ERASMUS), content);
  try {
    expect(h.app.reloadKnowledge()).toEqual({ ok: false, problems: [`${join(dir, ERASMUS)}${problem}`] });
    expect((await student.send("erasmus")).text.startsWith("Erasmus Mundus")).toBe(true);
  } finally {
    writeFileSync(join(dir, ERASMUS), original);
  }
});

it("a byte order mark at the start (Notepad's \"UTF-8 with BOM\") is accepted", async () => {
  const student = h.fake.user({ languageCode: "en" });
  writeFileSync(join(dir, ERASMUS), `\uFEFF${original.replace(/^  en: \[erasmus, /m, "  en: [samarqandlik, erasmus, ")}`);
  try {
    expect(h.app.reloadKnowledge()).toMatchObject({ ok: true });
    expect((await student.send("samarqandlik")).text.startsWith("Erasmus Mundus")).toBe(true);
  } finally {
    writeFileSync(join(dir, ERASMUS), original);
  }
});
