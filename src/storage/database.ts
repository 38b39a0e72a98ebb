/**
 * Opens the SQLite database: WAL so the bot, backups and tools can read while
 * it writes; a busy timeout so a brief lock waits instead of failing; and the
 * schema brought up to date by the versioned migrations.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { redactSecrets } from "../secrets.js";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // For migrations that scrub secrets already stored.
  db.function("redact_secrets", { deterministic: true }, (text: unknown) => (typeof text === "string" ? redactSecrets(text) : text));
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`The database is at schema version ${current}, newer than this code knows (${MIGRATIONS.length}). Update the bot.`);
  }
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
  // An upgraded database is rebuilt and its WAL emptied: what a migration replaced (a scrubbed token) must not linger in free space.
  if (current > 0 && current < MIGRATIONS.length) {
    db.exec("VACUUM");
    db.pragma("wal_checkpoint(TRUNCATE)");
  }
}
