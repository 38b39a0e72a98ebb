/**
 * Every query the bot makes, as named functions over prepared statements.
 * Features call these; SQL lives nowhere else.
 */
import { createLogger } from "../logger.js";
import { BestEffortWrites, type StoreLog } from "./best-effort.js";
import { BroadcastStore } from "./broadcasts.js";
import type { Db } from "./database.js";
import { LearningStore } from "./learning.js";
import { QuestionStore } from "./questions.js";
import { ReminderStore } from "./reminders.js";
import { StaffStore } from "./staff.js";
import { SubscriptionStore } from "./subscriptions.js";
import { UsageStore } from "./usage.js";

/** The language a user reads: the three of the knowledge base, plus Uzbek in Cyrillic script. */
export const UI_LANGS = ["uz", "uz-cyrl", "ru", "en"] as const;
export type UiLang = (typeof UI_LANGS)[number];

export interface UserRecord {
  id: number;
  firstName: string;
  username: string | null;
  languageCode: string | null;
  lang: UiLang | null;
  /**
   * The language the bot last guessed from what they typed, while they chose
   * none and their Telegram language is not one of ours; what they do without
   * typing (a button) and what is delivered to them are in it. Not a choice.
   */
  guessedLang: UiLang | null;
  firstSeen: number;
  lastSeen: number;
  blocked: boolean;
  /** Whether the bot has asked them once if they want announcements. */
  subscriptionAsked: boolean;
}

export interface SeenUser {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
}

interface UserRow {
  id: number;
  first_name: string;
  username: string | null;
  language_code: string | null;
  lang: UiLang | null;
  guessed_lang: UiLang | null;
  first_seen: number;
  last_seen: number;
  blocked: number;
  subscription_asked: number;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  firstName: row.first_name,
  username: row.username,
  languageCode: row.language_code,
  lang: row.lang,
  guessedLang: row.guessed_lang,
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  blocked: row.blocked === 1,
  subscriptionAsked: row.subscription_asked === 1,
});

/** last_seen is refreshed in the database at most this often per user: it records a visit, not every message. */
const LAST_SEEN_RESOLUTION_MS = 60_000;
/** Routine writes (handled updates, users seen) are batched into one transaction this often, and on close. */
const FLUSH_MS = 25;
/** A batch that could not be written (a full disk) is tried again after 1 s, then 2, 4... at most a minute apart. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;
const USER_CACHE_LIMIT = 100_000;

export class Store {
  readonly staff: StaffStore;
  readonly subscriptions: SubscriptionStore;
  readonly broadcasts: BroadcastStore;
  readonly reminders: ReminderStore;
  readonly questions: QuestionStore;
  readonly learning: LearningStore;
  readonly usage: UsageStore;
  private readonly statements;
  /** Users seen recently, so a busy chat costs no database work per message. */
  private readonly users = new Map<number, { record: UserRecord; writtenAt: number }>();
  /** Users to insert or refresh at the next flush. */
  private readonly pendingUsers = new Map<number, UserRecord>();
  /** Handled update ids not yet written, with when they were handled. */
  private readonly pendingHandled = new Map<number, number>();
  private flushTimer: NodeJS.Timeout | undefined;
  /** How long after the last failed batch the next try comes; 0 while batches are written. */
  private retryInMs = 0;
  private failedBatches = 0;
  /** Statistics: a failed write is dropped, never the update it belongs to. */
  readonly bestEffort: BestEffortWrites;

  /** `log` hears about writes that failed without failing an update: a batch kept and tried again, a statistic dropped. */
  constructor(
    private readonly db: Db,
    private readonly log: StoreLog = createLogger(),
  ) {
    this.statements = {
      saveUser: db.prepare<[number, string, string | null, string | null, UiLang | null, UiLang | null, number, number, number, number]>(`
        INSERT INTO users (id, first_name, username, language_code, lang, guessed_lang, first_seen, last_seen, blocked, subscription_asked)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
          first_name = excluded.first_name, username = excluded.username, language_code = excluded.language_code, lang = excluded.lang,
          guessed_lang = excluded.guessed_lang, last_seen = excluded.last_seen, blocked = excluded.blocked, subscription_asked = excluded.subscription_asked`),
      getUser: db.prepare<[number], UserRow>(`SELECT * FROM users WHERE id = ?`),
      isHandled: db.prepare<[number], { one: 1 }>(`SELECT 1 AS one FROM handled_updates WHERE update_id = ?`),
      markHandled: db.prepare<[number, number]>(`INSERT OR IGNORE INTO handled_updates (update_id, handled_at) VALUES (?, ?)`),
      forgetHandled: db.prepare<[number]>(`DELETE FROM handled_updates WHERE handled_at < ?`),
      readConversation: db.prepare<[string], { state: string }>(`SELECT state FROM conversations WHERE key = ?`),
      writeConversation: db.prepare<[string, string, number]>(`
        INSERT INTO conversations (key, state, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`),
      deleteConversation: db.prepare<[string]>(`DELETE FROM conversations WHERE key = ?`),
      checkedDocuments: db.prepare<[number, string], { document_id: string }>(`SELECT document_id FROM document_checks WHERE user_id = ? AND program_id = ?`),
      checkDocument: db.prepare<[number, string, string, number]>(`INSERT OR IGNORE INTO document_checks (user_id, program_id, document_id, checked_at) VALUES (?, ?, ?, ?)`),
      uncheckDocument: db.prepare<[number, string, string]>(`DELETE FROM document_checks WHERE user_id = ? AND program_id = ? AND document_id = ?`),
    };
    this.staff = new StaffStore(db);
    this.subscriptions = new SubscriptionStore(db);
    this.broadcasts = new BroadcastStore(db);
    this.reminders = new ReminderStore(db);
    this.questions = new QuestionStore(db);
    this.learning = new LearningStore(db);
    this.bestEffort = new BestEffortWrites(log);
    this.usage = new UsageStore(db, this.bestEffort);
  }

  /**
   * Records that a user was seen now: creates them, or refreshes their profile
   * (a user who writes has not blocked the bot). Written at the next flush.
   */
  seeUser(user: SeenUser, now = Date.now()): UserRecord {
    const cached = this.users.get(user.id);
    const record = cached?.record ?? this.pendingUsers.get(user.id) ?? this.readUser(user.id);
    const unchanged =
      record !== undefined &&
      !record.blocked &&
      record.firstName === user.firstName &&
      record.username === (user.username ?? null) &&
      record.languageCode === (user.languageCode ?? null);
    if (cached && unchanged && now - cached.writtenAt < LAST_SEEN_RESOLUTION_MS) {
      cached.record.lastSeen = now;
      return cached.record;
    }
    const fresh: UserRecord = {
      id: user.id,
      firstName: user.firstName,
      username: user.username ?? null,
      languageCode: user.languageCode ?? null,
      lang: record?.lang ?? null,
      guessedLang: record?.guessedLang ?? null,
      firstSeen: record?.firstSeen ?? now,
      lastSeen: now,
      blocked: false,
      subscriptionAsked: record?.subscriptionAsked ?? false,
    };
    this.remember(fresh, now);
    this.pendingUsers.set(fresh.id, fresh);
    this.scheduleFlush();
    return fresh;
  }

  getUser(id: number): UserRecord | undefined {
    return this.users.get(id)?.record ?? this.pendingUsers.get(id) ?? this.readUser(id);
  }

  /**
   * The changes below are written at once (with any pending batch), so what
   * reads the users table (audiences, /stats) sees them. They never throw: a
   * full disk must not cost a student the answer to /start or a button; the
   * change then waits in the batch, which is tried again. They change the
   * record in place, so the update holding it (ctx.user) sees them too.
   */
  setLanguage(id: number, lang: UiLang): void {
    this.changeUser(id, (user) => (user.lang = lang));
  }

  /**
   * The language guessed from what they typed, no choice. Written only when it
   * changes (their first words, or words in another language), never per
   * message: their button presses, deliveries and audiences follow it.
   */
  setGuessedLanguage(id: number, lang: UiLang): void {
    if (this.getUser(id)?.guessedLang !== lang) this.changeUser(id, (user) => (user.guessedLang = lang));
  }

  /** Blocked users get nothing more from the bot until they write again. */
  setBlocked(id: number, blocked: boolean): void {
    this.changeUser(id, (user) => (user.blocked = blocked));
  }

  markSubscriptionAsked(id: number): void {
    this.changeUser(id, (user) => (user.subscriptionAsked = true));
  }

  isUpdateHandled(updateId: number): boolean {
    return this.pendingHandled.has(updateId) || this.statements.isHandled.get(updateId) !== undefined;
  }

  /**
   * Records a handled update, written at the next flush a few milliseconds
   * later (one transaction for many updates). close() writes what is left, so
   * a clean stop loses nothing; a crash can forget the last few, which are
   * then handled again: never lost.
   */
  markUpdateHandled(updateId: number, now = Date.now()): void {
    this.pendingHandled.set(updateId, now);
    this.scheduleFlush();
  }

  /**
   * Key-value storage for the conversations plugin (there is no official
   * better-sqlite3 adapter). Written at once, not batched: a flow's progress
   * must survive a crash.
   */
  conversationStorage<S>(): { read(key: string): S | undefined; write(key: string, state: S): void; delete(key: string): void } {
    return {
      read: (key) => {
        const row = this.statements.readConversation.get(key);
        return row && (JSON.parse(row.state) as S);
      },
      write: (key, state) => void this.statements.writeConversation.run(key, JSON.stringify(state), Date.now()),
      delete: (key) => void this.statements.deleteConversation.run(key),
    };
  }

  /** The documents a user has ticked on a program's checklist. */
  checkedDocuments(userId: number, programId: string): Set<string> {
    return new Set(this.statements.checkedDocuments.all(userId, programId).map((row) => row.document_id));
  }

  /** Ticks or unticks a document; returns whether it is ticked now. */
  toggleDocument(userId: number, programId: string, documentId: string, now = Date.now()): boolean {
    if (this.statements.uncheckDocument.run(userId, programId, documentId).changes > 0) return false;
    this.statements.checkDocument.run(userId, programId, documentId, now);
    return true;
  }

  /** Telegram keeps undelivered updates for 24 hours; older ids cannot come back. */
  forgetHandledUpdates(olderThanMs = 7 * 24 * 3600_000, now = Date.now()): number {
    this.flush();
    return this.statements.forgetHandled.run(now - olderThanMs).changes;
  }

  /**
   * Writes every pending routine write now, in one transaction. Throws if it
   * cannot (a full disk): nothing is dropped, the batch is tried again later,
   * less often the longer it fails, until it is written.
   */
  flush(): void {
    if ((this.pendingHandled.size === 0 && this.pendingUsers.size === 0) || !this.db.open) return;
    const handled = [...this.pendingHandled];
    const users = [...this.pendingUsers.values()];
    try {
      this.db.transaction(() => {
        for (const u of users) {
          this.statements.saveUser.run(u.id, u.firstName, u.username, u.languageCode, u.lang, u.guessedLang, u.firstSeen, u.lastSeen, u.blocked ? 1 : 0, u.subscriptionAsked ? 1 : 0);
        }
        for (const [id, at] of handled) this.statements.markHandled.run(id, at);
      })();
    } catch (error) {
      this.failedBatches++;
      this.retryInMs = Math.min(RETRY_MAX_MS, 2 * this.retryInMs || RETRY_FIRST_MS);
      this.scheduleFlush();
      throw error;
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.failedBatches > 0) {
      this.log.info({ failedBatches: this.failedBatches }, "the database takes writes again: the users and handled updates kept meanwhile are written");
      this.failedBatches = 0;
      this.retryInMs = 0;
    }
    // Only what was committed leaves the queue (entries added meanwhile stay).
    for (const [id, at] of handled) if (this.pendingHandled.get(id) === at) this.pendingHandled.delete(id);
    for (const u of users) if (this.pendingUsers.get(u.id) === u) this.pendingUsers.delete(u.id);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }

  private readUser(id: number): UserRecord | undefined {
    const row = this.statements.getUser.get(id);
    return row && toUser(row);
  }

  /** Changes a known user (one never seen has nothing to change) and writes the record. */
  private changeUser(id: number, change: (user: UserRecord) => void): void {
    if (!this.db.open) return;
    const user = this.getUser(id);
    if (!user) return;
    change(user);
    this.pendingUsers.set(id, user);
    // While batches fail, the disk is not tried on every change: the next try takes it.
    if (this.failedBatches > 0) this.scheduleFlush();
    else this.flushOrReport();
  }

  /** Arms the next batch: in a few milliseconds, or after a failed one in retryInMs. */
  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.flushOrReport();
    }, this.retryInMs || FLUSH_MS);
  }

  /** flush() for writers that must not fail: a batch that cannot be written is reported, and flush() has kept it and armed the next try. */
  private flushOrReport(): void {
    try {
      this.flush();
    } catch (error) {
      this.log.error({ err: error, retryInMs: this.retryInMs }, "could not write to the database (users, handled updates): kept, and tried again");
    }
  }

  private remember(record: UserRecord, now: number): void {
    if (this.users.size >= USER_CACHE_LIMIT) this.users.clear();
    this.users.set(record.id, { record, writtenAt: now });
  }
}
