/**
 * The knowledge for readers of Uzbek in Cyrillic script: each uz text
 * converted, or the `uz-cyrl` text staff wrote beside it, which must be
 * Cyrillic.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { KnowledgeError, formatProblem } from "../../src/knowledge/problems.js";
import { uzbekCyrillicKnowledge } from "../../src/knowledge/uzbek-cyrillic.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kb-cyrl-"));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Gives France's title a `uz-cyrl` text. */
function writeFranceTitle(cyrillic: string) {
  const path = join(dir, "countries", "france.yaml");
  const yaml = readFileSync(path, "utf8");
  const withCyrillic = yaml.replace(/^title:\n {2}uz: .*$/m, (title) => `${title}\n  uz-cyrl: ${cyrillic}`);
  expect(withCyrillic).not.toBe(yaml);
  writeFileSync(path, withCyrillic);
}

describe("a uz-cyrl text in the knowledge", () => {
  it("is what readers of Uzbek in Cyrillic get, in place of the converted uz text", () => {
    writeFranceTitle("Франция Республикаси");
    const kb = loadKnowledge(dir);
    const cyrillic = uzbekCyrillicKnowledge(kb);
    expect(cyrillic.byId.get("france")!.title.uz).toBe("Франция Республикаси");
    // The Latin reader's text and every other text are as before.
    expect(kb.byId.get("france")!.title.uz).toBe("Fransiya");
    expect(cyrillic.byId.get("france")!.summary.uz).toMatch(/^Таълим соҳасидаги/);
  });

  it("is refused when it is not Cyrillic, with the Latin words it holds", () => {
    writeFranceTitle("Fransiya Respublikasi");
    try {
      loadKnowledge(dir);
      expect.unreachable("a Latin uz-cyrl text loaded");
    } catch (error) {
      expect(error).toBeInstanceOf(KnowledgeError);
      expect((error as KnowledgeError).problems.map(formatProblem)).toEqual([
        expect.stringMatching(/france\.yaml: title\.uz-cyrl: expected Uzbek in Cyrillic letters .*found: Fransiya, Respublikasi$/),
      ]);
    }
  });

  it("may name in Latin what is written in Latin everywhere", () => {
    writeFranceTitle("Франция — KOICA, IELTS ва https://example.org");
    expect(uzbekCyrillicKnowledge(loadKnowledge(dir)).byId.get("france")!.title.uz).toBe("Франция — KOICA, IELTS ва https://example.org");
  });
});
