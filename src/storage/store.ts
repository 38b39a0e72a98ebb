/**
 * Every query the bot makes, as named functions over prepared statements.
 * Features call these; SQL lives nowhere else.
 */
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
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  blocked: row.blocked === 1,
  subscriptionAsked: row.subscription_asked === 1,
});

/** last_seen is refreshed in the database at most this often per user: it records a visit, not every message. */
const LAST_SEEN_RESOLUTION_MS = 60_000;
/** Routine writes (handled updates, users seen) are batched into one transaction this often, and on close. */
const FLUSH_MS = 25;
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

  /** `onFlushError` hears about a batch that could not be written (it is kept and tried again). */
  constructor(
    private readonly db: Db,
    private readonly onFlushError: (error: unknown) => void = (error) => console.error("store: could not write a batch", error),
  ) {
    this.statements = {
      saveUser: db.prepare<[number, string, string | null, string | null, number, number, number]>(`
        INSERT INTO users (id, first_name, username, language_code, first_seen, last_seen, blocked)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
          first_name = excluded.first_name, username = excluded.username,
          language_code = excluded.language_code, last_seen = excluded.last_seen, blocked = excluded.blocked`),
      getUser: db.prepare<[number], UserRow>(`SELECT * FROM users WHERE id = ?`),
      setLanguage: db.prepare<[UiLang, number]>(`UPDATE users SET lang = ? WHERE id = ?`),
      setBlocked: db.prepare<[number, number]>(`UPDATE users SET blocked = ? WHERE id = ?`),
      markSubscriptionAsked: db.prepare<[number]>(`UPDATE users SET subscription_asked = 1 WHERE id = ?`),
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
    this.usage = new UsageStore(db);
  }

  /**
   * Records that a user was seen now: creates them, or refreshes their profile
   * (a user who writes has not blocked the bot). Written at the next flush.
   */
  seeUser(user: SeenUser, now = Date.now()): UserRecord {
    const cached = this.users.get(user.id);
    const record = cached?.record ?? this.readUser(user.id);
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
    return this.users.get(id)?.record ?? this.readUser(id);
  }

  setLanguage(id: number, lang: UiLang): void {
    if (!this.db.open) return;
    this.flush(); // the user may still be waiting to be inserted
    this.statements.setLanguage.run(lang, id);
    const cached = this.users.get(id);
    if (cached) cached.record.lang = lang;
  }

  /** Blocked users get nothing more from the bot until they write again. */
  setBlocked(id: number, blocked: boolean): void {
    if (!this.db.open) return;
    this.flush();
    this.statements.setBlocked.run(blocked ? 1 : 0, id);
    const cached = this.users.get(id);
    if (cached) cached.record.blocked = blocked;
  }

  markSubscriptionAsked(id: number): void {
    if (!this.db.open) return;
    this.flush();
    this.statements.markSubscriptionAsked.run(id);
    const cached = this.users.get(id);
    if (cached) cached.record.subscriptionAsked = true;
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

  /** Writes every pending routine write now, in one transaction; throws if it cannot (nothing is dropped). */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if ((this.pendingHandled.size === 0 && this.pendingUsers.size === 0) || !this.db.open) return;
    const handled = [...this.pendingHandled];
    const users = [...this.pendingUsers.values()];
    this.db.transaction(() => {
      for (const u of users) this.statements.saveUser.run(u.id, u.firstName, u.username, u.languageCode, u.firstSeen, u.lastSeen, u.blocked ? 1 : 0);
      for (const [id, at] of handled) this.statements.markHandled.run(id, at);
    })();
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

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      try {
        this.flush();
      } catch (error) {
        // E.g. the disk is full: keep the batch, report, and try again later.
        this.onFlushError(error);
        this.flushTimer ??= setTimeout(() => this.scheduleFlush(), 1000);
      }
    }, FLUSH_MS);
  }

  private remember(record: UserRecord, now: number): void {
    if (this.users.size >= USER_CACHE_LIMIT) this.users.clear();
    this.users.set(record.id, { record, writtenAt: now });
  }
}
