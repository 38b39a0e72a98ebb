import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { newYamlText, writeYamlValue } from "../../src/knowledge/yaml-edit.js";
import { FOLDER_OF_TYPE } from "../../src/knowledge/schema.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

const erasmus = readFileSync(join(KNOWLEDGE_DIR, "programs/erasmus-mundus.yaml"), "utf8");
const changedLines = (before: string, after: string) => {
  const a = before.split("\n");
  return after.split("\n").filter((line) => !a.includes(line));
};

describe("writeYamlValue", () => {
  it("adds a deadline where the empty list was, and changes no other line", () => {
    const entry = parse(erasmus);
    entry.program.deadlines.items = [{ date: "2027-03-01", note: { uz: "Hujjatlar", ru: "Документы", en: "Documents" } }];
    const text = writeYamlValue(erasmus, entry);
    expect(parse(text)).toEqual(entry);
    expect(changedLines(erasmus, text)).toEqual(["      - date: 2027-03-01", "        note: { uz: Hujjatlar, ru: Документы, en: Documents }"]);
    // Every comment and every line but the replaced "items: []" is still there, in order.
    const removed = erasmus.split("\n").filter((line) => !text.split("\n").includes(line));
    expect(removed).toEqual(["    items: []"]);
  });

  it("replaces a text where it stands, quoting it when YAML needs quotes", () => {
    const entry = parse(erasmus);
    entry.title.en = "Erasmus Mundus: joint masters";
    entry.program.eligibility.min_gpa.value = 4.5;
    const text = writeYamlValue(erasmus, entry);
    expect(parse(text)).toEqual(entry);
    expect(changedLines(erasmus, text)).toHaveLength(2);
    expect(text).toContain('en: "Erasmus Mundus: joint masters"');
    expect(text).toContain("min_gpa: { value: 4.5, scale: 5 }");
    expect(text.startsWith("# Erasmus Mundus — program of the European Union.\n")).toBe(true);
  });

  it("removes a field with its lines, adds one after its siblings, and keeps comments on other lines", () => {
    const source = ["# about x", "id: x # the id", "a: 1", "b:", "  # inner", "  c: [1, 2]", "  d: two", "e: [x]", ""].join("\n");
    const text = writeYamlValue(source, { id: "x", b: { c: [1, 2, 3], d: "two", f: { uz: "u", ru: "r", en: "e" } }, e: ["x"], g: true });
    expect(text).toBe(["# about x", "id: x # the id", "b:", "  # inner", "  c: [ 1, 2, 3 ]", "  d: two", "  f: { uz: u, ru: r, en: e }", "e: [x]", "g: true", ""].join("\n"));
  });

  it("adds, changes and removes items of a block list", () => {
    const source = ["items:", "  - uz: a # first", "    ru: b", "  - uz: c", "    ru: d", "  - uz: e", "    ru: f", "end: 1", ""].join("\n");
    const shorter = writeYamlValue(source, { items: [{ uz: "a", ru: "b" }, { uz: "C", ru: "d" }], end: 1 });
    expect(shorter).toBe(["items:", "  - uz: a # first", "    ru: b", "  - uz: C", "    ru: d", "end: 1", ""].join("\n"));
    const longer = writeYamlValue(source, { items: [{ uz: "a", ru: "b" }, { uz: "c", ru: "d" }, { uz: "e", ru: "f" }, { uz: "g", ru: "h" }], end: 1 });
    expect(longer).toBe(["items:", "  - uz: a # first", "    ru: b", "  - uz: c", "    ru: d", "  - uz: e", "    ru: f", "  - { uz: g, ru: h }", "end: 1", ""].join("\n"));
  });

  it("leaves an unchanged entry's text as it is, for every shipped file", () => {
    for (const folder of Object.values(FOLDER_OF_TYPE)) {
      for (const name of readdirSync(join(KNOWLEDGE_DIR, folder))) {
        const text = readFileSync(join(KNOWLEDGE_DIR, folder, name), "utf8");
        expect(writeYamlValue(text, parseDocument(text).toJS())).toBe(text);
      }
    }
  });

  it("writes a new file that reads back as the entry", () => {
    const entry = { id: "x", title: { uz: "a: b", ru: "в", en: "c" }, aliases: { uz: [], ru: ["д"], en: [] }, body: { uz: "one\ntwo", ru: "р", en: "e" } };
    expect(parse(newYamlText(entry))).toEqual(entry);
  });
});
