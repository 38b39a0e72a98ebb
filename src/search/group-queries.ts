/**
 * The queries search could not answer, as search reads them, and grouped
 * when they are the same question: "erazmus grant", "grant erasmus" and
 * "erasmus granti" are one question asked three times (/unanswered).
 */
import { stem, words } from "./normalize.js";
import { isStopWord } from "./stopwords.js";

/** Two keys this similar (1 - edits / length) are spellings of one word. */
const SAME_WORD = 0.75;

/**
 * A query's normal form: its search keys (normalize.ts) without stop words,
 * once each and sorted, so word order and endings do not tell repeats apart.
 * Empty when search would read nothing in it.
 */
export function normalizedQuery(text: string): string {
  const keys = words(text)
    .filter((word) => !isStopWord(word))
    .map(stem)
    .filter((key) => key.length > 1 || /\d/.test(key));
  return [...new Set(keys)].sort().join(" ");
}

export interface QueryForm {
  normalized: string;
  /** How many times it was asked. */
  count: number;
}

/**
 * Forms of the same question together: those whose keys pair up one to one
 * as spellings of the same words of the group's most asked form. Each form is
 * compared with the leaders only, never chained through another form (A like
 * B and B like C does not put A with C), so what staff attach is what they
 * read. Each group is most asked first; the groups are ordered by how often
 * they were asked in all (ties keep input order).
 */
export function groupQueries<F extends QueryForm>(forms: readonly F[]): F[][] {
  const byCount = forms.map((form, i) => ({ form, i, keys: form.normalized.split(" ") })).sort((a, b) => b.form.count - a.form.count || a.i - b.i);
  const groups: { keys: string[]; members: F[]; first: number }[] = [];
  for (const { form, i, keys } of byCount) {
    const group = groups.find((g) => sameQuestion(g.keys, keys));
    if (group) group.members.push(form);
    else groups.push({ keys, members: [form], first: i });
  }
  const total = (group: F[]) => group.reduce((sum, form) => sum + form.count, 0);
  return groups.sort((a, b) => total(b.members) - total(a.members) || a.first - b.first).map((g) => g.members);
}

/** Every key of one has its own near-identical key in the other. */
function sameQuestion(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const unused = [...b];
  for (const key of a) {
    let best = -1;
    let bestSimilarity = SAME_WORD;
    unused.forEach((other, i) => {
      // Numbers are not misspelt: 2024 and 2025 are different questions.
      const s = /\d/.test(key) || /\d/.test(other) ? Number(key === other) : similarity(key, other);
      if (s >= bestSimilarity) [best, bestSimilarity] = [i, s];
    });
    if (best < 0) return false;
    unused.splice(best, 1);
  }
  return true;
}

/**
 * 1 for the same word, less by each edit (insertion, deletion, substitution,
 * two letters swapped: "documnets") relative to the longer one.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > longer * (1 - SAME_WORD)) return 0;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, beforePrevious[j - 2]! + 1);
    }
    [beforePrevious, previous] = [previous, current];
  }
  return 1 - previous[b.length]! / longer;
}
