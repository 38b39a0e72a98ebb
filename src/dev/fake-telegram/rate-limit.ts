// Telegram's flood control as one token bucket over everything that posts or
// changes a message: a broadcast that ignores retry_after gets 429s here as it
// would in production. O(1) per call, so benchmarks can run through it.
import { ApiError } from "./errors.js";
import type { RateLimit, RateLimitStats } from "./types.js";

/** Methods that post or change a message in a chat (lower-cased); each call costs one token. */
const LIMITED = new Set([
  "sendmessage", "sendphoto", "senddocument", "sendvideo", "sendanimation", "sendaudio", "sendvoice",
  "sendsticker", "sendmediagroup", "copymessage", "copymessages", "forwardmessage", "forwardmessages",
  "editmessagetext", "editmessagecaption", "editmessagereplymarkup", "editmessagemedia",
]);

export class RateLimiter {
  private perMs = 0;
  private capacity = 0;
  private tokens = 0;
  private refilledAt = 0;
  private on = false;
  private counts: RateLimitStats = { accepted: 0, rejected: 0 };

  /** Sets (or with undefined removes) the limit; the bucket starts full. */
  set(limit: RateLimit | undefined): void {
    if (limit === undefined) {
      this.on = false;
      return;
    }
    const { perSecond } = limit;
    if (!(Number.isFinite(perSecond) && perSecond > 0)) {
      throw new Error(`FakeTelegram rate limit: perSecond must be a positive number, got ${perSecond}`);
    }
    const burst = limit.burst ?? Math.max(1, Math.ceil(perSecond / 10));
    if (!(Number.isInteger(burst) && burst >= 1)) {
      throw new Error(`FakeTelegram rate limit: burst must be a positive integer, got ${burst}`);
    }
    this.perMs = perSecond / 1000;
    this.capacity = burst;
    this.tokens = burst;
    this.refilledAt = performance.now();
    this.on = true;
  }

  /** Takes a token for a limited method; returns the 429 to answer when none is left. */
  take(method: string): ApiError | undefined {
    if (!this.on || !LIMITED.has(method.toLowerCase())) return undefined;
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perMs);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.counts.accepted++;
      return undefined;
    }
    this.counts.rejected++;
    this.counts.firstRejectedAt ??= now;
    this.counts.lastRejectedAt = now;
    // Whole seconds until a token is back, at least 1, as Telegram answers.
    const retryAfter = Math.max(1, Math.ceil((1 - this.tokens) / this.perMs / 1000));
    return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }

  stats(): RateLimitStats {
    return { ...this.counts };
  }

  resetStats(): void {
    this.counts = { accepted: 0, rejected: 0 };
  }
}
