import { describe, expect, it } from "vitest";
import { evaluateEligibility, yearMatters, type Applicant } from "../../src/eligibility/rules.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { ProgramEntry } from "../../src/knowledge/schema.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

const kb = loadKnowledge(KNOWLEDGE_DIR);
const erasmus = kb.byId.get("erasmus-mundus") as ProgramEntry;

/** Erasmus with criteria of a test's choosing. */
function program(eligibility: Partial<ProgramEntry["program"]["eligibility"]>, id = "test-program"): ProgramEntry {
  return { ...erasmus, id, program: { ...erasmus.program, eligibility: { ...erasmus.program.eligibility, to_confirm: false, ...eligibility } } };
}

const student = (extra: Partial<Applicant> = {}): Applicant => ({ role: "bachelor", year: 3, gpa: { value: 4.5, scale: 5 }, certificates: [{ exam: "ielts", score: 6.5 }], ...extra });

const verdictOf = (applicant: Applicant, p: ProgramEntry) => evaluateEligibility(applicant, [p])[0]!;

describe("eligibility rules", () => {
  it("a GPA exactly at the threshold qualifies, on either scale", () => {
    const p = program({ min_gpa: { value: 4.0, scale: 5 } });
    expect(verdictOf(student({ gpa: { value: 4.0, scale: 5 } }), p)).toMatchObject({ verdict: "eligible", gaps: [] });
    expect(verdictOf(student({ gpa: { value: 80, scale: 100 } }), p).verdict).toBe("eligible");
    expect(verdictOf(student({ gpa: { value: 79, scale: 100 } }), p)).toMatchObject({
      verdict: "nearly",
      gaps: [{ kind: "gpa", need: { value: 4.0, scale: 5 }, have: { value: 79, scale: 100 } }],
    });
  });

  it("compares GPAs across scales exactly: 84 of 100 is 4.2 of 5", () => {
    const p = program({ min_gpa: { value: 4.2, scale: 5 } });
    expect(verdictOf(student({ gpa: { value: 84, scale: 100 } }), p).verdict).toBe("eligible");
    expect(verdictOf(student({ gpa: { value: 66, scale: 100 } }), program({ min_gpa: { value: 3.3, scale: 5 } })).verdict).toBe("eligible");
  });

  it("a missing certificate is a gap that names what is needed", () => {
    const p = program({ languages: [{ exam: "ielts", min: 5.5 }, { exam: "toefl", min: 72 }] });
    expect(verdictOf(student({ certificates: [] }), p)).toMatchObject({
      verdict: "nearly",
      gaps: [{ kind: "language", options: [{ exam: "ielts", score: 5.5 }, { exam: "toefl", score: 72 }], have: undefined }],
    });
  });

  it("a lower score says what is needed and what the applicant has", () => {
    const p = program({ languages: [{ exam: "ielts", min: 5.5 }] });
    const { gaps } = verdictOf(student({ certificates: [{ exam: "ielts", score: 5.0 }, { exam: "hsk", score: 3 }] }), p);
    expect(gaps).toEqual([{ kind: "language", options: [{ exam: "ielts", score: 5.5 }], have: { exam: "ielts", score: 5.0 } }]);
  });

  it("any one accepted certificate is enough", () => {
    const p = program({ languages: [{ exam: "ielts", min: 5.5 }, { exam: "toefl", min: 72 }] });
    expect(verdictOf(student({ certificates: [{ exam: "toefl", score: 80 }] }), p).verdict).toBe("eligible");
  });

  it("a role the program does not accept is not eligible, not 'nearly'", () => {
    const p = program({ roles: ["teacher"] });
    expect(verdictOf(student(), p)).toMatchObject({ verdict: "not", gaps: [{ kind: "role", accepted: ["teacher"] }] });
  });

  it("too early a year of study is 'nearly', too late is 'not'", () => {
    const p = program({ year_of_study: { min: 2, max: 3 } });
    expect(verdictOf(student({ year: 1 }), p)).toMatchObject({ verdict: "nearly", gaps: [{ kind: "year-too-early", min: 2, have: 1 }] });
    expect(verdictOf(student({ year: 4 }), p)).toMatchObject({ verdict: "not", gaps: [{ kind: "year-too-late", max: 3, have: 4 }] });
    // Years of study do not apply to teachers.
    expect(verdictOf({ role: "teacher", certificates: [{ exam: "ielts", score: 7 }], gpa: { value: 5, scale: 5 } }, program({ roles: ["teacher"], year_of_study: { min: 2 } })).verdict).toBe("eligible");
  });

  it("a GPA threshold applies to students only: a teacher or young specialist is never told a GPA is missing", () => {
    const p = program({ roles: ["master", "teacher", "young-specialist"], min_gpa: { value: 4.0, scale: 5 } });
    const certificates = [{ exam: "ielts" as const, score: 7 }];
    for (const role of ["teacher", "candidate-of-science", "young-specialist"] as const) {
      expect(verdictOf({ role, certificates }, p), role).toMatchObject({ verdict: "eligible", gaps: [] });
    }
    expect(verdictOf({ role: "master", certificates }, p)).toMatchObject({ verdict: "nearly", gaps: [{ kind: "gpa", need: { value: 4.0, scale: 5 } }] });
  });

  it("criteria to be confirmed say so with the verdict", () => {
    expect(verdictOf(student(), program({ to_confirm: true })).toConfirm).toBe(true);
    expect(verdictOf(student(), program({ to_confirm: false })).toConfirm).toBe(false);
  });

  it("orders eligible first, then nearly by fewest gaps, then not", () => {
    const results = evaluateEligibility(student({ certificates: [] }), [
      program({ roles: ["teacher"] }, "not-for-students"),
      program({ languages: [{ exam: "ielts", min: 5 }], min_gpa: { value: 4.8, scale: 5 } }, "two-gaps"),
      program({ languages: [{ exam: "ielts", min: 5 }] }, "one-gap"),
      program({ languages: [] }, "open"),
    ]);
    expect(results.map((r) => [r.programId, r.verdict])).toEqual([
      ["open", "eligible"],
      ["one-gap", "nearly"],
      ["two-gaps", "nearly"],
      ["not-for-students", "not"],
    ]);
  });

  it("the year of study is a bachelor's only: a first-year master's or doctoral student is never held back by it", () => {
    const p = program({ roles: ["bachelor", "master", "doctoral"], year_of_study: { min: 2, max: 3 } });
    for (const role of ["master", "doctoral"] as const) {
      expect(verdictOf(student({ role, year: 1 }), p)).toMatchObject({ verdict: "eligible", gaps: [] });
      expect(verdictOf(student({ role, year: undefined }), p)).toMatchObject({ verdict: "eligible", gaps: [] });
    }
    expect(verdictOf(student({ role: "bachelor", year: 1 }), p).gaps).toEqual([{ kind: "year-too-early", min: 2, have: 1 }]);
    expect(verdictOf(student({ role: "bachelor", year: undefined }), p).gaps).toEqual([{ kind: "year-unknown", min: 2, max: 3 }]);
  });

  it("asks the year only of a bachelor, and only when a program has a year rule", () => {
    const withYears = [program({ year_of_study: { min: 2 } })];
    const without = [program({ year_of_study: undefined })];
    expect(yearMatters("bachelor", withYears)).toBe(true);
    expect(yearMatters("bachelor", without)).toBe(false);
    for (const role of ["master", "doctoral", "teacher", "candidate-of-science", "young-specialist"] as const) expect(yearMatters(role, withYears)).toBe(false);
  });

  it("a candidate of science is accepted where candidates of science are, and where teachers are; a teacher is not a candidate", () => {
    const forCandidates = program({ roles: ["bachelor", "candidate-of-science"] });
    const forTeachers = program({ roles: ["teacher"] });
    const candidate = { role: "candidate-of-science" as const, certificates: [{ exam: "ielts" as const, score: 7 }], gpa: { value: 5, scale: 5 as const } };
    expect(verdictOf(candidate, forCandidates).verdict).toBe("eligible");
    expect(verdictOf(candidate, forTeachers).verdict).toBe("eligible");
    expect(verdictOf({ ...candidate, role: "teacher" }, forCandidates)).toMatchObject({ verdict: "not", gaps: [{ kind: "role", accepted: ["bachelor", "candidate-of-science"] }] });
  });

  it("a program not assessed gets no verdict at all, whoever asks", () => {
    const notAssessed = program({ assessed: false, roles: [], languages: [] }, "not-assessed");
    for (const role of ["bachelor", "teacher", "young-specialist"] as const) {
      expect(evaluateEligibility(student({ role }), [notAssessed, program({})]).map((v) => v.programId)).toEqual(["test-program"]);
    }
  });

  it("a CEFR level is met by any certificate that states one (the national certificate's B2), at the level or above", () => {
    const p = program({ languages: [{ exam: "cefr", min: 4 }] }); // B2
    const judged = (exam: "cefr" | "national" | "ielts", score: number) => verdictOf(student({ certificates: [{ exam, score }] }), p);
    expect(judged("cefr", 4).verdict).toBe("eligible");
    expect(judged("national", 5).verdict).toBe("eligible");
    expect(judged("national", 3)).toMatchObject({ verdict: "nearly", gaps: [{ kind: "language", options: [{ exam: "cefr", score: 4 }], have: { exam: "national", score: 3 } }] });
    // An IELTS score is no CEFR level: the knowledge would have to say it counts.
    expect(judged("ielts", 9)).toMatchObject({ verdict: "nearly", gaps: [{ kind: "language", have: undefined }] });
    // The national certificate asked for by name is not met by another CEFR certificate.
    expect(verdictOf(student({ certificates: [{ exam: "cefr", score: 5 }] }), program({ languages: [{ exam: "national", min: 4 }] })).verdict).toBe("nearly");
  });

  it("judges the shipped programs: a third-year bachelor with IELTS 6.0 and GPA 4.3", () => {
    const programs = kb.entries.filter((e): e is ProgramEntry => e.type === "program");
    const results = evaluateEligibility({ role: "bachelor", year: 3, gpa: { value: 4.3, scale: 5 }, certificates: [{ exam: "ielts", score: 6.0 }] }, programs);
    expect(results.find((r) => r.programId === "erasmus-mundus")?.verdict).toBe("eligible");
    expect(results.every((r) => r.toConfirm)).toBe(true); // every shipped criterion is still to be confirmed
    expect(results.map((r) => r.programId)).not.toContain("koica"); // KOICA brings teachers to JSPU: no one qualifies for it
  });

  it("judges the shipped programs as the department's text says", () => {
    const programs = kb.entries.filter((e): e is ProgramEntry => e.type === "program");
    const verdicts = (applicant: Applicant) => Object.fromEntries(evaluateEligibility(applicant, programs).map((v) => [v.programId, v]));
    // A teacher who is a candidate of science: the China internships are open (any gap is a certificate, not who they are).
    const candidate = verdicts({ role: "candidate-of-science", certificates: [{ exam: "hsk", score: 4 }] });
    expect(candidate["china-internship"]?.verdict).toBe("eligible");
    expect(candidate["erasmus-mundus"]?.gaps.map((g) => g.kind)).not.toContain("role");
    expect(candidate.koica).toBeUndefined();
    // A teacher without the degree is not among those the agreement names.
    expect(verdicts({ role: "teacher", certificates: [{ exam: "hsk", score: 4 }] })["china-internship"]?.verdict).toBe("not");
    // A first-year master's student is never refused Erasmus for the year.
    const master = verdicts({ role: "master", year: 1, gpa: { value: 4.5, scale: 5 }, certificates: [{ exam: "ielts", score: 6 }] });
    expect(master["erasmus-mundus"]).toMatchObject({ verdict: "eligible", gaps: [] });
    // A first-year bachelor is told the year Erasmus starts from.
    const bachelor = verdicts({ role: "bachelor", year: 1, gpa: { value: 4.5, scale: 5 }, certificates: [{ exam: "ielts", score: 6 }] });
    expect(bachelor["erasmus-mundus"]).toMatchObject({ verdict: "nearly", gaps: [{ kind: "year-too-early", min: 2, have: 1 }] });
  });
});

describe("eligibility thresholds: at the minimum qualifies, one step under does not, one step over does", () => {
  it.each([1, 2, 3])("year of study %d against a minimum of 2", (year) => {
    const { verdict, gaps } = verdictOf(student({ year }), program({ year_of_study: { min: 2 } }));
    if (year < 2) expect(gaps).toEqual([{ kind: "year-too-early", min: 2, have: year }]);
    else expect({ verdict, gaps }).toEqual({ verdict: "eligible", gaps: [] });
  });

  it.each([2, 3, 4])("year of study %d against a maximum of 3", (year) => {
    const { verdict, gaps } = verdictOf(student({ year }), program({ year_of_study: { max: 3 } }));
    if (year > 3) expect({ verdict, gaps }).toEqual({ verdict: "not", gaps: [{ kind: "year-too-late", max: 3, have: year }] });
    else expect({ verdict, gaps }).toEqual({ verdict: "eligible", gaps: [] });
  });

  // Each exam at its minimum, a step (EXAMS[exam].step) under it and a step over it.
  it.each([
    ["ielts", 5.5, 5.0, 6.0],
    ["toefl", 72, 71, 73],
    ["topik", 3, 2, 4],
    ["hsk", 4, 3, 5],
    ["russian", 2, 1, 3],
  ] as const)("%s with a minimum of %d", (exam, min, under, over) => {
    const p = program({ languages: [{ exam, min }] });
    const judged = (score: number) => verdictOf(student({ certificates: [{ exam, score }] }), p);
    expect(judged(min)).toMatchObject({ verdict: "eligible", gaps: [] });
    expect(judged(over)).toMatchObject({ verdict: "eligible", gaps: [] });
    expect(judged(under)).toMatchObject({ verdict: "nearly", gaps: [{ kind: "language", options: [{ exam, score: min }], have: { exam, score: under } }] });
  });

  it.each([
    ["on a 5-point scale", { value: 4.0, scale: 5 }, { value: 3.9, scale: 5 }, { value: 4.1, scale: 5 }],
    ["on a 100-point scale", { value: 80, scale: 100 }, { value: 79, scale: 100 }, { value: 81, scale: 100 }],
    ["of 100 against a minimum of 5", { value: 4.0, scale: 5 }, { value: 79, scale: 100 }, { value: 81, scale: 100 }],
    ["of 5 against a minimum of 100", { value: 80, scale: 100 }, { value: 3.95, scale: 5 }, { value: 4.05, scale: 5 }],
  ] as const)("GPA %s", (_, min, under, over) => {
    const p = program({ min_gpa: min });
    const judged = (gpa: { value: number; scale: 5 | 100 }) => verdictOf(student({ gpa }), p);
    // The minimum itself, given on the program's own scale.
    expect(judged(min)).toMatchObject({ verdict: "eligible", gaps: [] });
    expect(judged(over)).toMatchObject({ verdict: "eligible", gaps: [] });
    expect(judged(under)).toMatchObject({ verdict: "nearly", gaps: [{ kind: "gpa", need: min, have: under }] });
  });
});
