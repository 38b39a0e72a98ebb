/**
 * The users the bot has met: their Telegram profile, the language they read
 * it in, whether they blocked it. A user seen is written with the Store's next
 * batch; a change (a choice, a block) at once.
 */
import type { BatchWriter, PendingWrites } from "./batch.js";
import type { Db } from "./database.js";

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
const USER_CACHE_LIMIT = 100_000;

export class UserStore implements PendingWrites {
  private readonly statements;
  /** Users seen recently, so a busy chat costs no database work per message. */
  private readonly recent = new Map<number, { record: UserRecord; writtenAt: number }>();
  /** Users to insert or refresh at the next batch. */
  private readonly pending = new Map<number, UserRecord>();

  constructor(
    private readonly db: Db,
    private readonly writes: BatchWriter,
  ) {
    this.statements = {
      save: db.prepare<[number, string, string | null, string | null, UiLang | null, UiLang | null, number, number, number, number]>(`
        INSERT INTO users (id, first_name, username, language_code, lang, guessed_lang, first_seen, last_seen, blocked, subscription_asked)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
          first_name = excluded.first_name, username = excluded.username, language_code = excluded.language_code, lang = excluded.lang,
          guessed_lang = excluded.guessed_lang, last_seen = excluded.last_seen, blocked = excluded.blocked, subscription_asked = excluded.subscription_asked`),
      get: db.prepare<[number], UserRow>(`SELECT * FROM users WHERE id = ?`),
    };
  }

  /**
   * Records that a user was seen now: creates them, or refreshes their profile
   * (a user who writes has not blocked the bot). Written at the next batch.
   */
  see(user: SeenUser, now = Date.now()): UserRecord {
    const cached = this.recent.get(user.id);
    const record = cached?.record ?? this.pending.get(user.id) ?? this.read(user.id);
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
    this.pending.set(fresh.id, fresh);
    this.writes.soon();
    return fresh;
  }

  get(id: number): UserRecord | undefined {
    return this.recent.get(id)?.record ?? this.pending.get(id) ?? this.read(id);
  }

  /**
   * The changes below are written at once (with any pending batch), so what
   * reads the users table (audiences, /stats) sees them. They never throw: a
   * full disk must not cost a student the answer to /start or a button; the
   * change then waits in the batch, which is tried again. They change the
   * record in place, so the update holding it (ctx.user) sees them too.
   */
  setLanguage(id: number, lang: UiLang): void {
    this.change(id, (user) => (user.lang = lang));
  }

  /**
   * The language guessed from what they typed, no choice. Written only when it
   * changes (their first words, or words in another language), never per
   * message: their button presses, deliveries and audiences follow it.
   */
  setGuessedLanguage(id: number, lang: UiLang): void {
    if (this.get(id)?.guessedLang !== lang) this.change(id, (user) => (user.guessedLang = lang));
  }

  /** Blocked users get nothing more from the bot until they write again. */
  setBlocked(id: number, blocked: boolean): void {
    this.change(id, (user) => (user.blocked = blocked));
  }

  markSubscriptionAsked(id: number): void {
    this.change(id, (user) => (user.subscriptionAsked = true));
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  batch() {
    const users = [...this.pending.values()];
    return {
      write: () => {
        for (const u of users) {
          this.statements.save.run(u.id, u.firstName, u.username, u.languageCode, u.lang, u.guessedLang, u.firstSeen, u.lastSeen, u.blocked ? 1 : 0, u.subscriptionAsked ? 1 : 0);
        }
      },
      written: () => {
        for (const u of users) if (this.pending.get(u.id) === u) this.pending.delete(u.id);
      },
    };
  }

  private read(id: number): UserRecord | undefined {
    const row = this.statements.get.get(id);
    return row && toUser(row);
  }

  /** Changes a known user (one never seen has nothing to change) and writes the record. */
  private change(id: number, change: (user: UserRecord) => void): void {
    if (!this.db.open) return;
    const user = this.get(id);
    if (!user) return;
    change(user);
    this.pending.set(id, user);
    this.writes.promptly();
  }

  private remember(record: UserRecord, now: number): void {
    if (this.recent.size >= USER_CACHE_LIMIT) this.recent.clear();
    this.recent.set(record.id, { record, writtenAt: now });
  }
}
