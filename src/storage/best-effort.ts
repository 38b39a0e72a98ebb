/**
 * Writes worth less than the update they belong to: statistics (usage
 * counts, the log of unanswered queries). When one fails (a full disk) it is
 * dropped and the update goes on, so a student still gets the answer.
 */
import type { Logger } from "../logger.js";

/** Where the store reports writes that failed without failing an update: the app's logger. */
export type StoreLog = Pick<Logger, "error" | "warn" | "info">;

/** A full disk fails every write: one report a minute (with how many were dropped) instead of one per answer. */
const REPORT_EVERY_MS = 60_000;

export class BestEffortWrites {
  private dropped = 0;
  private reportedAt = -Infinity;

  constructor(
    private readonly log: StoreLog,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `write` (of `events` statistics: a batch counts as many); if it throws, reports (at most once a minute) and returns undefined. */
  run<T>(what: string, write: () => T, events = 1): T | undefined {
    try {
      return write();
    } catch (error) {
      this.dropped += events;
      const now = this.now();
      if (now - this.reportedAt >= REPORT_EVERY_MS) {
        this.log.warn({ err: error, what, dropped: this.dropped }, "could not write a statistic: dropped, the user was answered all the same");
        this.dropped = 0;
        this.reportedAt = now;
      }
      return undefined;
    }
  }
}
