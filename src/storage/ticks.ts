/** The documents each student has ticked on a program's checklist (How to apply), remembered per student. */
import type { Db } from "./database.js";

export class DocumentTickStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      ticked: db.prepare<[number, string], { document_id: string }>(`SELECT document_id FROM document_checks WHERE user_id = ? AND program_id = ?`),
      tick: db.prepare<[number, string, string, number]>(`INSERT OR IGNORE INTO document_checks (user_id, program_id, document_id, checked_at) VALUES (?, ?, ?, ?)`),
      untick: db.prepare<[number, string, string]>(`DELETE FROM document_checks WHERE user_id = ? AND program_id = ? AND document_id = ?`),
    };
  }

  /** The documents a user has ticked on a program's checklist. */
  ticked(userId: number, programId: string): Set<string> {
    return new Set(this.statements.ticked.all(userId, programId).map((row) => row.document_id));
  }

  /** Ticks or unticks a document; returns whether it is ticked now. */
  toggle(userId: number, programId: string, documentId: string, now = Date.now()): boolean {
    if (this.statements.untick.run(userId, programId, documentId).changes > 0) return false;
    this.statements.tick.run(userId, programId, documentId, now);
    return true;
  }
}
