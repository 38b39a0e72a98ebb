/**
 * The delivery engine: a background job (not an update handler) that sends
 * every running broadcast to its pending recipients under Telegram's limits.
 * Broadcasts running at once take turns, so one scheduled for 09:00 starts
 * at 09:00 even while a long one is going out.
 *
 * Its memory is the database. A recipient's outcome is written the moment
 * Telegram answers, so after a crash (even kill -9) the engine resumes with
 * the recipients still pending: nobody is missed, and only the sends in
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
  /** Whether Telegram answers the bot at all now (tells an outage from a few chats that keep failing); never throws. */
  reachable(): Promise<boolean>;
}

export interface Progress {
  figures: DeliveryFigures;
  /** Estimated milliseconds to finish, while running. */
  etaMs?: number;
}

export interface Reporter {
  /** Shows a broadcast's progress (every few seconds while it runs, and on every change); never throws. */
  progress(broadcast: Broadcast, progress: Progress): Promise<void>;
  /** Sends the report of a finished or cancelled broadcast; false to be asked again later (a passing failure). */
  final(broadcast: Broadcast, figures: DeliveryFigures): Promise<boolean>;
}

export interface EngineOptions {
  broadcasts: BroadcastStore;
  /** A 403: the user blocked the bot, deleted their account or never started it; they get nothing more. */
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

/** How often the broadcasts' statuses are re-read (pause, cancel, a schedule that came due). */
const CHECK_MS = 250;
/** With nothing to send, how long the engine sleeps unless woken. */
const IDLE_MS = 1000;
const BATCH = 500;
/** Recipients failing in a row, for a passing reason, that mean Telegram (or the network) is down rather than one chat: everyone waits, nobody's attempts are used up. */
const OUTAGE_AFTER = 3;
/** A final report that could not go out is tried again after this. */
const FINAL_RETRY_MS = 5000;

/** One broadcast's delivery in progress. */
interface Run {
  broadcast: Broadcast;
  /** Due recipients fetched and not yet sent, in user id order. */
  queue: number[];
  cursor: number;
  /** This run's sends awaiting Telegram's answer, by recipient. */
  inFlight: Map<number, Promise<void>>;
  startedAt: number;
  reportedAt: number;
  done: number;
  /** Paused by the engine (halt): nothing more is sent, even before the status is read again. */
  halted: boolean;
}

export class BroadcastEngine {
  private readonly pacer: Pacer;
  private readonly spacing = new ChatSpacing();
  private readonly sending = new Set<Promise<void>>();
  /** The broadcasts being delivered, kept across a failed look so their sends in flight are never fetched again. */
  private readonly runs = new Map<number, Run>();
  /** wake() asks for the statuses to be read again at once (a pause must stop the sending now). */
  private checkNow = false;
  private readonly concurrency: number;
  private readonly now: () => number;
  private loopDone: Promise<void> | undefined;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  /** Recipients that failed for a passing reason since the last answer that was not such a failure. */
  private readonly failing = new Set<number>();
  /** Holds in a row during an outage: each waits longer (the failures of one burst of sends count once). */
  private outageHolds = 0;
  private outageUntil = 0;
  private turn = 0;
  private finalsDueAt = 0;

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
    this.checkNow = true;
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
        this.startDueSchedules();
        await this.reportFinished();
        if (this.options.broadcasts.withStatus("running").length > 0) {
          await this.deliver();
          continue;
        }
      } catch (error) {
        this.options.onError?.(error);
        // Whatever was on its way is answered and recorded before anything is fetched again.
        await Promise.all(this.sending);
      }
      await this.nap(IDLE_MS);
    }
    await Promise.all(this.sending);
  }

  private startDueSchedules(): void {
    const { broadcasts } = this.options;
    const now = this.now();
    for (const id of broadcasts.dueScheduled(now)) broadcasts.startScheduled(id, now);
  }

  /** The final reports of broadcasts that are over and no longer being delivered (their figures are final). */
  private async reportFinished(): Promise<void> {
    const { broadcasts, reporter } = this.options;
    if (this.now() < this.finalsDueAt) return;
    for (const broadcast of broadcasts.unreported()) {
      if (this.runs.has(broadcast.id)) continue;
      await this.showProgress(broadcast);
      await this.spend(1);
      if (await reporter.final(broadcast, broadcasts.figures(broadcast.id))) broadcasts.markReported(broadcast.id);
      else this.finalsDueAt = this.now() + FINAL_RETRY_MS;
    }
  }

  /** Sends for every running broadcast, taking turns, until none is running (or the engine stops). */
  private async deliver(): Promise<void> {
    const runs = this.runs;
    let checkedAt = -Infinity;
    while (!this.stopped) {
      const now = this.now();
      if (this.checkNow || now - checkedAt >= CHECK_MS) {
        checkedAt = now;
        this.checkNow = false;
        this.startDueSchedules();
        await this.followStatuses(runs);
        await this.reportFinished();
        if (runs.size === 0) return;
        for (const run of runs.values()) if (now - run.reportedAt >= (this.options.progressEveryMs ?? 3000)) await this.report(run);
      }
      if (this.sending.size >= this.concurrency) {
        await Promise.race(this.sending);
        continue;
      }
      const run = this.nextRun(runs, now);
      if (!run) {
        if (this.sending.size > 0) await Promise.race(this.sending);
        else await this.nap(CHECK_MS);
        continue;
      }
      const wait = this.pacer.waitMs(now);
      if (wait > 0) {
        await this.nap(Math.min(wait, CHECK_MS));
        continue;
      }
      const userId = run.queue.shift()!;
      // Fetched a while ago: the student may have said /stop since.
      if (!this.options.broadcasts.isPending(run.broadcast.id, userId)) continue;
      const gap = this.spacing.waitMs(userId, now);
      if (gap > 0) {
        // This chat had a message less than a second ago (another broadcast): it waits, the others go on.
        this.options.broadcasts.deferTo(run.broadcast.id, userId, now + gap);
        continue;
      }
      // An album is several messages: each counts against the rate.
      this.pacer.take(now, run.broadcast.messageIds.length);
      this.spacing.sent(userId, now);
      this.send(run, userId);
    }
  }

  /** Picks up broadcasts that started running; lets go of those paused or cancelled (after their sends in flight). */
  private async followStatuses(runs: Map<number, Run>): Promise<void> {
    const running = this.options.broadcasts.withStatus("running");
    for (const broadcast of running) {
      if (runs.has(broadcast.id)) continue;
      const run: Run = { broadcast, queue: [], cursor: 0, inFlight: new Map(), startedAt: this.now(), reportedAt: 0, done: 0, halted: false };
      runs.set(broadcast.id, run);
      await this.report(run);
    }
    for (const [id, run] of runs) {
      // A halted run goes too, even if staff resumed it before this look: it starts afresh at the next.
      if (!run.halted && running.some((b) => b.id === id)) continue;
      runs.delete(id);
      await Promise.all(run.inFlight.values());
      await this.report(run);
    }
  }

  /** The next broadcast with a recipient due, in turn; finishes those with nobody left. */
  private nextRun(runs: Map<number, Run>, now: number): Run | undefined {
    const list = [...runs.values()];
    for (let i = 0; i < list.length; i++) {
      const run = list[(this.turn + i) % list.length]!;
      if (run.halted) continue;
      if (run.queue.length > 0 || this.refill(run, now)) {
        this.turn = (this.turn + i + 1) % list.length;
        return run;
      }
      const id = run.broadcast.id;
      if (run.inFlight.size === 0 && this.options.broadcasts.nextAttemptAt(id) === undefined) {
        this.options.broadcasts.finish(id, now);
        runs.delete(id);
        this.wake(); // its final report goes out at the next look
      }
    }
    return undefined;
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
      run.queue = due.filter((id) => !run.inFlight.has(id));
      if (run.queue.length > 0) return true;
    }
  }

  private send(run: Run, userId: number): void {
    const sending: Promise<void> = this.options.courier
      .deliver(run.broadcast, userId)
      .then((result) => this.record(run, userId, result))
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        run.inFlight.delete(userId);
        this.sending.delete(sending);
      });
    run.inFlight.set(userId, sending);
    this.sending.add(sending);
  }

  private async record(run: Run, userId: number, result: DeliveryResult): Promise<void> {
    const { broadcasts } = this.options;
    const id = run.broadcast.id;
    const outcome = result.ok ? undefined : classify(result.error);
    if (outcome?.kind !== "retry") {
      this.failing.clear();
      this.outageHolds = 0;
    }
    if (!outcome) {
      broadcasts.settle(id, userId, "sent");
      run.done++;
      return;
    }
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
        // Several students failing in a row: an outage if Telegram does not answer the bot at all, else these chats' own trouble.
        if (this.failing.add(userId).size >= OUTAGE_AFTER && !(await this.options.courier.reachable())) {
          const now = this.now();
          if (now >= this.outageUntil) this.outageUntil = now + backoffMs(++this.outageHolds);
          this.pacer.holdUntil(this.outageUntil);
          run.queue.unshift(userId);
          return;
        }
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
      case "halt":
        run.halted = true;
        broadcasts.halt(id, outcome.problem);
        this.wake();
        return;
    }
  }

  private async report(run: Run): Promise<void> {
    run.reportedAt = this.now();
    const broadcast = this.options.broadcasts.get(run.broadcast.id);
    if (!broadcast) return;
    const elapsed = this.now() - run.startedAt;
    const rate = run.done > 0 && elapsed > 0 ? Math.min(this.options.rate, (run.done * 1000) / elapsed) : this.options.rate;
    await this.showProgress(broadcast, rate);
  }

  private async showProgress(broadcast: Broadcast, rate = this.options.rate): Promise<void> {
    const figures = this.options.broadcasts.figures(broadcast.id);
    await this.spend(1);
    await this.options.reporter.progress(broadcast, { figures, ...(broadcast.status === "running" ? { etaMs: (figures.pending * 1000) / rate } : {}) });
  }

  /** The progress message and the report are messages too: they count against the same rate (not waited for when stopping). */
  private async spend(messages: number): Promise<void> {
    for (let wait = this.pacer.waitMs(this.now()); wait > 0 && !this.stopped; wait = this.pacer.waitMs(this.now())) await this.nap(wait);
    this.pacer.take(this.now(), messages);
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
