/**
 * The answers search gave to typed questions, and whether the student found
 * each helpful ("Was this helpful?" under the answer; /stats shows the share
 * per week). The question is kept as the unanswered log keeps one (at most
 * MAX_LOGGED_LENGTH characters, without characters that show nothing), so a
 * "not helpful" can go to /unanswered; nothing else of the student is kept.
 */
import type { Lang } from "../knowledge/schema.js";
import { withoutInvisibles } from "../search/normalize.js";
import { DAY_MS, TASHKENT_OFFSET_MS, tashkentDate } from "../time/tashkent.js";
import type { BestEffortWrites } from "./best-effort.js";
import type { Db } from "./database.js";
import { MAX_LOGGED_LENGTH } from "./learning.js";

export interface NewAnswer {
  userId: number;
  /** As typed. */
  query: string;
  /** The language search read it in. */
  lang: Lang;
  /** The part of the entry the answer was about (deadlines, documents...), if any. */
  facet?: string | null;
  /** The entries shown, the answer first. */
  entryIds: readonly string[];
  /** Its row in the /unanswered log, when the answer left the question open and it was logged already. */
  unansweredId?: number;
}

export interface GivenAnswer {
  id: number;
  userId: number;
  query: string;
  /** The question was longer than MAX_LOGGED_LENGTH: `query` is its beginning (a question for a person, not a wording to learn). */
  queryCut: boolean;
  lang: Lang;
  facet: string | null;
  entryIds: string[];
  askedAt: number;
  /** undefined until the student says. */
  helpful: boolean | undefined;
  answeredAt: number | null;
  unansweredId: number | undefined;
}

/** What markHelpful did: `changed` is false when the student had already said (their first word stands). */
export type MarkedAnswer = GivenAnswer & { changed: boolean };

/** A week (Monday to Sunday in Tashkent) of votes. */
export interface HelpfulWeek {
  /** Its Monday, YYYY-MM-DD. */
  week: string;
  helpful: number;
  votes: number;
}

interface AnswerRow {
  id: number;
  user_id: number;
  query: string;
  query_cut: number;
  lang: Lang;
  facet: string | null;
  entry_ids: string;
  asked_at: number;
  helpful: number | null;
  answered_at: number | null;
  unanswered_id: number | null;
}

const toAnswer = (row: AnswerRow): GivenAnswer => ({
  id: row.id,
  userId: row.user_id,
  query: row.query,
  queryCut: row.query_cut === 1,
  lang: row.lang,
  facet: row.facet,
  entryIds: JSON.parse(row.entry_ids) as string[],
  askedAt: row.asked_at,
  helpful: row.helpful === null ? undefined : row.helpful === 1,
  answeredAt: row.answered_at,
  unansweredId: row.unanswered_id ?? undefined,
});

/** At most `max` UTF-16 units (as learning.ts counts), never half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** The Monday (YYYY-MM-DD, Tashkent) of the first of the `weeks` weeks that end with this one. */
export function firstWeekOf(weeks: number, now = Date.now()): string {
  const weekday = (new Date(now + TASHKENT_OFFSET_MS).getUTCDay() + 6) % 7; // Monday 0
  return tashkentDate(now - (weekday + 7 * (weeks - 1)) * DAY_MS);
}

/** Answers are written together this long after the first of them (and before any read, and on close). */
const FLUSH_MS = 25;

/**
 * Ids are given out before their rows are written, so a restart starts this
 * far past the last written one: ids handed out but lost with the process (a
 * crash, batches refused by a full disk) are never given out again, and an
 * old 👍/👎 never lands on a newer answer.
 */
const RESTART_ID_GAP = 100_000;

type AnswerInsert = [id: number, userId: number, query: string, queryCut: number, lang: string, facet: string | null, entryIds: string, askedAt: number, unansweredId: number | null];

export class AnswerStore {
  private readonly statements;
  private readonly write: (rows: readonly AnswerInsert[]) => void;
  private nextId: number;
  private pending: AnswerInsert[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly bestEffort: BestEffortWrites,
  ) {
    this.statements = {
      insert: db.prepare<AnswerInsert>(
        `INSERT INTO search_answers (id, user_id, query, query_cut, lang, facet, entry_ids, asked_at, unanswered_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Only the asker's own answer, and only the first word: a second press changes nothing.
      mark: db.prepare<[number, number, number, number], AnswerRow>(
        `UPDATE search_answers SET helpful = ?, answered_at = ? WHERE id = ? AND user_id = ? AND helpful IS NULL RETURNING *`,
      ),
      own: db.prepare<[number, number], AnswerRow>(`SELECT * FROM search_answers WHERE id = ? AND user_id = ?`),
      // Weeks by the time of the answer, Monday to Sunday in Tashkent: the Monday on or before its day.
      byWeek: db.prepare<[number, number], HelpfulWeek>(`
        SELECT date((asked_at + ?) / 1000, 'unixepoch', '-6 days', 'weekday 1') AS week, SUM(helpful) AS helpful, COUNT(*) AS votes
        FROM search_answers WHERE asked_at >= ? AND helpful IS NOT NULL GROUP BY week ORDER BY week`),
      lastId: db.prepare<[], { id: number | null }>(`SELECT MAX(id) AS id FROM search_answers`),
    };
    this.write = db.transaction((rows: readonly AnswerInsert[]) => {
      for (const row of rows) this.statements.insert.run(...row);
    });
    const last = this.statements.lastId.get()!.id;
    this.nextId = last === null ? 1 : last + RESTART_ID_GAP;
  }

  /**
   * Records an answer search gave; returns its id, which the answer's
   * feedback buttons carry. Kept in memory and written a few milliseconds
   * later with the others of that moment, in one transaction (a write per
   * answer was the largest storage cost of answering); reads and close()
   * write what waits first. Only a statistic: a crash loses the last few
   * milliseconds of answers, and a batch that cannot be written is dropped
   * and reported, never the answer itself.
   */
  record({ userId, query, lang, facet = null, entryIds, unansweredId }: NewAnswer, now = Date.now()): number {
    const text = withoutInvisibles(query).trim();
    const kept = cut(text, MAX_LOGGED_LENGTH);
    const id = this.nextId++;
    this.pending.push([id, userId, kept, kept === text ? 0 : 1, lang, facet, JSON.stringify(entryIds), now, unansweredId ?? null]);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
    return id;
  }

  /** Writes the answers that wait, now; never throws (a batch that cannot be written is dropped and reported). */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    if (this.db.open) this.bestEffort.run("search answer", () => this.write(rows), rows.length);
  }

  /**
   * The student's word on their own answer. Undefined when there is no such
   * answer of theirs (an old id, someone else's); `changed: false` when they
   * had said already.
   */
  markHelpful(id: number, userId: number, helpful: boolean, now = Date.now()): MarkedAnswer | undefined {
    this.flush();
    const marked = this.statements.mark.get(helpful ? 1 : 0, now, id, userId);
    if (marked) return { ...toAnswer(marked), changed: true };
    const row = this.statements.own.get(id, userId);
    return row && { ...toAnswer(row), changed: false };
  }

  /** The votes per week (Tashkent, Monday first) of the answers given since `sinceMs`, oldest first; weeks without votes are left out. */
  helpfulByWeek(sinceMs: number): HelpfulWeek[] {
    this.flush();
    return this.statements.byWeek.all(TASHKENT_OFFSET_MS, sinceMs);
  }
}
