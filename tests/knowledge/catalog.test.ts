import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Catalog } from "../../src/knowledge/catalog.js";
import { KnowledgeError } from "../../src/knowledge/problems.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kb-catalog-"));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("reload picks up a staff edit, and a broken edit keeps the working base", () => {
  const catalog = new Catalog(dir);
  expect(catalog.search("Samarqandlik").results).toEqual([]);

  const file = join(dir, "programs/erasmus-mundus.yaml");
  const original = readFileSync(file, "utf8");
  writeFileSync(file, original.replace(/^  uz: \[erazmus, /m, "  uz: [Samarqandlik, erazmus, "));
  catalog.reload();
  expect(catalog.search("samarqandlik").results[0]?.id).toBe("erasmus-mundus");

  writeFileSync(file, original.replace(/^id: erasmus-mundus$/m, "id: Erasmus Mundus!"));
  expect(() => catalog.reload()).toThrow(KnowledgeError);
  expect(catalog.search("samarqandlik").results[0]?.id).toBe("erasmus-mundus");
  expect(catalog.kb.byId.has("erasmus-mundus")).toBe(true);
});
