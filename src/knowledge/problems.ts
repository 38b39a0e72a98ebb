/**
 * What is wrong with a knowledge base, said so staff can act on it: the file,
 * the line and column of a YAML slip, the field, and what was expected.
 */
export interface KnowledgeProblem {
  file: string;
  /** 1-based, where a slip in the YAML itself is. */
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. "title.ru"; absent for whole-file problems. */
  field?: string;
  message: string;
}

export const formatProblem = (p: KnowledgeProblem): string =>
  `${p.file}${p.line === undefined ? "" : `, line ${p.line}, column ${p.column}`}: ${p.field ? `${p.field}: ` : ""}${p.message}`;

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeError";
  }
}
