/**
 * The guided conversations in progress, as key-value storage for the
 * conversations plugin (there is no official better-sqlite3 adapter).
 * Written at once, not batched: a flow's progress must survive a crash.
 */
import type { Db } from "./database.js";

export class FlowStore {
  private readonly statements;
  /**
   * The keys that have a row, so the read the conversations plugin makes on
   * every update (nearly always for a chat in no flow) costs no query. This
   * process is the table's only writer; the set is read from it at start.
   */
  private readonly keys: Set<string>;

  constructor(db: Db) {
    this.keys = new Set(db.prepare<[], string>(`SELECT key FROM conversations`).pluck().all());
    this.statements = {
      read: db.prepare<[string], { state: string }>(`SELECT state FROM conversations WHERE key = ?`),
      write: db.prepare<[string, string, number]>(`
        INSERT INTO conversations (key, state, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`),
      delete: db.prepare<[string]>(`DELETE FROM conversations WHERE key = ?`),
    };
  }

  /** The state last written under `key`, as the flows wrote it. */
  read<S>(key: string): S | undefined {
    if (!this.keys.has(key)) return undefined;
    const row = this.statements.read.get(key);
    return row && (JSON.parse(row.state) as S);
  }

  write(key: string, state: unknown): void {
    this.statements.write.run(key, JSON.stringify(state), Date.now());
    this.keys.add(key);
  }

  delete(key: string): void {
    this.statements.delete.run(key);
    this.keys.delete(key);
  }
}
