/**
 * Reading what an applicant types: a GPA ("4.2", "4,2", "85", "85/100") and an
 * exam score. A value that cannot be right gets a reason, so the question can
 * be asked again with a clear message.
 */
import { EXAMS, type Exam } from "../knowledge/schema.js";
import type { Gpa } from "./rules.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: "not-a-number" | "out-of-range" };

const NUMBER = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:\/\s*(5|100)\s*)?$/;

/** A GPA on the scale the applicant chose (5 or 100), unless they wrote it ("85/100"). */
export function parseGpa(text: string, scale: 5 | 100): Parsed<Gpa> {
  const match = NUMBER.exec(text.replace(/\s+(?:out of|из|dan)\s+/i, "/"));
  if (!match) return { ok: false, reason: "not-a-number" };
  const value = Number(match[1]!.replace(",", "."));
  const stated = match[2] ? (Number(match[2]) as 5 | 100) : scale;
  if (value <= 0 || value > stated) return { ok: false, reason: "out-of-range" };
  return { ok: true, value: { value, scale: stated } };
}

/** A score of the given exam (IELTS 0-9 by halves, TOEFL 0-120, levels 1-6 or 1-4): one the exam can give. */
export function parseScore(exam: Exam, text: string): Parsed<number> {
  const match = NUMBER.exec(text);
  if (!match || match[2]) return { ok: false, reason: "not-a-number" };
  const value = Number(match[1]!.replace(",", "."));
  const { min, max, step } = EXAMS[exam];
  if (value < min || value > max || !Number.isInteger(value / step)) return { ok: false, reason: "out-of-range" };
  return { ok: true, value };
}
