/**
 * Who is using the knowledge console. Two ways in: Telegram's signed Mini App
 * init data (`Authorization: tma <initData>`, checked with the bot token,
 * at most a day old), or a session cookie set by a one-time login link that
 * the bot gives staff (/console, see links.ts). Either way the staff list is
 * asked on every request: someone removed from staff loses access at once.
 * Only the console's routes import this, so a bot without PUBLIC_URL never
 * loads the Mini App library.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parse as parseInitData, validate as validateInitData } from "@tma.js/init-data-node";
import { roleOf } from "../bot/middleware/roles.js";
import type { StaffSettings } from "../bot/deps.js";
import type { ConsoleAccessStore, ConsoleUser } from "../storage/console-access.js";
import type { Store } from "../storage/store.js";

/** A browser session lasts a working day. */
export const SESSION_MS = 12 * 3600_000;
/** Telegram's init data is trusted for a day after it was signed. */
const INIT_DATA_MAX_AGE_S = 24 * 3600;

export const SESSION_COOKIE = "jspu_console";

/** A new session's secret for the cookie, stored as a hash. */
export function startSession(access: ConsoleAccessStore, user: ConsoleUser, now = Date.now()): string {
  const id = randomBytes(32).toString("base64url");
  access.addSession(id, user, now + SESSION_MS, now);
  return id;
}

/** The Telegram user who opened the Mini App, when the init data is signed with the bot's token and fresh. */
export function initDataUser(initData: string, botToken: string): ConsoleUser | undefined {
  try {
    validateInitData(initData, botToken, { expiresIn: INIT_DATA_MAX_AGE_S });
    const { user } = parseInitData(initData);
    if (!user) return undefined;
    return { userId: user.id, name: [user.first_name, user.last_name].filter(Boolean).join(" ") };
  } catch {
    return undefined; // a bad signature, expired, or not init data at all
  }
}

/** One cookie of a request's Cookie header. */
export function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

export type Access = { status: "staff"; user: ConsoleUser; role: "owner" | "staff" } | { status: "signed-out" } | { status: "not-staff" };

/** Who sent a request, and whether they are staff right now. */
export function accessOf(req: IncomingMessage, { botToken, store, settings }: { botToken: string; store: Store; settings: StaffSettings }): Access {
  const authorization = req.headers.authorization ?? "";
  const session = cookieOf(req, SESSION_COOKIE);
  const user = authorization.startsWith("tma ")
    ? initDataUser(authorization.slice(4), botToken)
    : session
      ? store.consoleAccess.session(session)
      : undefined;
  if (!user) return { status: "signed-out" };
  const role = roleOf(user.userId, settings, store);
  return role === "student" ? { status: "not-staff" } : { status: "staff", user, role };
}
