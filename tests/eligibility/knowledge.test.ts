/**
 * A program's `eligibility` in the knowledge base: a CEFR minimum written as
 * a level, a program not assessed (KOICA), and the shipped programs matching
 * the department's text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { entrySchema, type ProgramEntry } from "../../src/knowledge/schema.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

const erasmusYaml = parse(readFileSync(join(KNOWLEDGE_DIR, "programs", "erasmus-mundus.yaml"), "utf8")) as { program: { eligibility: Record<string, unknown> } };

/** Erasmus Mundus's file with another eligibility block, as the schema reads it. */
function read(eligibility: Record<string, unknown>) {
  const result = entrySchema.safeParse({ ...erasmusYaml, program: { ...erasmusYaml.program, eligibility } });
  return result.success
    ? { ok: true as const, eligibility: (result.data as ProgramEntry).program.eligibility }
    : { ok: false as const, problems: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
}

describe("the eligibility block", () => {
  it("reads a CEFR minimum written as a level, and keeps numbers for the others", () => {
    const read1 = read({ to_confirm: true, roles: ["bachelor"], languages: [{ exam: "cefr", min: "B2" }, { exam: "national", min: "b1" }, { exam: "ielts", min: 5.5 }] });
    expect(read1).toMatchObject({ ok: true, eligibility: { languages: [{ exam: "cefr", min: 4 }, { exam: "national", min: 3 }, { exam: "ielts", min: 5.5 }] } });
  });

  it.each([
    [{ exam: "cefr", min: 4 }, "expected a level from A1 to C2 for cefr"],
    [{ exam: "national", min: "C2" }, "expected a level from A2 to C1 for national"],
    [{ exam: "ielts", min: "B2" }, "expected min between 0 and 9 for ielts"],
    [{ exam: "toefl", min: 130 }, "expected min between 0 and 120 for toefl"],
  ])("refuses %j: %s", (language, message) => {
    expect(read({ to_confirm: true, roles: ["bachelor"], languages: [language] })).toEqual({ ok: false, problems: [`program.eligibility.languages.0.min: ${message}`] });
  });

  it("a program not assessed has a note saying what it does, and no criteria", () => {
    const note = { uz: "…", ru: "…", en: "…" };
    expect(read({ to_confirm: false, assessed: false, notes: [note] })).toMatchObject({ ok: true, eligibility: { assessed: false, roles: [], languages: [] } });
    expect(read({ to_confirm: false, assessed: false })).toEqual({ ok: false, problems: ["program.eligibility.notes: expected a note saying what the program does and whom to ask"] });
    expect(read({ to_confirm: false, assessed: false, notes: [note], roles: ["teacher"], languages: [{ exam: "topik", min: 2 }] })).toEqual({
      ok: false,
      problems: [
        "program.eligibility.roles: expected no criteria on a program that is not assessed (assessed: false)",
        "program.eligibility.languages: expected no criteria on a program that is not assessed (assessed: false)",
      ],
    });
    // Assessed (the default), it names who may apply.
    expect(read({ to_confirm: true })).toEqual({ ok: false, problems: ["program.eligibility.roles: expected at least one role"] });
  });
});

describe("the shipped programs, as the department's text says", () => {
  const kb = loadKnowledge(KNOWLEDGE_DIR);
  const program = (id: string) => kb.byId.get(id) as ProgramEntry;

  it("KOICA brings foreign teachers to JSPU: no one is assessed for it, no thresholds, no documents", () => {
    const koica = program("koica").program;
    expect(koica.eligibility).toMatchObject({ assessed: false, roles: [], languages: [] });
    expect(koica.eligibility.min_gpa).toBeUndefined();
    expect(koica.documents.items).toEqual([]);
    expect(koica.eligibility.notes[0]!.en).toMatch(/foreign teachers and specialists.*Department of International Cooperation/s);
  });

  it("the China internships name students, candidates of science and young specialists, from higher education institutions of Uzbekistan", () => {
    const china = program("china-internship");
    expect(china.program.eligibility.roles).toEqual(["bachelor", "master", "doctoral", "candidate-of-science", "young-specialist"]);
    expect(china.summary.en).toContain("from higher education institutions of Uzbekistan");
    expect(china.summary.ru).toContain("из вузов Узбекистана");
    expect(china.summary.uz).toContain("O'zbekiston oliy ta'lim muassasalaridan");
  });

  it.each(["bspu-2plus2", "bspu-3plus1"])("%s names Belarusian State Pedagogical University as the department's text does, and asks to confirm the partner", (id) => {
    const entry = program(id);
    expect(entry.to_confirm).toBe(true);
    expect(entry.body.en).toContain("Belarusian State Pedagogical University");
    expect(entry.body.en).toContain("two foreign higher education institutions");
    expect(entry.body.en).toMatch(/confirm the partner institution with the Department of International Cooperation/);
    expect(entry.body.ru).toMatch(/вуз-партнёр уточняйте в отделе международного сотрудничества/);
    expect(entry.body.uz).toMatch(/qaysi oliy ta'lim muassasasi bilan ekanini Xalqaro hamkorlik bo'limidan aniqlang/);
  });

  it("the joint programs' topic says the same: two foreign universities, the partner to be confirmed", () => {
    const topic = kb.byId.get("joint-degree-programs")!;
    expect(topic.to_confirm).toBe(true);
    expect(topic.summary.en).toContain("two foreign higher education institutions");
    expect(topic.body.en).toContain("confirm each program's partner institution with the Department of International Cooperation");
    expect(topic.body.ru).toContain("вуз-партнёр каждой уточняйте в отделе международного сотрудничества");
    expect(topic.body.uz).toContain("qaysi oliy ta'lim muassasasi bilan ekanini Xalqaro hamkorlik bo'limidan aniqlang");
  });

  it("every assessed program's criteria beyond the department's text are marked to be confirmed", () => {
    const assessed = kb.entries.filter((e): e is ProgramEntry => e.type === "program" && e.program.eligibility.assessed);
    expect(assessed.length).toBeGreaterThan(0);
    expect(assessed.filter((p) => !p.program.eligibility.to_confirm).map((p) => p.id)).toEqual([]);
  });
});
