/**
 * The updates the bot has handled, so that one Telegram sends again (after a
 * restart) is not handled twice. Marked in memory, written with the Store's
 * next batch.
 */
import type { BatchWriter, PendingWrites } from "./batch.js";
import type { Db } from "./database.js";

export class HandledUpdateStore implements PendingWrites {
  private readonly statements;
  /** Handled update ids not yet written, with when they were handled. */
  private readonly pending = new Map<number, number>();
  /**
   * The highest update id ever marked handled (this process is the table's
   * only writer): Telegram numbers updates in order, so a new one is above it
   * and costs no query; one that comes again (a restart, a webhook retry) is not.
   */
  private highest: number;

  constructor(
    db: Db,
    private readonly writes: BatchWriter,
  ) {
    this.highest = db.prepare<[], number | null>(`SELECT MAX(update_id) FROM handled_updates`).pluck().get() ?? -Infinity;
    this.statements = {
      isHandled: db.prepare<[number], { one: 1 }>(`SELECT 1 AS one FROM handled_updates WHERE update_id = ?`),
      markHandled: db.prepare<[number, number]>(`INSERT OR IGNORE INTO handled_updates (update_id, handled_at) VALUES (?, ?)`),
      forgetHandled: db.prepare<[number]>(`DELETE FROM handled_updates WHERE handled_at < ?`),
    };
  }

  isHandled(updateId: number): boolean {
    if (updateId > this.highest) return false;
    return this.pending.has(updateId) || this.statements.isHandled.get(updateId) !== undefined;
  }

  /**
   * Records a handled update, written at the next batch a few milliseconds
   * later (one transaction for many updates). Store.close() writes what is
   * left, so a clean stop loses nothing; a crash can forget the last few,
   * which are then handled again: never lost.
   */
  markHandled(updateId: number, now = Date.now()): void {
    if (updateId > this.highest) this.highest = updateId;
    this.pending.set(updateId, now);
    this.writes.soon();
  }

  /** Telegram keeps undelivered updates for 24 hours; older ids cannot come back. */
  forgetHandled(olderThanMs = 7 * 24 * 3600_000, now = Date.now()): number {
    this.writes.now();
    return this.statements.forgetHandled.run(now - olderThanMs).changes;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  batch() {
    const handled = [...this.pending];
    return {
      write: () => {
        for (const [id, at] of handled) this.statements.markHandled.run(id, at);
      },
      written: () => {
        for (const [id, at] of handled) if (this.pending.get(id) === at) this.pending.delete(id);
      },
    };
  }
}
