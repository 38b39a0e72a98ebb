/**
 * Telegram's limits for bulk messages: about 30 messages per second overall
 * (BROADCAST_RATE, 25 by default, leaves room for the bot's answers) and no
 * more than one message per second to one chat. Pure: time is passed in.
 */

/**
 * A token bucket: `rate` sends per second, evenly, with a small burst so a
 * late timer can catch up without ever running ahead of the rate for long.
 */
export class Pacer {
  private tokens: number;
  private updatedAt: number;
  readonly burst: number;

  constructor(
    readonly rate: number,
    now: number,
    /** 50 ms worth of sends: absorbs timer jitter, far below what Telegram tolerates. */
    burst = Math.max(1, Math.floor(rate / 20)),
  ) {
    this.burst = burst;
    this.tokens = 1;
    this.updatedAt = now;
  }

  /** Milliseconds until a send may go (0: now). */
  waitMs(now: number): number {
    this.refill(now);
    const held = Math.max(0, this.updatedAt - now);
    return this.tokens >= 1 && held === 0 ? 0 : held + Math.ceil((Math.max(0, 1 - this.tokens) * 1000) / this.rate);
  }

  /** Takes the tokens of a send of `messages` messages; call when waitMs() is 0 (an album may leave the bucket in debt). */
  take(now: number, messages = 1): void {
    this.refill(now);
    this.tokens -= messages;
  }

  /** After Telegram's "retry after": nothing goes out until then, and no burst builds up meanwhile. */
  holdUntil(at: number): void {
    this.tokens = 0;
    this.updatedAt = Math.max(this.updatedAt, at);
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.rate) / 1000);
    this.updatedAt = now;
  }
}

/** At most one message per second to any one chat (across broadcasts: a resend right after a broadcast). */
export class ChatSpacing {
  private readonly lastSent = new Map<number, number>();

  constructor(private readonly minGapMs = 1000) {}

  waitMs(chatId: number, now: number): number {
    const last = this.lastSent.get(chatId);
    return last === undefined ? 0 : Math.max(0, last + this.minGapMs - now);
  }

  sent(chatId: number, now: number): void {
    this.lastSent.set(chatId, now);
    // Forget chats long past their gap, so memory stays at about one second's worth of sends.
    if (this.lastSent.size > 10_000) for (const [id, at] of this.lastSent) if (now - at >= this.minGapMs) this.lastSent.delete(id);
  }
}
