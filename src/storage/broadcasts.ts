/**
 * Broadcasts and every recipient's delivery status. This table is the
 * delivery engine's memory: whatever it has not recorded as sent is sent
 * again after a restart, so a status is written as soon as Telegram answers.
 */
import { redactSecrets } from "../secrets.js";
import type { Db } from "./database.js";
import { SUBSCRIBER_LANG, type Audience } from "./subscriptions.js";
import type { UiLang } from "./users.js";

export type BroadcastStatus = "scheduled" | "running" | "paused" | "cancelled" | "done";
export type RecipientStatus = "pending" | "sent" | "failed" | "blocked";

/**
 * Why the engine paused a broadcast by itself (src/broadcast/outcome.ts).
 * source-missing: the message to copy is gone (the staff member deleted it).
 * bot-rejected: Telegram refuses the bot itself (401: the token was revoked; 404: a wrong TELEGRAM_API_ROOT).
 */
export type Problem = "source-missing" | "bot-rejected";

export interface Broadcast {
  id: number;
  createdBy: number;
  audience: Audience;
  sourceChatId: number;
  /** One message, or the messages of an album, in the staff member's chat. */
  messageIds: number[];
  status: BroadcastStatus;
  scheduledAt: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  progress: { chatId: number; messageId: number };
  /** The language of the staff member who sent it: progress and reports are in it. */
  lang: UiLang;
  resendOf: number | null;
  /** Why the engine paused it by itself; cleared when staff resume it. */
  problem: Problem | null;
}

export interface BroadcastDraft {
  createdBy: number;
  audience: Audience;
  sourceChatId: number;
  messageIds: number[];
  /** Unix ms; null sends now. */
  scheduledAt: number | null;
  lang: UiLang;
  /** The message that shows its progress, sent before the broadcast exists so the engine only ever edits it. */
  progress: { chatId: number; messageId: number };
}

export interface DeliveryFigures {
  total: number;
  pending: number;
  sent: number;
  failed: number;
  blocked: number;
}

interface BroadcastRow {
  id: number;
  created_by: number;
  audience: string;
  source_chat_id: number;
  message_ids: string;
  status: BroadcastStatus;
  scheduled_at: number | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  progress_chat_id: number;
  progress_message_id: number;
  lang: UiLang;
  resend_of: number | null;
  problem: Problem | null;
}

/**
 * A broadcast's failed recipients still worth a resend (named parameters :of,
 * the broadcast, and :root, the first of its family): not blocked since, still
 * subscribed to something, and not reached, nor being reached, by any
 * broadcast of the family (the first one and all its resends).
 */
const RESENDABLE = `
  FROM broadcast_recipients r JOIN users u ON u.id = r.user_id
  WHERE r.broadcast_id = :of AND r.status = 'failed' AND u.blocked = 0
    AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = r.user_id)
    AND NOT EXISTS (
      SELECT 1 FROM broadcast_recipients again JOIN broadcasts b ON b.id = again.broadcast_id
      WHERE again.user_id = r.user_id AND (b.id = :root OR b.resend_of = :root)
        AND (again.status = 'sent' OR (again.status = 'pending' AND b.status IN ('scheduled', 'running', 'paused'))))`;

const toBroadcast = (row: BroadcastRow): Broadcast => ({
  id: row.id,
  createdBy: row.created_by,
  audience: JSON.parse(row.audience) as Audience,
  sourceChatId: row.source_chat_id,
  messageIds: JSON.parse(row.message_ids) as number[],
  status: row.status,
  scheduledAt: row.scheduled_at,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  progress: { chatId: row.progress_chat_id, messageId: row.progress_message_id },
  lang: row.lang,
  resendOf: row.resend_of,
  problem: row.problem,
});

export class BroadcastStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insert: db.prepare<[number, string, number, string, string, number | null, number, number | null, UiLang, number | null, number, number]>(`
        INSERT INTO broadcasts (created_by, audience, source_chat_id, message_ids, status, scheduled_at, created_at, started_at, lang, resend_of, progress_chat_id, progress_message_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      ofMessage: db.prepare<[number, string], { id: number }>(`SELECT id FROM broadcasts WHERE source_chat_id = ? AND message_ids = ? AND resend_of IS NULL`),
      addAudience: db.prepare<{ id: number | bigint; topic: string; lang: string | null }>(`
        INSERT OR IGNORE INTO broadcast_recipients (broadcast_id, user_id)
        SELECT :id, s.user_id FROM subscriptions s JOIN users u ON u.id = s.user_id
        WHERE u.blocked = 0 AND (s.topic = 'all' OR s.topic = :topic) AND (:lang IS NULL OR ${SUBSCRIBER_LANG} = :lang)`),
      addResendable: db.prepare<{ id: number | bigint; of: number; root: number }>(`
        INSERT INTO broadcast_recipients (broadcast_id, user_id)
        SELECT :id, r.user_id ${RESENDABLE}`),
      countResendable: db.prepare<{ of: number; root: number }, { count: number }>(`SELECT COUNT(*) AS count ${RESENDABLE}`),
      get: db.prepare<[number], BroadcastRow>(`SELECT * FROM broadcasts WHERE id = ?`),
      recent: db.prepare<[number], BroadcastRow>(`SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?`),
      withStatus: db.prepare<[BroadcastStatus], BroadcastRow>(`SELECT * FROM broadcasts WHERE status = ? ORDER BY COALESCE(started_at, scheduled_at), id`),
      dueScheduled: db.prepare<[number], { id: number }>(`SELECT id FROM broadcasts WHERE status = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id`),
      start: db.prepare<[number, number]>(`UPDATE broadcasts SET status = 'running', started_at = ? WHERE id = ? AND status = 'scheduled'`),
      setStatus: db.prepare<[BroadcastStatus, number, BroadcastStatus]>(`UPDATE broadcasts SET status = ?, problem = NULL WHERE id = ? AND status = ?`),
      halt: db.prepare<[Problem, number]>(`UPDATE broadcasts SET status = 'paused', problem = ? WHERE id = ? AND status = 'running'`),
      finish: db.prepare<[number, number]>(`UPDATE broadcasts SET status = 'done', finished_at = ? WHERE id = ? AND status = 'running'`),
      cancel: db.prepare<[number, number]>(`UPDATE broadcasts SET status = 'cancelled', finished_at = ? WHERE id = ? AND status IN ('scheduled', 'running', 'paused')`),
      unreported: db.prepare<[], BroadcastRow>(`SELECT * FROM broadcasts WHERE status IN ('done', 'cancelled') AND reported_at IS NULL ORDER BY id`),
      markReported: db.prepare<[number, number]>(`UPDATE broadcasts SET reported_at = ? WHERE id = ?`),
      figures: db.prepare<[number], { status: RecipientStatus; count: number }>(`SELECT status, COUNT(*) AS count FROM broadcast_recipients WHERE broadcast_id = ? GROUP BY status`),
      due: db.prepare<[number, number, number, number], { user_id: number }>(`
        SELECT user_id FROM broadcast_recipients
        WHERE broadcast_id = ? AND status = 'pending' AND user_id > ? AND next_attempt_at <= ?
        ORDER BY user_id LIMIT ?`),
      nextAttemptAt: db.prepare<[number], { at: number | null }>(`SELECT MIN(next_attempt_at) AS at FROM broadcast_recipients WHERE broadcast_id = ? AND status = 'pending'`),
      settle: db.prepare<[RecipientStatus, string | null, number, number]>(`
        UPDATE broadcast_recipients SET status = ?, error = ? WHERE broadcast_id = ? AND user_id = ? AND status = 'pending'`),
      failedAttempt: db.prepare<[string, number, number], { attempts: number }>(`
        UPDATE broadcast_recipients SET attempts = attempts + 1, error = ? WHERE broadcast_id = ? AND user_id = ? RETURNING attempts`),
      isPending: db.prepare<[number, number], { one: 1 }>(`
        SELECT 1 AS one FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
        WHERE r.broadcast_id = ? AND r.user_id = ? AND r.status = 'pending' AND b.status = 'running'`),
      deferTo: db.prepare<[number, number, number]>(`UPDATE broadcast_recipients SET next_attempt_at = ? WHERE broadcast_id = ? AND user_id = ?`),
      progressShown: db.prepare<[number], { progress_shown: string | null }>(`SELECT progress_shown FROM broadcasts WHERE id = ?`),
      setProgressShown: db.prepare<[string, number]>(`UPDATE broadcasts SET progress_shown = ? WHERE id = ?`),
    };
  }

  /**
   * Saves a broadcast. Sent now, its recipients are fixed at once, in the same
   * transaction; scheduled, they are fixed when it starts (so students who
   * subscribe meanwhile hear it too). The same message twice (a confirmation
   * replayed after a crash) gives the broadcast already made.
   */
  create(draft: BroadcastDraft, now = Date.now()): number {
    return this.db.transaction(() => {
      const scheduled = draft.scheduledAt !== null;
      const inserted = this.statements.insert.run(
        draft.createdBy,
        JSON.stringify(draft.audience),
        draft.sourceChatId,
        JSON.stringify(draft.messageIds),
        scheduled ? "scheduled" : "running",
        draft.scheduledAt,
        now,
        scheduled ? null : now,
        draft.lang,
        null,
        draft.progress.chatId,
        draft.progress.messageId,
      );
      if (inserted.changes === 0) return this.statements.ofMessage.get(draft.sourceChatId, JSON.stringify(draft.messageIds))!.id;
      const id = inserted.lastInsertRowid;
      if (!scheduled) this.statements.addAudience.run({ id, topic: draft.audience.topic, lang: draft.audience.lang ?? null });
      return Number(id);
    })();
  }

  /**
   * A new broadcast of the same message to another's failed recipients: those
   * who have not blocked the bot since, and whom no earlier resend of it has
   * reached or is reaching. Undefined when there are none.
   */
  createResend(of: Broadcast, createdBy: number, lang: UiLang, progress: { chatId: number; messageId: number }, now = Date.now()): number | undefined {
    try {
      return this.db.transaction(() => {
        const root = of.resendOf ?? of.id;
        const row = [createdBy, JSON.stringify(of.audience), of.sourceChatId, JSON.stringify(of.messageIds), "running", null, now, now, lang, root, progress.chatId, progress.messageId] as const;
        const { lastInsertRowid: id } = this.statements.insert.run(...row);
        // Throwing rolls the empty broadcast back.
        if (this.statements.addResendable.run({ id, of: of.id, root }).changes === 0) throw new NothingToResend();
        return Number(id);
      })();
    } catch (error) {
      if (error instanceof NothingToResend) return undefined;
      throw error;
    }
  }

  /** Starts a scheduled broadcast, fixing its recipients; false if it was already started or cancelled (it fires once). */
  startScheduled(id: number, now = Date.now()): boolean {
    return this.db.transaction(() => {
      const broadcast = this.get(id);
      if (!broadcast || this.statements.start.run(now, id).changes === 0) return false;
      this.statements.addAudience.run({ id, topic: broadcast.audience.topic, lang: broadcast.audience.lang ?? null });
      return true;
    })();
  }

  get(id: number): Broadcast | undefined {
    const row = this.statements.get.get(id);
    return row && toBroadcast(row);
  }

  recent(limit = 10): Broadcast[] {
    return this.statements.recent.all(limit).map(toBroadcast);
  }

  withStatus(status: BroadcastStatus): Broadcast[] {
    return this.statements.withStatus.all(status).map(toBroadcast);
  }

  dueScheduled(now = Date.now()): number[] {
    return this.statements.dueScheduled.all(now).map((row) => row.id);
  }

  /** Moves a broadcast from one status to another; false if it was not in `from`. */
  transition(id: number, from: BroadcastStatus, to: BroadcastStatus): boolean {
    return this.statements.setStatus.run(to, id, from).changes > 0;
  }

  /** The engine pauses a broadcast every recipient of which would fail the same way, saying why. */
  halt(id: number, problem: Problem): void {
    this.statements.halt.run(problem, id);
  }

  finish(id: number, now = Date.now()): boolean {
    return this.statements.finish.run(now, id).changes > 0;
  }

  /** Cancels a broadcast that has not finished; its pending recipients stay unsent. */
  cancel(id: number, now = Date.now()): boolean {
    return this.statements.cancel.run(now, id).changes > 0;
  }

  /** How many recipients a resend of this broadcast would reach now (see createResend). */
  resendable(broadcast: Broadcast): number {
    return this.statements.countResendable.get({ of: broadcast.id, root: broadcast.resendOf ?? broadcast.id })!.count;
  }

  /** Finished or cancelled broadcasts whose final report has not gone out yet (a crash can come in between). */
  unreported(): Broadcast[] {
    return this.statements.unreported.all().map(toBroadcast);
  }

  markReported(id: number, now = Date.now()): void {
    this.statements.markReported.run(now, id);
  }

  figures(id: number): DeliveryFigures {
    const figures: DeliveryFigures = { total: 0, pending: 0, sent: 0, failed: 0, blocked: 0 };
    for (const { status, count } of this.statements.figures.all(id)) {
      figures[status] = count;
      figures.total += count;
    }
    return figures;
  }

  /** Pending recipients due by `now`, in user id order after `afterUserId`. */
  due(id: number, now: number, afterUserId: number, limit: number): number[] {
    return this.statements.due.all(id, afterUserId, now, limit).map((row) => row.user_id);
  }

  /** When the earliest pending recipient is due; undefined when none is pending. */
  nextAttemptAt(id: number): number | undefined {
    return this.statements.nextAttemptAt.get(id)?.at ?? undefined;
  }

  /** Records a final outcome for a recipient (written at once: see the top of this file); no bot token is kept in the error. */
  settle(id: number, userId: number, status: Exclude<RecipientStatus, "pending">, error: string | null = null): void {
    this.statements.settle.run(status, error === null ? null : redactSecrets(error), id, userId);
  }

  /** Records an attempt that failed for a passing reason (a network error quotes the request URL: no bot token is kept); returns how many have failed so far. */
  recordFailedAttempt(id: number, userId: number, error: string): number {
    return this.statements.failedAttempt.get(redactSecrets(error), id, userId)?.attempts ?? 0;
  }

  /** Still to be sent, now: not withdrawn by a /stop, and the broadcast not paused or cancelled since the engine fetched it. */
  isPending(id: number, userId: number): boolean {
    return this.statements.isPending.get(id, userId) !== undefined;
  }

  /** The recipient stays pending, and is not tried again before `at`. */
  deferTo(id: number, userId: number, at: number): void {
    this.statements.deferTo.run(at, id, userId);
  }

  /** What the broadcast's progress message shows (a digest the bot made), once the bot has edited it. */
  progressShown(id: number): string | undefined {
    return this.statements.progressShown.get(id)?.progress_shown ?? undefined;
  }

  setProgressShown(id: number, digest: string): void {
    this.statements.setProgressShown.run(digest, id);
  }
}

class NothingToResend extends Error {}
