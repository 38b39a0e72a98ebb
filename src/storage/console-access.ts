/**
 * The knowledge console's one-time login links and sessions. Only SHA-256
 * hashes of their secrets are stored: a copy of the database lets no one in.
 */
import { createHash } from "node:crypto";
import type { Db } from "./database.js";

export interface ConsoleUser {
  userId: number;
  name: string;
}

const hashOf = (secret: string): string => createHash("sha256").update(secret).digest("hex");

export class ConsoleAccessStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      addLogin: db.prepare<[string, number, string, number, number]>(
        `INSERT INTO console_logins (token_hash, user_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      // Found and spent in one statement: a link opened twice at once lets one of them in.
      useLogin: db.prepare<[number, string, number], { user_id: number; name: string }>(
        `UPDATE console_logins SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id, name`,
      ),
      loginOwner: db.prepare<[string], { user_id: number }>(`SELECT user_id FROM console_logins WHERE token_hash = ?`),
      loginsSince: db.prepare<[number, number], { count: number }>(`SELECT COUNT(*) AS count FROM console_logins WHERE user_id = ? AND created_at > ?`),
      addSession: db.prepare<[string, number, string, number, number]>(
        `INSERT INTO console_sessions (id_hash, user_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      session: db.prepare<[string, number], { user_id: number; name: string }>(`SELECT user_id, name FROM console_sessions WHERE id_hash = ? AND expires_at > ?`),
      endSession: db.prepare<[string]>(`DELETE FROM console_sessions WHERE id_hash = ?`),
      forgetLogins: db.prepare<[number]>(`DELETE FROM console_logins WHERE expires_at <= ?`),
      forgetSessions: db.prepare<[number]>(`DELETE FROM console_sessions WHERE expires_at <= ?`),
    };
  }

  addLogin(token: string, user: ConsoleUser, expiresAt: number, now = Date.now()): void {
    this.statements.addLogin.run(hashOf(token), user.userId, user.name, now, expiresAt);
  }

  /** The user a login link was made for, once: an expired or used link gives nobody. */
  useLogin(token: string, now = Date.now()): ConsoleUser | undefined {
    const row = this.statements.useLogin.get(now, hashOf(token), now);
    return row && { userId: row.user_id, name: row.name };
  }

  /** Whom a link was made for, used or expired or not (until the daily tidy forgets it): the refusal speaks their language. */
  loginOwner(token: string): number | undefined {
    return this.statements.loginOwner.get(hashOf(token))?.user_id;
  }

  /** How many links a user was given after `since` (the rate limit). */
  loginsSince(userId: number, since: number): number {
    return this.statements.loginsSince.get(userId, since)!.count;
  }

  addSession(id: string, user: ConsoleUser, expiresAt: number, now = Date.now()): void {
    this.statements.addSession.run(hashOf(id), user.userId, user.name, now, expiresAt);
  }

  session(id: string, now = Date.now()): ConsoleUser | undefined {
    const row = this.statements.session.get(hashOf(id), now);
    return row && { userId: row.user_id, name: row.name };
  }

  endSession(id: string): void {
    this.statements.endSession.run(hashOf(id));
  }

  /** Expired links and sessions (the daily tidy). */
  forgetExpired(now = Date.now()): void {
    this.statements.forgetLogins.run(now);
    this.statements.forgetSessions.run(now);
  }
}
