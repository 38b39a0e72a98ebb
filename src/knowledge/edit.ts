/**
 * The knowledge files as the console edits them: an entry read as it stands
 * in its file, with a revision (a hash of the file's text, so an edit made by
 * hand changes it too); saved into its file keeping staff's comments and
 * layout, only when the whole base checks out afterwards with the rules of
 * `npm run kb:check`, and atomically (a temporary file, then a rename: a
 * crash leaves the old file or the new one, never half of one); created from
 * a template; archived into knowledge/archive/ unless other entries link to it.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { checkKnowledge } from "./check.js";
import { DEPARTMENT_CONTACT } from "./contract.js";
import { ARCHIVE_FOLDER, linksOf, type KnowledgeBase } from "./load.js";
import { formatProblem, type KnowledgeProblem } from "./problems.js";
import { ENTRY_TYPES, FOLDER_OF_TYPE, isEntryType, type Entry, type EntryType, type Localized } from "./schema.js";
import { isRecord, newYamlText, writeYamlValue } from "./yaml-edit.js";

/** What is wrong with a save: the field (dotted, "" for the whole entry) and what to do. */
export interface EditProblem {
  path: string;
  message: string;
}

/** An entry as its file has it: the data as written (before defaults), or null when the file cannot be read. */
export interface EntryInFile {
  id: string;
  type: EntryType;
  entry: Record<string, unknown> | null;
  revision: string;
}

export interface EntrySummary {
  id: string;
  type: EntryType;
  /** The title in each language, when the file can be read. */
  title: Partial<Localized> | null;
  revision: string;
  /** The data as written (what the console's list filters by), or null when the file cannot be read. */
  entry: Record<string, unknown> | null;
}

/** A file written: its text before (null for a new entry) and after (null once archived). */
export interface Published {
  ok: true;
  id: string;
  revision: string;
  before: string | null;
  after: string | null;
}

export type EditRefusal =
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "exists" }
  | { ok: false; reason: "conflict"; current: EntryInFile }
  | { ok: false; reason: "invalid"; problems: EditProblem[] }
  | { ok: false; reason: "linked"; linkedFrom: { id: string; title: Localized }[] };

export type EditResult = Published | EditRefusal;

/** The revision of an entry once archived: it has no file. */
const ARCHIVED = "archived";

/** Changes whenever the file's text does, by any hand. */
export const revisionOf = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 20);

export class KnowledgeFiles {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** Every entry file, by type then file name. */
  list(): EntrySummary[] {
    return ENTRY_TYPES.flatMap((type) =>
      this.idsOf(type).map((id) => {
        const { entry, revision } = this.read(id)!;
        const title = entry && isRecord(entry.title) ? (entry.title as Partial<Localized>) : null;
        return { id, type, title, revision, entry };
      }),
    );
  }

  read(id: string): EntryInFile | undefined {
    const file = this.find(id);
    if (!file) return undefined;
    return { id, type: file.type, entry: dataOf(file.text), revision: revisionOf(file.text) };
  }

  /** The entry's file and text, in its type's folder (.yaml or .yml). */
  find(id: string): { path: string; type: EntryType; text: string } | undefined {
    if (!/^[a-z0-9-]+$/.test(id)) return undefined;
    for (const type of ENTRY_TYPES) {
      for (const ext of [".yaml", ".yml"]) {
        const path = join(this.dir, FOLDER_OF_TYPE[type], `${id}${ext}`);
        if (existsSync(path)) return { path, type, text: readFileSync(path, "utf8") };
      }
    }
    return undefined;
  }

  /** Writes `entry` into its file, if the file is still at `revision` and the base checks out with it. */
  save(id: string, entry: unknown, revision: string): EditResult {
    const file = this.find(id);
    if (!file) return { ok: false, reason: "not-found" };
    if (revisionOf(file.text) !== revision) return { ok: false, reason: "conflict", current: this.read(id)! };
    if (!isRecord(entry)) return invalid("", "expected the entry as an object of its fields");
    return this.publish(id, file.path, file.text, textWith(file.text, entry));
  }

  /** The base as it would be with `entry` saved, or created when there is no such entry yet; nothing is written. */
  baseWith(id: string, entry: unknown): { ok: true; kb: KnowledgeBase } | EditRefusal {
    if (!isRecord(entry)) return invalid("", "expected the entry as an object of its fields");
    const file = this.find(id);
    const type = file?.type ?? entry.type;
    if (!isEntryType(type)) return invalid("type", `expected one of: ${ENTRY_TYPES.join(", ")}`);
    const path = file?.path ?? join(this.dir, FOLDER_OF_TYPE[type], `${id}.yaml`);
    const { kb, problems } = checkKnowledge(this.dir, new Map([[path, file ? textWith(file.text, entry) : newYamlText(entry as YamlValue)]]));
    if (problems.length > 0 || !kb) return { ok: false, reason: "invalid", problems: problems.map((p) => asEditProblem(p, path)) };
    return { ok: true, kb };
  }

  /** Publishes a file's whole text (a revert to an earlier revision). */
  saveText(id: string, text: string): EditResult {
    const file = this.find(id);
    if (!file) return { ok: false, reason: "not-found" };
    return this.publish(id, file.path, file.text, text);
  }

  /** A new entry's file, in its type's folder; refused when its id is taken. */
  create(entry: unknown): EditResult {
    if (!isRecord(entry)) return invalid("", "expected the entry as an object of its fields");
    const { id, type } = entry;
    if (!isEntryType(type)) return invalid("type", `expected one of: ${ENTRY_TYPES.join(", ")}`);
    if (typeof id !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return invalid("id", "expected an id of lowercase letters, digits and dashes, e.g. south-korea");
    if (this.find(id)) return { ok: false, reason: "exists" };
    const path = join(this.dir, FOLDER_OF_TYPE[type], `${id}.yaml`);
    return this.publish(id, path, null, newYamlText(entry as YamlValue));
  }

  /** Moves the entry's file to knowledge/archive/<type folder>/; refused while other entries link to it. */
  archive(id: string): EditResult {
    const file = this.find(id);
    if (!file) return { ok: false, reason: "not-found" };
    const { kb } = checkKnowledge(this.dir);
    const linkedFrom = kb ? linksTo(kb, id).map((e) => ({ id: e.id, title: e.title })) : [];
    if (linkedFrom.length > 0) return { ok: false, reason: "linked", linkedFrom };
    // The entries the bot relies on (contract.ts) are refused here.
    const { problems } = checkKnowledge(this.dir, new Map([[file.path, null]]));
    if (problems.length > 0) return { ok: false, reason: "invalid", problems: problems.map((p) => asEditProblem(p, file.path)) };
    const folder = join(this.dir, ARCHIVE_FOLDER, FOLDER_OF_TYPE[file.type]);
    mkdirSync(folder, { recursive: true });
    const target = [join(folder, `${id}.yaml`), join(folder, `${id}-${revisionOf(file.text)}.yaml`)].find((path) => !existsSync(path));
    renameSync(file.path, target ?? join(folder, `${id}-${Date.now()}.yaml`));
    return { ok: true, id, revision: ARCHIVED, before: file.text, after: null };
  }

  private publish(id: string, path: string, before: string | null, after: string): EditResult {
    if (after === before) return { ok: true, id, revision: revisionOf(after), before, after };
    const { problems } = checkKnowledge(this.dir, new Map([[path, after]]));
    if (problems.length > 0) return { ok: false, reason: "invalid", problems: problems.map((p) => asEditProblem(p, path)) };
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomically(path, after);
    return { ok: true, id, revision: revisionOf(after), before, after };
  }

  private idsOf(type: EntryType): string[] {
    let names: string[];
    try {
      names = readdirSync(join(this.dir, FOLDER_OF_TYPE[type]));
    } catch {
      return [];
    }
    return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => name.replace(/\.ya?ml$/, "")).sort();
  }
}

/** A new entry of a type, to fill in: every text to write, every fact still to be confirmed. */
export function entryTemplate(type: EntryType, id: string, today = new Date()): Record<string, unknown> {
  const write = { uz: "…", ru: "…", en: "…" };
  const base = {
    id,
    type,
    updated: today.toISOString().slice(0, 10),
    title: { ...write },
    summary: { ...write },
    body: { ...write },
    aliases: { uz: [], ru: [], en: [] },
    links: [],
    to_confirm: true,
  };
  switch (type) {
    case "program":
      return {
        ...base,
        program: {
          countries: [],
          contact: DEPARTMENT_CONTACT,
          eligibility: { to_confirm: true, roles: ["bachelor"], languages: [], notes: [] },
          steps: { to_confirm: true, items: [{ ...write }] },
          documents: { to_confirm: true, items: [] },
          deadlines: { to_confirm: true, items: [] },
        },
      };
    case "contact":
      // No phone is ever invented: the form asks for one.
      return { ...base, contact: { phones: [] } };
    default:
      return base;
  }
}

/** Entries that link to `id`: by links, or as a program's country or contact. */
function linksTo(kb: KnowledgeBase, id: string): Entry[] {
  return kb.entries.filter((e) => e.id !== id && linksOf(e).some((link) => link.target === id));
}

type YamlValue = Parameters<typeof newYamlText>[0];

/** The file's text with the entry written into it; a file broken by hand is replaced by the entry. */
function textWith(source: string, entry: Record<string, unknown>): string {
  try {
    return writeYamlValue(source, entry as YamlValue);
  } catch {
    return newYamlText(entry as YamlValue);
  }
}

/** An entry as its file's text has it (null when the text is not a YAML mapping). */
export function dataOf(text: string): Record<string, unknown> | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const data: unknown = doc.toJS();
  return isRecord(data) ? data : null;
}

const invalid = (path: string, message: string): EditRefusal => ({ ok: false, reason: "invalid", problems: [{ path, message }] });

/** A problem of the entry's own file by its field; one elsewhere (a file that links to it) with its file named. */
function asEditProblem(problem: KnowledgeProblem, path: string): EditProblem {
  if (resolve(problem.file) === path) {
    const where = problem.line === undefined ? "" : `line ${problem.line}, column ${problem.column}: `;
    return { path: problem.field ?? "", message: where + problem.message };
  }
  return { path: "", message: formatProblem(problem) };
}

/** A temporary file beside the target, flushed to disk, then renamed over it: readers see the old text or the new one. */
function writeFileAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temp, "wx");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
