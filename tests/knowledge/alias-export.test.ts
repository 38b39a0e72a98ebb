import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { addAliases } from "../../src/knowledge/alias-export.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

const koica = readFileSync(join(KNOWLEDGE_DIR, "programs/koica.yaml"), "utf8");

describe("addAliases", () => {
  it("appends to a flow list and changes nothing else in the file", () => {
    const { text, added } = addAliases(koica, [{ lang: "ru", alias: "волонтёры из кореи" }]);
    expect(added).toEqual([{ lang: "ru", alias: "волонтёры из кореи" }]);
    const before = koica.split("\n");
    const after = text.split("\n");
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^ {2}ru: \[коика, .*, волонтеры коика, волонтёры из кореи\]$/);
    expect(after).toHaveLength(before.length);
  });

  it("quotes what would not read back as the same text, and skips what the list already has", () => {
    const { text, added, present } = addAliases(koica, [
      { lang: "en", alias: "koica: volunteers, [2026]" },
      { lang: "en", alias: "1999" },
      { lang: "en", alias: "Korean Teachers" },
    ]);
    expect(present).toEqual([{ lang: "en", alias: "Korean Teachers" }]);
    expect(added).toHaveLength(2);
    expect(parse(text).aliases.en.slice(-2)).toEqual(["koica: volunteers, [2026]", "1999"]);
  });

  it("adds a line to a block list, indented like its items, keeping comments", () => {
    const source = ["id: x", "aliases:", "  uz: [] # none yet", "  ru:", "    - первый # the first", "    - второй", "  en: [a]", "links: []", ""].join("\n");
    const { text } = addAliases(source, [
      { lang: "ru", alias: "третий" },
      { lang: "uz", alias: "birinchi" },
    ]);
    expect(text).toBe(["id: x", "aliases:", "  uz: [birinchi] # none yet", "  ru:", "    - первый # the first", "    - второй", "    - третий", "  en: [a]", "links: []", ""].join("\n"));
  });

  it("refuses a file without the language's list", () => {
    expect(() => addAliases("id: x\naliases: {}\n", [{ lang: "uz", alias: "a" }])).toThrow(/aliases.uz is not a list/);
  });
});
