// Telegram's flood control over everything that posts or changes a message:
// each chat about one a second (short bursts tolerated), each group 20 a
// minute, all chats together about 30 a second. A call over any of them is
// answered 429 with retry_after and has no effect, as in production, so a bot
// that sends too fast in one chat is caught by its tests. O(1) per call, so
// benchmarks can run through it.
import { ApiError } from "./errors.js";
import type { GroupRateLimit, RateLimit, RateLimits, RateLimitStats } from "./types.js";

/** Methods that post or change a message in a chat (lower-cased); each call counts once. */
const LIMITED = new Set([
  "sendmessage", "sendphoto", "senddocument", "sendvideo", "sendanimation", "sendaudio", "sendvoice",
  "sendsticker", "sendmediagroup", "copymessage", "copymessages", "forwardmessage", "forwardmessages",
  "editmessagetext", "editmessagecaption", "editmessagereplymarkup", "editmessagemedia",
]);

/**
 * Telegram's published limits (`rateLimits: {}`). Bursts: Telegram lets a
 * private chat take a few replies at once (an answer in parts and a menu: 5)
 * and a group fewer (3); all chats together take a second's worth at once.
 */
export const TELEGRAM_RATE_LIMITS = {
  global: { perSecond: 30, burst: 30 },
  perChat: { perSecond: 1, burst: 5 },
  perGroup: { perMinute: 20, burst: 3 },
} as const satisfies RateLimits;

const MINUTE_MS = 60_000;
/** How many calls between sweeps of idle chats' state (keeps 100,000-chat benchmarks small). */
const SWEEP_EVERY = 4096;

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket; `waitMs` is how long until it holds a token again (0: it does now). */
class BucketRule {
  readonly perMs: number;
  constructor(
    readonly capacity: number,
    perSecond: number,
  ) {
    this.perMs = perSecond / 1000;
  }

  refill(bucket: Bucket, now: number): void {
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
  }

  waitMs(bucket: Bucket): number {
    return bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / this.perMs;
  }

  /** True when an untouched bucket would be full again by `now`, so it can be forgotten. */
  idle(bucket: Bucket, now: number): boolean {
    return bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity;
  }
}

function checkRate(name: string, limit: RateLimit): BucketRule {
  const { perSecond } = limit;
  if (!(Number.isFinite(perSecond) && perSecond > 0)) {
    throw new Error(`FakeTelegram rate limit ${name}: perSecond must be a positive number, got ${perSecond}`);
  }
  const burst = limit.burst ?? Math.max(1, Math.ceil(perSecond / 10));
  checkBurst(name, burst);
  return new BucketRule(burst, perSecond);
}

function checkBurst(name: string, burst: number): void {
  if (!(Number.isInteger(burst) && burst >= 1)) {
    throw new Error(`FakeTelegram rate limit ${name}: burst must be a positive integer, got ${burst}`);
  }
}

function checkGroup(limit: GroupRateLimit): GroupRateLimit {
  if (!(Number.isInteger(limit.perMinute) && limit.perMinute >= 1)) {
    throw new Error(`FakeTelegram rate limit perGroup: perMinute must be a positive integer, got ${limit.perMinute}`);
  }
  checkBurst("perGroup", limit.burst);
  return limit;
}

const emptyStats = (): RateLimitStats => ({ accepted: 0, rejected: 0, rejectedBy: { global: 0, perChat: 0, perGroup: 0 } });

export class RateLimiter {
  private global: BucketRule | undefined;
  private perChat: BucketRule | undefined;
  private groupChat: BucketRule | undefined;
  private perGroup: GroupRateLimit | undefined;
  private globalBucket: Bucket = { tokens: 0, at: 0 };
  private readonly chats = new Map<number, Bucket>();
  /** Per group: when its sends of the last minute were accepted, oldest first. */
  private readonly groups = new Map<number, number[]>();
  private sinceSweep = 0;
  private counts = emptyStats();

  /** `now` in milliseconds (performance.now() by default); tests pass a clock of their own. */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.set(undefined);
  }

  /**
   * Telegram's limits (TELEGRAM_RATE_LIMITS) except where `limits` names
   * another, or false to switch one off; false or undefined switches all off.
   * Every bucket starts full and every group's minute empty.
   */
  set(limits: RateLimits | false | undefined): void {
    const given: RateLimits = limits === false || limits === undefined ? { global: false, perChat: false, perGroup: false } : limits;
    const pick = <T>(value: T | false | undefined, telegram: T): T | undefined => (value === false ? undefined : (value ?? telegram));
    const global = pick(given.global, TELEGRAM_RATE_LIMITS.global);
    const perChat = pick(given.perChat, TELEGRAM_RATE_LIMITS.perChat);
    const perGroup = pick(given.perGroup, TELEGRAM_RATE_LIMITS.perGroup);
    this.global = global && checkRate("global", global);
    this.perChat = perChat && checkRate("perChat", perChat);
    this.perGroup = perGroup && checkGroup(perGroup);
    // A group's own chat bucket refills as any chat's but holds the group's smaller burst.
    this.groupChat = this.perChat && this.perGroup && new BucketRule(this.perGroup.burst, this.perChat.perMs * 1000);
    this.forget();
  }

  /** Every bucket full and every group's minute empty again, the limits unchanged: as after a long pause. */
  forget(): void {
    this.globalBucket = { tokens: this.global?.capacity ?? 0, at: this.now() };
    this.chats.clear();
    this.groups.clear();
  }

  /**
   * Counts a call of a limited method to `chatId` (undefined: a chat the fake
   * cannot name, e.g. an inline message; only the global limit applies).
   * Returns the 429 to answer when a limit is reached; then nothing is counted.
   */
  take(method: string, chatId: number | undefined): ApiError | undefined {
    if (!LIMITED.has(method.toLowerCase())) return undefined;
    if (!this.global && !this.perChat && !this.perGroup) return undefined;
    const now = this.now();
    const isGroup = chatId !== undefined && chatId < 0;
    const chatRule = isGroup ? (this.groupChat ?? this.perChat) : this.perChat;
    const chat = chatRule && chatId !== undefined ? this.chatBucket(chatId, chatRule, now) : undefined;
    const window = this.perGroup && isGroup ? this.groupWindow(chatId, now) : undefined;
    if (this.global) this.global.refill(this.globalBucket, now);

    const waits = {
      global: this.global ? this.global.waitMs(this.globalBucket) : 0,
      perChat: chat && chatRule ? chatRule.waitMs(chat) : 0,
      perGroup: window && this.perGroup && window.length >= this.perGroup.perMinute ? window[0]! + MINUTE_MS - now : 0,
    };
    const waitMs = Math.max(waits.global, waits.perChat, waits.perGroup);
    if (waitMs > 0) return this.refuse(waits, waitMs, now);

    if (this.global) this.globalBucket.tokens -= 1;
    if (chat) chat.tokens -= 1;
    window?.push(now);
    this.counts.accepted++;
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep(now);
    return undefined;
  }

  stats(): RateLimitStats {
    return { ...this.counts, rejectedBy: { ...this.counts.rejectedBy } };
  }

  resetStats(): void {
    this.counts = emptyStats();
  }

  private refuse(waits: Record<keyof RateLimitStats["rejectedBy"], number>, waitMs: number, now: number): ApiError {
    this.counts.rejected++;
    for (const [limit, wait] of Object.entries(waits) as [keyof typeof waits, number][]) {
      if (wait > 0) this.counts.rejectedBy[limit]++;
    }
    this.counts.firstRejectedAt ??= now;
    this.counts.lastRejectedAt = now;
    // Whole seconds until every limit lets the call through, at least 1, as Telegram answers.
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }

  private chatBucket(chatId: number, rule: BucketRule, now: number): Bucket {
    let bucket = this.chats.get(chatId);
    if (!bucket) {
      bucket = { tokens: rule.capacity, at: now };
      this.chats.set(chatId, bucket);
    }
    rule.refill(bucket, now);
    return bucket;
  }

  private groupWindow(chatId: number, now: number): number[] {
    let window = this.groups.get(chatId);
    if (!window) {
      window = [];
      this.groups.set(chatId, window);
    }
    while (window.length > 0 && window[0]! + MINUTE_MS <= now) window.shift();
    return window;
  }

  /** Forgets chats whose limits no longer remember anything. */
  private sweep(now: number): void {
    this.sinceSweep = 0;
    for (const [chatId, bucket] of this.chats) {
      const rule = chatId < 0 ? (this.groupChat ?? this.perChat) : this.perChat;
      if (!rule || rule.idle(bucket, now)) this.chats.delete(chatId);
    }
    for (const [chatId, window] of this.groups) {
      if (window.length === 0 || window.at(-1)! + MINUTE_MS <= now) this.groups.delete(chatId);
    }
  }
}
