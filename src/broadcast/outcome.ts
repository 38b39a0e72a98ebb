/**
 * What Telegram's answer to one delivery means for the broadcast: done,
 * never again (blocked), wait for everyone (flood control), try this one
 * again later, or give up on it. Pure.
 */
import type { Problem } from "../storage/broadcasts.js";

/** Telegram's error as the delivery saw it; `errorCode` undefined for network failures (reset, timeout). */
export interface DeliveryError {
  errorCode?: number;
  description: string;
  retryAfterSeconds?: number;
}

export type Outcome =
  | { kind: "blocked"; reason: string }
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "retry"; reason: string }
  | { kind: "failed"; reason: string }
  /** Every recipient would fail the same way: stop the broadcast until staff act. */
  | { kind: "halt"; problem: Problem; reason: string };

export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 60_000;

export function classify(error: DeliveryError): Outcome {
  const reason = error.errorCode === undefined ? error.description : `${error.errorCode} ${error.description}`;
  if (error.errorCode === undefined) return { kind: "retry", reason };
  if (error.errorCode === 429) return { kind: "rate-limited", retryAfterMs: Math.max(1, error.retryAfterSeconds ?? 1) * 1000 };
  if (error.errorCode === 401 || error.errorCode === 404) return { kind: "halt", problem: "bot-rejected", reason };
  // 403: "bot was blocked by the user", "user is deactivated" (deleted account), "bot can't initiate conversation".
  if (error.errorCode === 403) return { kind: "blocked", reason };
  if (error.errorCode >= 500) return { kind: "retry", reason };
  // The chat is gone for good (a deleted account, a wrong id): like a block, never tried again; the reason is kept.
  if (/chat not found/i.test(error.description)) return { kind: "blocked", reason };
  if (/message to copy not found|message_id_invalid|there are no messages to forward/i.test(error.description)) return { kind: "halt", problem: "source-missing", reason };
  // Other 400s will not change by retrying.
  return { kind: "failed", reason };
}

/** How long to wait before attempt number `attempts + 1` after a passing failure: 1 s, 2 s, 4 s, ... */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}
