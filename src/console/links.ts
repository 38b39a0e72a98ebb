/**
 * The ways into the knowledge console that the bot hands out: a one-time
 * login link (/console) and the Mini App's address. Kept apart from auth.ts,
 * which checks requests, so the bot's features load no web code.
 */
import { randomBytes } from "node:crypto";
import type { ConsoleAccessStore, ConsoleUser } from "../storage/console-access.js";

/** A login link works this long, and once. */
export const LOGIN_LINK_MS = 10 * 60_000;
/** At most this many links per staff member in LOGIN_LINK_MS: a leaked chat cannot mint them by the hundred. */
export const LOGIN_LINKS_PER_WINDOW = 3;

/** A new one-time login link for a staff member, or undefined when they asked for too many lately. */
export function issueLoginLink(access: ConsoleAccessStore, publicUrl: string, user: ConsoleUser, now = Date.now()): string | undefined {
  if (access.loginsSince(user.userId, now - LOGIN_LINK_MS) >= LOGIN_LINKS_PER_WINDOW) return undefined;
  const token = randomBytes(32).toString("base64url");
  access.addLogin(token, user, now + LOGIN_LINK_MS, now);
  return `${publicUrl}/console/login?token=${token}`;
}

/** Where Telegram opens the console as a Mini App; none without an https PUBLIC_URL (Telegram opens Mini Apps from https addresses only). */
export function miniAppUrl(publicUrl: string | undefined): string | undefined {
  return publicUrl?.startsWith("https:") ? `${publicUrl}/console/` : undefined;
}
