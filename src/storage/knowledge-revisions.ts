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
      history: db.prepare<[string, number], RevisionRow>(
        `SELECT revision, at, by_id, by_name FROM knowledge_revisions WHERE entry_id = ? ORDER BY id DESC LIMIT ?`,
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
    return this.statements.history.all(entryId, HISTORY_SHOWN).map((row) => ({ revision: row.revision, at: row.at, by: { id: row.by_id, name: row.by_name } }));
  }

  /** The file's text a publish left, if the entry had that revision (null: it was archived then). */
  textAt(entryId: string, revision: string): string | null | undefined {
    return this.statements.textAfter.get(entryId, revision)?.after;
  }
}
