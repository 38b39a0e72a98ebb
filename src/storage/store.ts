/**
 * Every query the bot makes, as named functions over prepared statements.
 * Features call these; SQL lives nowhere else.
 */
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
  firstSeen: number;
  lastSeen: number;
  blocked: boolean;
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
});

export class Store {
  private readonly statements;

  constructor(readonly db: Db) {
    this.statements = {
      seeUser: db.prepare<[number, string, string | null, string | null, number, number], UserRow>(`
        INSERT INTO users (id, first_name, username, language_code, first_seen, last_seen, blocked)
        VALUES (?, ?, ?, ?, ?, ?, 0)
        ON CONFLICT (id) DO UPDATE SET
          first_name = excluded.first_name, username = excluded.username,
          language_code = excluded.language_code, last_seen = excluded.last_seen, blocked = 0
        RETURNING *`),
      getUser: db.prepare<[number], UserRow>(`SELECT * FROM users WHERE id = ?`),
      setLanguage: db.prepare<[UiLang, number]>(`UPDATE users SET lang = ? WHERE id = ?`),
      setBlocked: db.prepare<[number, number]>(`UPDATE users SET blocked = ? WHERE id = ?`),
      isHandled: db.prepare<[number], { one: 1 }>(`SELECT 1 AS one FROM handled_updates WHERE update_id = ?`),
      markHandled: db.prepare<[number, number]>(`INSERT OR IGNORE INTO handled_updates (update_id, handled_at) VALUES (?, ?)`),
      forgetHandled: db.prepare<[number]>(`DELETE FROM handled_updates WHERE handled_at < ?`),
    };
  }

  /** Records that a user was seen now: creates them, or refreshes their profile. A user who writes has not blocked the bot. */
  seeUser(user: SeenUser, now = Date.now()): UserRecord {
    return toUser(this.statements.seeUser.get(user.id, user.firstName, user.username ?? null, user.languageCode ?? null, now, now)!);
  }

  getUser(id: number): UserRecord | undefined {
    const row = this.statements.getUser.get(id);
    return row && toUser(row);
  }

  setLanguage(id: number, lang: UiLang): void {
    this.statements.setLanguage.run(lang, id);
  }

  /** Blocked users get nothing more from the bot until they write again. */
  setBlocked(id: number, blocked: boolean): void {
    this.statements.setBlocked.run(blocked ? 1 : 0, id);
  }

  isUpdateHandled(updateId: number): boolean {
    return this.statements.isHandled.get(updateId) !== undefined;
  }

  markUpdateHandled(updateId: number, now = Date.now()): void {
    this.statements.markHandled.run(updateId, now);
  }

  /** Telegram keeps undelivered updates for 24 hours; older ids cannot come back. */
  forgetHandledUpdates(olderThanMs = 7 * 24 * 3600_000, now = Date.now()): number {
    return this.statements.forgetHandled.run(now - olderThanMs).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
