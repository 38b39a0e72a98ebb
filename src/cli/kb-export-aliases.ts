/**
 * `npm run kb:export-aliases [-- --dry-run]`: writes the aliases staff taught
 * the bot (/unanswered, kept in the database) into the knowledge files, so
 * they are part of the base and its history. Each alias is exported once;
 * `--dry-run` only prints what would change.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addAliases } from "../knowledge/alias-export.js";
import { checkKnowledge } from "../knowledge/check.js";
import type { LearnedAlias } from "../knowledge/learned-aliases.js";
import { loadKnowledge, type KnowledgeBase } from "../knowledge/load.js";
import { formatProblem, KnowledgeError } from "../knowledge/problems.js";
import { FOLDER_OF_TYPE } from "../knowledge/schema.js";
import { openDatabase } from "../storage/database.js";
import { LearningStore } from "../storage/learning.js";

const dryRun = process.argv.includes("--dry-run");
const databasePath = process.env.DATABASE_PATH || "./data/bot.sqlite";
const dir = process.env.KNOWLEDGE_DIR || "knowledge";

if (!existsSync(databasePath)) {
  console.error(`No database at ${databasePath}: set DATABASE_PATH to the bot's database file.`);
  process.exit(1);
}
const kb = loadOrExit(dir);
const db = openDatabase(databasePath);
try {
  const learning = new LearningStore(db);
  const byEntry = new Map<string, LearnedAlias[]>();
  for (const alias of learning.unexportedAliases()) byEntry.set(alias.entryId, [...(byEntry.get(alias.entryId) ?? []), alias]);
  let written = 0;
  /** Each file as it was, to put back if the base does not check out afterwards; and what was exported. */
  const originals = new Map<string, string>();
  const exported: LearnedAlias[] = [];
  try {
    for (const [entryId, aliases] of byEntry) {
      const file = fileOf(kb, entryId);
      if (!file) {
        console.warn(`! ${entryId}: no such entry in ${dir} any more; its ${aliases.length} alias(es) are kept in the database`);
        continue;
      }
      const original = readFileSync(file, "utf8");
      const edit = addAliases(original, aliases);
      for (const { lang, alias } of edit.added) console.log(`+ ${file}: aliases.${lang}: ${alias}`);
      for (const { lang, alias } of edit.present) console.log(`= ${file}: aliases.${lang} already has ${alias}`);
      exported.push(...aliases);
      if (dryRun || edit.added.length === 0) continue;
      originals.set(file, original);
      writeFileSync(file, edit.text);
      written += edit.added.length;
    }
  } catch (error) {
    // A file the export could not edit: put back the ones already written, and change nothing.
    for (const [file, text] of originals) writeFileSync(file, text);
    throw error;
  }
  if (byEntry.size === 0) console.log("✓ Nothing to export: every learned alias is already in the knowledge files.");
  else if (dryRun) console.log("Dry run: nothing was changed.");
  else {
    const { problems } = checkKnowledge(dir);
    if (problems.length > 0) {
      // Put every file back, and keep the aliases unexported: the next run tries again.
      for (const [file, text] of originals) writeFileSync(file, text);
      console.error(`✗ ${dir} would have problems after the export, so nothing was changed:`);
      for (const problem of problems) console.error(`  - ${formatProblem(problem)}`);
      process.exitCode = 1;
    } else {
      learning.markExported(exported);
      console.log(`✓ ${written} alias(es) written into ${originals.size} file(s); ${dir} is valid.`);
    }
  }
} finally {
  db.close();
}

function loadOrExit(folder: string): KnowledgeBase {
  try {
    return loadKnowledge(folder);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.error(`✗ ${folder} has problems; fix them first (npm run kb:check):`);
    for (const problem of error.problems) console.error(`  - ${formatProblem(problem)}`);
    process.exit(1);
  }
}

/** The entry's file: knowledge/<type folder>/<id>.yaml (or .yml). */
function fileOf(base: KnowledgeBase, entryId: string): string | undefined {
  const entry = base.byId.get(entryId);
  if (!entry) return undefined;
  return [".yaml", ".yml"].map((ext) => join(dir, FOLDER_OF_TYPE[entry.type], `${entryId}${ext}`)).find((path) => existsSync(path));
}
