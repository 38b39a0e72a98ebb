/** Every publish of a knowledge entry from the console: who, when, and the entry's file before and after. */
import type { Db } from "./database.js";

export interface Publisher {
  /** Telegram user id. */
  id: number;
  name: string;
}

export interface KnowledgeRevision {
  revision: string;
  /** Unix ms. */
  at: number;
  by: Publisher;
  /** Set on the publish that created the entry (nothing before it to bring back). */
  created?: true;
}

/** One publish with the entry's file before and after it (null: there was no file, created or archived). */
export interface KnowledgeChange extends KnowledgeRevision {
  before: string | null;
  after: string | null;
}

interface RevisionRow {
  revision: string;
  at: number;
  by_id: number;
  by_name: string;
}

/** History pages show this many publishes of an entry, the newest. */
const HISTORY_SHOWN = 200;

export class KnowledgeRevisionStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      add: db.prepare<[string, string, number, string, number, string | null, string | null]>(
        `INSERT INTO knowledge_revisions (entry_id, revision, by_id, by_name, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      history: db.prepare<[string, number], RevisionRow & { created: 0 | 1 }>(
        `SELECT revision, at, by_id, by_name, before IS NULL AS created FROM knowledge_revisions WHERE entry_id = ? ORDER BY id DESC LIMIT ?`,
      ),
      change: db.prepare<[string, string, number, number], RevisionRow & { before: string | null; after: string | null }>(
        `SELECT revision, at, by_id, by_name, before, after FROM knowledge_revisions
         WHERE entry_id = ? AND revision = ? AND (? = 0 OR at = ?) ORDER BY id DESC LIMIT 1`,
      ),
      textAfter: db.prepare<[string, string], { after: string | null }>(
        `SELECT after FROM knowledge_revisions WHERE entry_id = ? AND revision = ? ORDER BY id DESC LIMIT 1`,
      ),
    };
  }

  record(entryId: string, revision: string, by: Publisher, before: string | null, after: string | null, now = Date.now()): void {
    this.statements.add.run(entryId, revision, by.id, by.name, now, before, after);
  }

  /** The entry's publishes, newest first. */
  history(entryId: string): KnowledgeRevision[] {
    return this.statements.history
      .all(entryId, HISTORY_SHOWN)
      .map((row) => ({ revision: row.revision, at: row.at, by: { id: row.by_id, name: row.by_name }, ...(row.created ? { created: true as const } : {}) }));
  }

  /**
   * A publish of the entry with its file's text before and after. A revert
   * publishes an earlier text again, with the same revision: `at` (from the
   * history) says which of them; without it, the latest.
   */
  change(entryId: string, revision: string, at?: number): KnowledgeChange | undefined {
    const row = this.statements.change.get(entryId, revision, at ?? 0, at ?? 0);
    return row && { revision: row.revision, at: row.at, by: { id: row.by_id, name: row.by_name }, before: row.before, after: row.after };
  }

  /** The file's text a publish left, if the entry had that revision (null: it was archived then). */
  textAt(entryId: string, revision: string): string | null | undefined {
    return this.statements.textAfter.get(entryId, revision)?.after;
  }
}
