/**
 * The delivery engine: a background job (not an update handler) that sends
 * every running broadcast to its pending recipients under Telegram's limits.
 *
 * Its memory is the database. A recipient's outcome is written the moment
 * Telegram answers, so after a crash (even kill -9) the engine resumes with
 * the recipients still pending: nobody is missed, and only the few sends in
 * flight at the crash (at most concurrencyFor(rate)) can arrive twice.
 *
 * It knows nothing of Telegram: a Courier delivers, a Reporter shows progress.
 */
import type { Broadcast, BroadcastStore, DeliveryFigures } from "../storage/broadcasts.js";
import { backoffMs, classify, MAX_ATTEMPTS, type DeliveryError } from "./outcome.js";
import { ChatSpacing, Pacer } from "./pacing.js";

export type DeliveryResult = { ok: true } | { ok: false; error: DeliveryError };

export interface Courier {
  /** Delivers a broadcast's message to one user (their private chat); never throws. */
  deliver(broadcast: Broadcast, userId: number): Promise<DeliveryResult>;
}

export interface Progress {
  figures: DeliveryFigures;
  /** Estimated milliseconds to finish, while running. */
  etaMs?: number;
  /** Why the engine paused it by itself. */
  problem?: "source-missing";
}

export interface Reporter {
  /** Shows a broadcast's progress (every few seconds while it runs, and on every change); never throws. */
  report(broadcast: Broadcast, progress: Progress): Promise<void>;
}

export interface EngineOptions {
  broadcasts: BroadcastStore;
  /** A 403: the user blocked the bot or deleted their account; they get nothing more. */
  markBlocked(userId: number): void;
  courier: Courier;
  reporter: Reporter;
  /** Messages per second, overall (BROADCAST_RATE). */
  rate: number;
  /** Sends awaiting Telegram's answer at once: also the most that can be doubled by a crash. Default: concurrencyFor(rate). */
  concurrency?: number;
  progressEveryMs?: number;
  onError?: (error: unknown) => void;
  now?: () => number;
}

/**
 * Enough sends awaiting an answer to keep the rate when Telegram takes up to
 * 20 ms to answer, and never fewer than 8 (at 25/s, 8 cover 320 ms answers).
 * It is also the most recipients a crash can double, so it stays small.
 */
export const concurrencyFor = (rate: number): number => Math.max(8, Math.ceil(rate / 50));
/** How often a running broadcast's status is re-read (pause, cancel), and the longest nap. */
const CHECK_MS = 250;
const IDLE_MS = 1000;
const BATCH = 500;

/** One broadcast's delivery in progress. */
interface Run {
  broadcast: Broadcast;
  queue: number[];
  cursor: number;
  problem?: "source-missing";
  startedAt: number;
  done: number;
}

export class BroadcastEngine {
  private readonly pacer: Pacer;
  private readonly spacing = new ChatSpacing();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly concurrency: number;
  private readonly now: () => number;
  private loopDone: Promise<void> | undefined;
  private stopped = false;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? Date.now;
    this.pacer = new Pacer(options.rate, this.now());
    this.concurrency = options.concurrency ?? concurrencyFor(options.rate);
  }

  /** Starts the job: broadcasts left running by a crash or a stop resume here. */
  start(): void {
    this.loopDone ??= this.loop();
  }

  /** There is new work (a broadcast confirmed, paused, resumed, cancelled): look now rather than at the next tick. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Stops after the sends in flight are answered and recorded; the rest stays pending for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        const { broadcasts } = this.options;
        for (const id of broadcasts.dueScheduled(this.now())) broadcasts.startScheduled(id, this.now());
        const next = broadcasts.withStatus("running")[0];
        if (next) {
          await this.deliver(next);
          continue;
        }
      } catch (error) {
        this.options.onError?.(error);
      }
      await this.nap(IDLE_MS);
    }
  }

  private async deliver(broadcast: Broadcast): Promise<void> {
    const { broadcasts } = this.options;
    const run: Run = { broadcast, queue: [], cursor: 0, startedAt: this.now(), done: 0 };
    let checkedAt = this.now();
    let reportedAt = checkedAt;
    await this.report(run);
    while (!this.stopped && !run.problem) {
      const now = this.now();
      if (now - checkedAt >= CHECK_MS) {
        checkedAt = now;
        if (broadcasts.get(broadcast.id)?.status !== "running") break;
      }
      if (now - reportedAt >= (this.options.progressEveryMs ?? 3000)) {
        reportedAt = now;
        await this.report(run);
      }
      if (run.queue.length === 0 && !this.refill(run, now)) {
        if (this.inFlight.size > 0) await Promise.race(this.inFlight.values());
        else {
          const dueAt = broadcasts.nextAttemptAt(broadcast.id);
          if (dueAt === undefined) {
            broadcasts.finish(broadcast.id, now);
            break;
          }
          await this.nap(Math.min(CHECK_MS, dueAt - now));
        }
        continue;
      }
      if (this.inFlight.size >= this.concurrency) {
        await Promise.race(this.inFlight.values());
        continue;
      }
      const userId = run.queue[0]!;
      const wait = Math.max(this.pacer.waitMs(now), this.spacing.waitMs(userId, now));
      if (wait > 0) {
        await this.nap(Math.min(wait, CHECK_MS));
        continue;
      }
      run.queue.shift();
      this.pacer.take(now);
      this.spacing.sent(userId, now);
      this.send(run, userId);
    }
    await Promise.all(this.inFlight.values());
    if (run.problem) broadcasts.transition(broadcast.id, "running", "paused");
    await this.report(run);
  }

  /** Fetches the next due recipients, going round once more for retries that became due; false when none is due now. */
  private refill(run: Run, now: number): boolean {
    const { broadcasts } = this.options;
    let wrapped = run.cursor === 0;
    for (;;) {
      const due = broadcasts.due(run.broadcast.id, now, run.cursor, BATCH);
      if (due.length === 0) {
        if (wrapped) return false;
        wrapped = true;
        run.cursor = 0;
        continue;
      }
      run.cursor = due.at(-1)!;
      run.queue = due.filter((id) => !this.inFlight.has(id));
      if (run.queue.length > 0) return true;
    }
  }

  private send(run: Run, userId: number): void {
    const sending = this.options.courier
      .deliver(run.broadcast, userId)
      .then((result) => this.record(run, userId, result))
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => this.inFlight.delete(userId));
    this.inFlight.set(userId, sending);
  }

  private record(run: Run, userId: number, result: DeliveryResult): void {
    const { broadcasts } = this.options;
    const id = run.broadcast.id;
    if (result.ok) {
      broadcasts.settle(id, userId, "sent");
      run.done++;
      return;
    }
    const outcome = classify(result.error);
    switch (outcome.kind) {
      case "blocked":
        broadcasts.settle(id, userId, "blocked", outcome.reason);
        this.options.markBlocked(userId);
        run.done++;
        return;
      case "rate-limited":
        // Telegram says wait: nobody gets anything until then, and this one goes first after.
        this.pacer.holdUntil(this.now() + outcome.retryAfterMs);
        run.queue.unshift(userId);
        return;
      case "retry": {
        const attempts = broadcasts.recordFailedAttempt(id, userId, outcome.reason);
        if (attempts >= MAX_ATTEMPTS) {
          broadcasts.settle(id, userId, "failed", outcome.reason);
          run.done++;
        } else broadcasts.deferTo(id, userId, this.now() + backoffMs(attempts));
        return;
      }
      case "failed":
        broadcasts.settle(id, userId, "failed", outcome.reason);
        run.done++;
        return;
      case "source-missing":
        run.problem = "source-missing";
        return;
    }
  }

  private async report(run: Run): Promise<void> {
    const broadcast = this.options.broadcasts.get(run.broadcast.id);
    if (!broadcast) return;
    const figures = this.options.broadcasts.figures(broadcast.id);
    const elapsed = this.now() - run.startedAt;
    const rate = run.done > 0 && elapsed > 0 ? Math.min(this.options.rate, (run.done * 1000) / elapsed) : this.options.rate;
    const progress: Progress = { figures, ...(broadcast.status === "running" ? { etaMs: (figures.pending * 1000) / rate } : {}), ...(run.problem ? { problem: run.problem } : {}) };
    // The progress message is a message too: it counts against the same limit.
    const wait = this.pacer.waitMs(this.now());
    if (wait > 0) await this.nap(wait);
    this.pacer.take(this.now());
    await this.options.reporter.report(broadcast, progress);
  }

  /** Sleeps up to `ms`; wake() and stop() cut it short. */
  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wakeUp === done) self.wakeUp = undefined;
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
