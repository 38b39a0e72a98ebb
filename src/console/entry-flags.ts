/**
 * What the console's list of entries filters by, read from an entry as its
 * file has it (before the schema's defaults, and also when it is invalid).
 */
import { LANGS } from "../knowledge/schema.js";
import { isRecord } from "../knowledge/yaml-edit.js";

export interface EntryFlags {
  /** The entry, or any block of a program, is marked "to be confirmed". */
  toConfirm: boolean;
  /** A program without a published deadline. */
  noDeadline: boolean;
  /** A text lacks one of uz, ru, en. */
  missingTranslation: boolean;
}

/** A text object (title, a step, a note...): it has at least one of the languages; aliases are lists, not texts. */
const isText = (value: Record<string, unknown>) => LANGS.some((lang) => typeof value[lang] === "string");

function lacksTranslation(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(lacksTranslation);
  if (!isRecord(value)) return false;
  if (isText(value)) return LANGS.some((lang) => typeof value[lang] !== "string" || value[lang].trim() === "");
  return Object.values(value).some(lacksTranslation);
}

export function entryFlags(entry: Record<string, unknown> | null): EntryFlags {
  if (!entry) return { toConfirm: false, noDeadline: false, missingTranslation: false };
  const program = isRecord(entry.program) ? entry.program : undefined;
  const blocks = program ? Object.values(program).filter(isRecord) : [];
  const deadlines = program && isRecord(program.deadlines) ? program.deadlines.items : undefined;
  return {
    toConfirm: entry.to_confirm === true || blocks.some((block) => block.to_confirm === true),
    noDeadline: entry.type === "program" && !(Array.isArray(deadlines) && deadlines.length > 0),
    missingTranslation: lacksTranslation(entry),
  };
}
