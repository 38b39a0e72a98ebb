/**
 * What /stats shows: usage counters per day (which entries answered questions,
 * which guided flows were started and completed) and the figures read from
 * the other tables (users, unanswered queries).
 */
import { DAY_MS, tashkentDate } from "../time/tashkent.js";
import type { BestEffortWrites } from "./best-effort.js";
import type { Db } from "./database.js";
import type { UiLang } from "./users.js";

/** entry-answered: an entry's card shown as the answer to a typed question (subject: the entry id). */
export type UsageKind = "entry-answered" | "flow-started" | "flow-completed";

export interface UserFigures {
  total: number;
  blocked: number;
  /** Users who have not blocked the bot, by the language they read it in; "none" until they choose. */
  byLang: Record<UiLang | "none", number>;
  /** First seen in the recent days asked for. */
  newSince: number;
  /** Not blocked, and seen in the recent days asked for. */
  activeSince: number;
}

interface PendingCount {
  kind: UsageKind;
  subject: string;
  day: string;
  count: number;
}

export interface Tally {
  subject: string;
  count: number;
}

/** The day of a time in Tashkent, the department's day, as usage_counts stores it. */
export const dayOf = tashkentDate;

/** The first day of the `days` days that end today (today included). */
export const firstDayOf = (days: number, now = Date.now()): string => dayOf(now - (days - 1) * DAY_MS);

/** Events are written together this long after the first of them (and before any read, and on close). */
const FLUSH_MS = 25;

export class UsageStore {
  private readonly statements;
  private readonly write: (counts: Iterable<PendingCount>) => void;
  /** What record(…, once) has counted today, so a repeat by the same user is not counted again. */
  private counted = { day: "", keys: new Set<string>() };
  /** Events not yet written, by counter. */
  private pending = new Map<string, PendingCount>();
  private pendingEvents = 0;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly bestEffort: BestEffortWrites,
  ) {
    this.statements = {
      // One upsert per counter in a batch (its events of the last few milliseconds).
      add: db.prepare<[string, string, string, number]>(`
        INSERT INTO usage_counts (kind, subject, day, count) VALUES (?, ?, ?, ?)
        ON CONFLICT (kind, subject, day) DO UPDATE SET count = count + excluded.count`),
      top: db.prepare<[string, string, number], Tally>(`
        SELECT subject, SUM(count) AS count FROM usage_counts WHERE kind = ? AND day >= ?
        GROUP BY subject ORDER BY count DESC, subject LIMIT ?`),
      total: db.prepare<[string, string, string], { count: number }>(`
        SELECT COALESCE(SUM(count), 0) AS count FROM usage_counts WHERE kind = ? AND subject = ? AND day >= ?`),
      users: db.prepare<[number, number], { total: number; blocked: number; new_since: number; active_since: number }>(`
        SELECT COUNT(*) AS total, COALESCE(SUM(blocked), 0) AS blocked, COALESCE(SUM(first_seen >= ?), 0) AS new_since,
               COALESCE(SUM(blocked = 0 AND last_seen >= ?), 0) AS active_since
        FROM users`),
      byLang: db.prepare<[], { lang: UiLang | null; count: number }>(`SELECT lang, COUNT(*) AS count FROM users WHERE blocked = 0 GROUP BY lang`),
      unansweredSince: db.prepare<[number], { count: number }>(`SELECT COUNT(*) AS count FROM unanswered_queries WHERE asked_at >= ?`),
    };
    this.write = db.transaction((counts: Iterable<PendingCount>) => {
      for (const c of counts) this.statements.add.run(c.kind, c.subject, c.day, c.count);
    });
  }

  /**
   * Counts one event today (in Tashkent). With `once` (e.g. a user and a program), the
   * same key counts once a day: paging back and forth is not a new start.
   * That memory is the process's own; after a restart a repeat counts again.
   * Counted in memory and written a few milliseconds later with the others of
   * that moment, in one transaction (a write per answer was most of the
   * storage cost of answering); reads and close() write what waits first. A
   * crash loses the last few milliseconds of counts. A batch that cannot be
   * written (a full disk) is dropped: never the answer it counts.
   */
  record(kind: UsageKind, subject: string, once?: string, now = Date.now()): void {
    const day = dayOf(now);
    if (once !== undefined) {
      if (this.counted.day !== day) this.counted = { day, keys: new Set() };
      const key = `${kind}|${subject}|${once}`;
      if (this.counted.keys.has(key)) return;
      this.counted.keys.add(key);
    }
    const key = `${kind}\u0000${subject}\u0000${day}`;
    const counter = this.pending.get(key);
    if (counter) counter.count++;
    else this.pending.set(key, { kind, subject, day, count: 1 });
    this.pendingEvents++;
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Writes the counts that wait, now; never throws (a batch that cannot be written is dropped and reported). */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.size === 0) return;
    const counts = this.pending.values();
    const events = this.pendingEvents;
    this.pending = new Map();
    this.pendingEvents = 0;
    if (this.db.open) this.bestEffort.run("usage count", () => this.write(counts), events);
  }

  /** The subjects counted most since `sinceDay` (YYYY-MM-DD, included), most first. */
  top(kind: UsageKind, sinceDay: string, limit: number): Tally[] {
    this.flush();
    return this.statements.top.all(kind, sinceDay, limit);
  }

  /** How many times `subject` was counted since `sinceDay`. */
  total(kind: UsageKind, subject: string, sinceDay: string): number {
    this.flush();
    return this.statements.total.get(kind, subject, sinceDay)!.count;
  }

  /** The users, with those new and those seen in the last `recentDays` days (24 hours each, up to now). */
  users(recentDays: number, now = Date.now()): UserFigures {
    const since = now - recentDays * DAY_MS;
    const row = this.statements.users.get(since, since)!;
    const byLang: UserFigures["byLang"] = { uz: 0, "uz-cyrl": 0, ru: 0, en: 0, none: 0 };
    for (const { lang, count } of this.statements.byLang.all()) byLang[lang ?? "none"] += count;
    return { total: row.total, blocked: row.blocked, byLang, newSince: row.new_since, activeSince: row.active_since };
  }

  /** Typed questions search had no confident answer to, since `since` (unix ms). */
  unansweredSince(since: number): number {
    return this.statements.unansweredSince.get(since)!.count;
  }
}
