/**
 * Deadline reminders students asked for on a program's card. A reminder is
 * claimed (sent_at set) in the same statement that finds it due, before it is
 * sent: a crash or a second job can lose one, but never send one twice.
 */
import type { Db } from "./database.js";

export interface Reminder {
  userId: number;
  programId: string;
  /** YYYY-MM-DD: the deadline it reminds of. */
  deadline: string;
  remindAt: number;
  sentAt: number | null;
}

interface ReminderRow {
  user_id: number;
  program_id: string;
  deadline: string;
  remind_at: number;
  sent_at: number | null;
}

const toReminder = (row: ReminderRow): Reminder => ({
  userId: row.user_id,
  programId: row.program_id,
  deadline: row.deadline,
  remindAt: row.remind_at,
  sentAt: row.sent_at,
});

export class ReminderStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      add: db.prepare<[number, string, string, number]>(`INSERT OR IGNORE INTO reminders (user_id, program_id, deadline, remind_at) VALUES (?, ?, ?, ?)`),
      find: db.prepare<[number, string, string], ReminderRow>(`SELECT * FROM reminders WHERE user_id = ? AND program_id = ? AND deadline = ?`),
      cancel: db.prepare<[number, string]>(`DELETE FROM reminders WHERE user_id = ? AND program_id = ? AND sent_at IS NULL`),
      claimDue: db.prepare<{ now: number; limit: number }, ReminderRow>(`
        UPDATE reminders SET sent_at = :now
        WHERE (user_id, program_id, deadline) IN (
          SELECT user_id, program_id, deadline FROM reminders
          WHERE sent_at IS NULL AND remind_at <= :now ORDER BY remind_at LIMIT :limit)
        RETURNING *`),
      forgetSent: db.prepare<[number]>(`DELETE FROM reminders WHERE sent_at < ?`),
      dueIfUnpublished: db.prepare<{ now: number; published: string }>(`
        UPDATE reminders SET remind_at = :now
        WHERE sent_at IS NULL AND remind_at > :now
          AND program_id || ' ' || deadline NOT IN (SELECT value FROM json_each(:published))`),
      release: db.prepare<[number, string, string]>(`UPDATE reminders SET sent_at = NULL WHERE user_id = ? AND program_id = ? AND deadline = ?`),
    };
  }

  /** Returns false when this user already has a reminder of this deadline (sent or not). */
  add(userId: number, programId: string, deadline: string, remindAt: number): boolean {
    return this.statements.add.run(userId, programId, deadline, remindAt).changes > 0;
  }

  find(userId: number, programId: string, deadline: string): Reminder | undefined {
    const row = this.statements.find.get(userId, programId, deadline);
    return row && toReminder(row);
  }

  /** Drops the user's reminders of a program not sent yet; returns how many. */
  cancel(userId: number, programId: string): number {
    return this.statements.cancel.run(userId, programId).changes;
  }

  /** Marks up to `limit` due reminders as sent and returns them, earliest first: the caller sends them. */
  claimDue(now: number, limit: number): Reminder[] {
    return this.statements.claimDue.all({ now, limit }).map(toReminder).sort((a, b) => a.remindAt - b.remindAt);
  }

  /** Gives a claimed reminder back, unsent: only when it surely did not go out (the job stopped first, Telegram said wait, the network refused the connection). */
  release(reminder: Pick<Reminder, "userId" | "programId" | "deadline">): void {
    this.statements.release.run(reminder.userId, reminder.programId, reminder.deadline);
  }

  /**
   * After the knowledge changed: reminders waiting for a deadline that is no
   * longer published fall due now, so the job moves them to their program's
   * next deadline (or drops them) at its next look, also when the deadline
   * moved earlier than the old reminder's time. `published`: "programId date"
   * for every deadline of the base. Returns how many.
   */
  dueIfUnpublished(published: readonly string[], now = Date.now()): number {
    return this.statements.dueIfUnpublished.run({ now, published: JSON.stringify(published) }).changes;
  }

  /** Reminders sent long ago (their deadlines have passed) are not kept. Returns how many were forgotten. */
  forgetSent(olderThanMs = 90 * 24 * 3600_000, now = Date.now()): number {
    return this.statements.forgetSent.run(now - olderThanMs).changes;
  }
}
