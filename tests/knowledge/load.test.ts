import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkKnowledge } from "../../src/knowledge/check.js";
import { CONTRACT } from "../../src/knowledge/contract.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { KnowledgeError, formatProblem } from "../../src/knowledge/problems.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { SLIPS } from "../fixtures/yaml-slips.js";

const SHIPPED = KNOWLEDGE_DIR;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kb-"));
  cpSync(SHIPPED, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const edit = (file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
};

/** The load's error messages, one per problem. */
function loadErrors(): string[] {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).problems.map(formatProblem);
  }
  throw new Error("the broken knowledge base loaded without complaint");
}

describe("the shipped knowledge base", () => {
  it("passes every check", () => {
    const { problems, kb } = checkKnowledge(SHIPPED);
    expect(problems.map(formatProblem)).toEqual([]);
    for (const ids of Object.values(CONTRACT)) for (const id of ids) expect(kb!.byId.has(id)).toBe(true);
  });

  it("links both ways: a program's country lists the program", () => {
    const kb = loadKnowledge(SHIPPED);
    expect(kb.related.get("south-korea")).toContain("koica");
    expect(kb.related.get("koica")).toContain("south-korea");
  });
});

describe("a slip in the YAML itself is refused with its file, line and column, in plain words", () => {
  it.each(SLIPS)("$name", ({ make }) => {
    const { content, problem } = make(readFileSync(join(dir, "programs/koica.yaml"), "utf8"));
    writeFileSync(join(dir, "programs/koica.yaml"), content);
    expect(loadErrors()).toEqual([`${join(dir, "programs/koica.yaml")}${problem}`]);
  });

  it("a byte order mark (Windows Notepad's \"UTF-8 with BOM\") is accepted: it is invisible and harmless", () => {
    edit("programs/koica.yaml", (t) => `\uFEFF${t}`);
    expect(loadKnowledge(dir).byId.get("koica")?.id).toBe("koica");
  });
});

describe("a malformed knowledge file is refused with its file and field", () => {
  it("a missing language", () => {
    edit("programs/koica.yaml", (t) => t.replace(/^title:\n((?:  .*\n)*)/m, (block) => block.replace(/^  ru: .*\n/m, "")));
    expect(loadErrors()).toEqual([expect.stringMatching(/programs\/koica\.yaml: title\.ru: expected a text/)]);
  });

  it("an empty text", () => {
    edit("countries/france.yaml", (t) => t.replace(/^summary:\n  uz: .*$/m, 'summary:\n  uz: ""'));
    expect(loadErrors()).toEqual([expect.stringMatching(/countries\/france\.yaml: summary\.uz: expected a non-empty text/)]);
  });

  it("a link to an entry that does not exist", () => {
    edit("countries/france.yaml", (t) => t.replace(/^links: \[/m, "links: [narnia, "));
    expect(loadErrors()).toEqual([expect.stringMatching(/countries\/france\.yaml: links\.0: links to "narnia", which no entry has/)]);
  });

  it("a program whose partner country is not a country", () => {
    edit("programs/koica.yaml", (t) => t.replace(/countries: \[south-korea\]/, "countries: [undp]"));
    expect(loadErrors()).toEqual([expect.stringMatching(/programs\/koica\.yaml: program\.countries\.0: "undp" is a program, expected a country/)]);
  });

  it("a duplicate id", () => {
    cpSync(join(dir, "countries/france.yaml"), join(dir, "topics/france.yaml"));
    edit("topics/france.yaml", (t) => t.replace(/^type: country$/m, "type: topic"));
    expect(loadErrors()).toEqual([expect.stringMatching(/topics\/france\.yaml: id: "france" is already used by .*countries\/france\.yaml/)]);
  });

  it("a copied file whose id was not changed", () => {
    cpSync(join(dir, "countries/france.yaml"), join(dir, "countries/germany.yaml"));
    expect(loadErrors()).toEqual([expect.stringMatching(/countries\/germany\.yaml: id: is "france", expected "germany"/)]);
  });

  it("an unknown type", () => {
    edit("topics/joint-research.yaml", (t) => t.replace(/^type: topic$/m, "type: article"));
    expect(loadErrors()).toEqual([expect.stringMatching(/topics\/joint-research\.yaml: type: expected type to be one of: program, country, topic, contact/)]);
  });

  it("a type that does not match its folder", () => {
    edit("topics/joint-research.yaml", (t) => t.replace(/^type: topic$/m, "type: country"));
    expect(loadErrors()).toEqual([expect.stringMatching(/topics\/joint-research\.yaml: type: is "country", expected "topic"/)]);
  });

  it("a wrong value deep in a program", () => {
    edit("programs/undp.yaml", (t) => t.replace(/roles: \[[^\]]*\]/, "roles: [astronaut]"));
    expect(loadErrors()).toEqual([expect.stringMatching(/programs\/undp\.yaml: program\.eligibility\.roles\.0: expected one of: bachelor/)]);
  });

  it("kb:check also requires every contract id", () => {
    // Rename undp everywhere, file and links alike: the base loads, but the bot's contract breaks.
    for (const folder of ["programs", "countries", "topics", "contacts"]) {
      for (const name of readdirSync(join(dir, folder))) edit(`${folder}/${name}`, (t) => t.replace(/\bundp\b/g, "un-development"));
    }
    renameSync(join(dir, "programs/undp.yaml"), join(dir, "programs/un-development.yaml"));
    expect(loadKnowledge(dir).byId.has("un-development")).toBe(true);
    expect(checkKnowledge(dir).problems.map(formatProblem)).toEqual([expect.stringMatching(/the program "undp" is missing: the bot relies on it/)]);
  });

  it("an empty file and a file outside the type folders", () => {
    writeFileSync(join(dir, "topics/draft.yaml"), "\n");
    cpSync(join(dir, "countries/france.yaml"), join(dir, "france.yaml"));
    expect(loadErrors()).toEqual([
      expect.stringMatching(/topics\/draft\.yaml: the file is empty/),
      expect.stringMatching(/\/france\.yaml: is not in one of programs\/, countries\/, topics\/, contacts\/, so it would never be loaded/),
    ]);
  });

  it("an exam score outside the exam's scale", () => {
    edit("programs/erasmus-mundus.yaml", (t) => t.replace("{ exam: ielts, min: 5.5 }", "{ exam: ielts, min: 65 }"));
    expect(loadErrors()).toEqual([expect.stringMatching(/erasmus-mundus\.yaml: program\.eligibility\.languages\.0\.min: expected min between 0 and 9 for ielts/)]);
  });
});
