/**
 * Who qualifies for which program: a pure function of the applicant's answers
 * and each program's criteria in the knowledge base. The "Am I eligible?"
 * conversation asks the questions; this decides.
 *
 * A program is "eligible" when every criterion is met; "nearly" when what is
 * missing can still be gained (a language score, a GPA, a later year of
 * study), with exactly what is missing; "not" when the applicant's role is not
 * accepted or their year of study is past the program's. A program whose
 * eligibility is not assessed (`assessed: false`: KOICA brings foreign
 * teachers to JSPU, nobody applies to it here) gets no verdict at all.
 */
import { EXAMS, ROLE_ALSO, type Exam, type ProgramEntry, type Role } from "../knowledge/schema.js";

export interface Gpa {
  value: number;
  scale: 5 | 100;
}

export interface Certificate {
  exam: Exam;
  score: number;
}

export interface Applicant {
  role: Role;
  /** Year of study, for bachelor students (the only ones a year rule applies to). */
  year?: number;
  gpa?: Gpa;
  certificates: Certificate[];
}

/** One thing an applicant lacks for a program, with what is needed and what they have. */
export type Gap =
  | { kind: "role"; accepted: readonly Role[] }
  | { kind: "year-too-early"; min: number; have: number }
  | { kind: "year-too-late"; max: number; have: number }
  | { kind: "year-unknown"; min?: number; max?: number }
  | { kind: "gpa"; need: Gpa; have?: Gpa }
  | { kind: "language"; options: readonly Certificate[]; have?: Certificate };

export type Verdict = "eligible" | "nearly" | "not";

export interface ProgramVerdict {
  programId: string;
  verdict: Verdict;
  gaps: Gap[];
  /** The program's criteria are not confirmed by the department: say so with the verdict. */
  toConfirm: boolean;
}

/** The role a program's year_of_study applies to. */
const YEAR_RULE_ROLE: Role = "bachelor";

/** The roles a program's min_gpa applies to: students. A teacher or a young specialist has no GPA held against them. */
const GPA_RULE_ROLES: readonly Role[] = ["bachelor", "master", "doctoral"];

/** Whether the flow should ask this applicant's year: they are a bachelor student and some program has a year rule. */
export const yearMatters = (role: Role, programs: readonly ProgramEntry[]): boolean =>
  role === YEAR_RULE_ROLE && programs.some((p) => p.program.eligibility.assessed && p.program.eligibility.year_of_study);

/** Whether the flow should ask this applicant's GPA: they are a student and some program has a GPA rule. */
export const gpaMatters = (role: Role, programs: readonly ProgramEntry[]): boolean =>
  GPA_RULE_ROLES.includes(role) && programs.some((p) => p.program.eligibility.assessed && p.program.eligibility.min_gpa);

const FINAL: ReadonlySet<Gap["kind"]> = new Set(["role", "year-too-late"]);
/** A gap nothing can close (who they are, a year past the program's): what makes a program "not". */
export const shutsOut = (gap: Gap): boolean => FINAL.has(gap.kind);
const ORDER: Record<Verdict, number> = { eligible: 0, nearly: 1, not: 2 };

/**
 * Every assessed program judged for the applicant: eligible first, then
 * nearly (fewest gaps first), then not. Programs not assessed are left out.
 */
export function evaluateEligibility(applicant: Applicant, programs: readonly ProgramEntry[]): ProgramVerdict[] {
  return programs
    .filter((program) => program.program.eligibility.assessed)
    .map((program): ProgramVerdict => {
      const gaps = gapsFor(applicant, program);
      const verdict: Verdict = gaps.length === 0 ? "eligible" : gaps.some(shutsOut) ? "not" : "nearly";
      return { programId: program.id, verdict, gaps, toConfirm: program.program.eligibility.to_confirm };
    })
    .sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || a.gaps.length - b.gaps.length);
}

/** Whether a program's roles take the applicant's (a candidate of science counts as a teacher too). */
const acceptsRole = (accepted: readonly Role[], role: Role): boolean =>
  accepted.includes(role) || (ROLE_ALSO[role] ?? []).some((also) => accepted.includes(also));

function gapsFor(applicant: Applicant, program: ProgramEntry): Gap[] {
  const rules = program.program.eligibility;
  const gaps: Gap[] = [];
  if (!acceptsRole(rules.roles, applicant.role)) gaps.push({ kind: "role", accepted: rules.roles });

  const years = rules.year_of_study;
  if (years && applicant.role === YEAR_RULE_ROLE) {
    if (applicant.year === undefined) gaps.push({ kind: "year-unknown", min: years.min, max: years.max });
    else if (years.min !== undefined && applicant.year < years.min) gaps.push({ kind: "year-too-early", min: years.min, have: applicant.year });
    else if (years.max !== undefined && applicant.year > years.max) gaps.push({ kind: "year-too-late", max: years.max, have: applicant.year });
  }

  if (rules.min_gpa && GPA_RULE_ROLES.includes(applicant.role) && !(applicant.gpa && reaches(applicant.gpa, rules.min_gpa))) {
    gaps.push({ kind: "gpa", need: rules.min_gpa, have: applicant.gpa });
  }

  if (rules.languages.length > 0) {
    const options = rules.languages.map((l) => ({ exam: l.exam, score: l.min }));
    const met = options.some((need) => applicant.certificates.some((c) => counts(c, need.exam) && c.score >= need.score));
    if (!met) gaps.push({ kind: "language", options, have: closest(applicant.certificates, options) });
  }
  return gaps;
}

/**
 * Whether a certificate is one of `exam`: itself, or for a program asking for
 * a CEFR level, any certificate that states one (the national certificate's B2
 * is a B2).
 */
const counts = (certificate: Certificate, exam: Exam) =>
  certificate.exam === exam || (exam === "cefr" && EXAMS[certificate.exam].unit === "cefr");

/** Whether `have` reaches `need`, across scales (4.2 of 5 is 84 of 100), compared without float rounding. */
const reaches = (have: Gpa, need: Gpa) => have.value * need.scale >= need.value * have.scale;

/** The applicant's certificate nearest to one the program accepts ("IELTS 5.5 is needed, you have 5.0"). */
function closest(have: readonly Certificate[], options: readonly Certificate[]): Certificate | undefined {
  const progress = (c: Certificate) => Math.max(...options.filter((o) => counts(c, o.exam)).map((o) => c.score / o.score));
  return have.filter((c) => options.some((o) => counts(c, o.exam))).sort((a, b) => progress(b) - progress(a))[0];
}
