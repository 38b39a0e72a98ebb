/**
 * Loads knowledge/ into memory and refuses a broken base with messages staff
 * can act on: the file, the field and what was expected, all problems at once.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, basename, extname, resolve } from "node:path";
import {
  ENTRY_TYPES,
  FOLDER_OF_TYPE,
  OUT_OF_SCOPE_FILE,
  entrySchema,
  outOfScopeSchema,
  type Entry,
  type EntryType,
  type OutOfScopeTopic,
  type ProgramEntry,
} from "./schema.js";
import { KnowledgeError, type KnowledgeProblem } from "./problems.js";
import { readYamlFile, readYamlText } from "./yaml-file.js";

export interface KnowledgeBase {
  entries: Entry[];
  byId: ReadonlyMap<string, Entry>;
  /** Ids related to each entry, both ways: a program's countries also list the program. */
  related: ReadonlyMap<string, readonly string[]>;
  /** Questions another office answers (knowledge/out-of-scope.yaml); empty when the file is absent. */
  outOfScope: readonly OutOfScopeTopic[];
}

const YAML_FILE = /\.ya?ml$/;

/** Where the console moves archived entries, inside the knowledge folder: never loaded. */
export const ARCHIVE_FOLDER = "archive";

/**
 * Files as they would be after a save, by absolute path: the new text, or
 * null for a file removed. The base is checked with them before anything is written.
 */
export type FileChanges = ReadonlyMap<string, string | null>;

/** The programs of a knowledge base, in file order. */
export const programsOf = (kb: KnowledgeBase): ProgramEntry[] => kb.entries.filter((e): e is ProgramEntry => e.type === "program");

export function loadKnowledge(dir: string, changes: FileChanges = new Map()): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const entries: { entry: Entry; file: string }[] = [];
  /** Every text read so far, once (see withOwnStrings). */
  const texts = new Map<string, string>();
  /** Ids of files that failed: links to them are not reported a second time. */
  const failed = new Set<string>();

  for (const type of ENTRY_TYPES) {
    for (const path of yamlFiles(join(dir, FOLDER_OF_TYPE[type]), problems, changes)) {
      const file = displayPath(path);
      const changed = changes.get(path);
      const source = typeof changed === "string" ? readYamlText(changed, file, problems) : readYamlFile(path, file, problems);
      const entry = source && parseEntry(source.data, file, type, problems);
      if (entry) entries.push({ entry: withOwnStrings(entry, texts), file });
      else failed.add(basename(path, extname(path)));
    }
  }
  problems.push(...strayFiles(dir));
  const outOfScope = readOutOfScope(dir, problems, texts);
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ file: dir, message: `no entries found: expected YAML files in ${Object.values(FOLDER_OF_TYPE).join("/, ")}/` });
  }

  const byId = new Map<string, Entry>();
  const fileOf = new Map<string, string>();
  for (const { entry, file } of entries) {
    const other = fileOf.get(entry.id);
    if (other) problems.push({ file, field: "id", message: `"${entry.id}" is already used by ${other}` });
    else {
      byId.set(entry.id, entry);
      fileOf.set(entry.id, file);
    }
  }

  const related = new Map<string, Set<string>>([...byId.keys()].map((id) => [id, new Set<string>()]));
  const link = (entry: Entry, field: string, target: string, expected?: EntryType) => {
    const found = byId.get(target);
    const file = fileOf.get(entry.id)!;
    if (!found && failed.has(target)) return;
    if (!found) problems.push({ file, field, message: `links to "${target}", which no entry has as its id` });
    else if (expected && found.type !== expected) problems.push({ file, field, message: `"${target}" is a ${found.type}, expected a ${expected}` });
    else if (target !== entry.id) {
      related.get(entry.id)!.add(target);
      related.get(target)!.add(entry.id);
    }
  };
  for (const entry of byId.values()) {
    for (const { field, target, expected } of linksOf(entry)) link(entry, field, target, expected);
  }

  if (problems.length > 0) throw new KnowledgeError(problems);
  return {
    entries: [...byId.values()],
    byId,
    related: new Map([...related].map(([id, set]) => [id, [...set]])),
    outOfScope,
  };
}

/** The out-of-scope topics, checked like an entry: each slip named by file, line and field. */
function readOutOfScope(dir: string, problems: KnowledgeProblem[], texts: Map<string, string>): OutOfScopeTopic[] {
  const path = join(dir, OUT_OF_SCOPE_FILE);
  if (!isFile(path)) return [];
  const file = displayPath(path);
  const source = readYamlFile(path, file, problems);
  if (!source) return [];
  const result = outOfScopeSchema.safeParse(source.data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push({ file, field: issue.path.join(".") || undefined, message: issue.message });
    return [];
  }
  const seen = new Set<string>();
  result.data.topics.forEach((topic, i) => {
    if (seen.has(topic.id)) problems.push({ file, field: `topics.${i}.id`, message: `"${topic.id}" is already used by another topic` });
    seen.add(topic.id);
  });
  return withOwnStrings(result.data.topics, texts);
}

/** Paths as staff see them: relative to where they run the command, when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}

function yamlFiles(folder: string, problems: KnowledgeProblem[], changes: FileChanges): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    names = []; // a missing folder is just a type without entries
  }
  const added = [...changes].filter(([path, text]) => text !== null && resolve(path, "..") === resolve(folder)).map(([path]) => basename(path));
  return [...new Set([...names, ...added])]
    .filter((name) => YAML_FILE.test(name))
    .map((name) => resolve(folder, name))
    .filter((path) => changes.get(path) !== null)
    .filter((path) => {
      if (changes.has(path) || isFile(path)) return true;
      problems.push({ file: displayPath(path), message: "is not a readable file" });
      return false;
    })
    .sort();
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // e.g. a broken symbolic link
  }
};

/** YAML files the loader would never read: at the top, in an unknown folder, or one level too deep. */
function strayFiles(dir: string): KnowledgeProblem[] {
  const known = new Set(Object.values(FOLDER_OF_TYPE));
  const folders = `${[...known].join("/, ")}/`;
  const problems: KnowledgeProblem[] = [];
  const walk = (folder: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      const directory = !YAML_FILE.test(name) && !isFile(path);
      if (directory && depth === 0 && name === ARCHIVE_FOLDER) continue;
      if (directory && depth === 0 && known.has(name)) walk(path, 1);
      else if (directory && depth < 2) walk(path, depth + 1);
      else if (depth === 0 && name === OUT_OF_SCOPE_FILE) continue;
      else if (YAML_FILE.test(name) && (depth !== 1 || !known.has(basename(folder)))) {
        problems.push({ file: displayPath(path), message: `is not in one of ${folders}, so it would never be loaded` });
      }
    }
  };
  walk(dir, 0);
  return problems;
}

function parseEntry(data: unknown, file: string, folderType: EntryType, problems: KnowledgeProblem[]): Entry | undefined {
  const result = entrySchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, field: issue.path.join(".") || undefined, message: issue.message });
    }
    return undefined;
  }
  const entry = result.data;
  const expectedId = basename(file, extname(file));
  if (entry.id !== expectedId) {
    // Typically a copied file whose id was not changed: report it here, not as a clash with the original.
    problems.push({ file, field: "id", message: `is "${entry.id}", expected "${expectedId}" (the file name without .yaml)` });
    return undefined;
  }
  if (entry.type !== folderType) {
    problems.push({ file, field: "type", message: `is "${entry.type}", expected "${folderType}" for a file in ${FOLDER_OF_TYPE[folderType]}/` });
    return undefined;
  }
  return entry;
}

/**
 * A copy of parsed data whose every string is its own, one string for each
 * text. The YAML parser cuts texts out of the file's text, and V8 keeps such
 * a slice's whole parent alive: a base of 5,000 files would hold every file's
 * text besides its entries (~30 MB). Re-encoding also stores a Latin text in
 * one byte a character, where a slice of a file with Cyrillic in it takes
 * two; and texts repeated across files (documents, steps, ids) are kept once.
 */
function withOwnStrings<T>(value: T, known: Map<string, string>): T {
  if (typeof value === "string") {
    let own = known.get(value);
    // Keyed by the copy: the parsed string as a key would keep its file's text alive until the whole base is read.
    if (own === undefined) known.set((own = ownString(value)), own);
    return own as T;
  }
  if (Array.isArray(value)) return value.map((item) => withOwnStrings(item, known)) as T;
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = withOwnStrings(field, known);
  return copy as T;
}

const scratch = Buffer.allocUnsafe(64 * 1024);
/** A string through UTF-8 and back: a new, flat string (a text of n characters takes at most 3n bytes). */
const ownString = (text: string): string =>
  3 * text.length <= scratch.length ? scratch.toString("utf8", 0, scratch.write(text)) : Buffer.from(text).toString();

/** Every link an entry makes, by field: its related entries, and a program's countries and contact. */
export function linksOf(entry: Entry): { field: string; target: string; expected?: EntryType }[] {
  const links: { field: string; target: string; expected?: EntryType }[] = entry.links.map((target, i) => ({ field: `links.${i}`, target }));
  if (entry.type === "program") {
    links.push(...entry.program.countries.map((target, i) => ({ field: `program.countries.${i}`, target, expected: "country" as const })));
    links.push({ field: "program.contact", target: entry.program.contact, expected: "contact" });
  }
  return links;
}
