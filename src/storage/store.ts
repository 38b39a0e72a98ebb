/**
 * The bot's storage, one entry point: a sub-store per part of the database,
 * each with its queries as named functions over prepared statements (features
 * call these; SQL lives nowhere else), and the batch of routine writes the
 * Store owns: users seen and handled updates are written together, a few
 * milliseconds later, and kept while the database takes no writes.
 */
import { createLogger } from "../logger.js";
import { AnswerStore } from "./answers.js";
import type { BatchWriter, PendingWrites } from "./batch.js";
import { BestEffortWrites, type StoreLog } from "./best-effort.js";
import { BroadcastStore } from "./broadcasts.js";
import { ConsoleAccessStore } from "./console-access.js";
import type { Db } from "./database.js";
import { FlowStore } from "./flows.js";
import { LearningStore } from "./learning.js";
import { QuestionStore } from "./questions.js";
import { ReminderStore } from "./reminders.js";
import { StaffStore } from "./staff.js";
import { SubscriptionStore } from "./subscriptions.js";
import { DocumentTickStore } from "./ticks.js";
import { KnowledgeRevisionStore } from "./knowledge-revisions.js";
import { HandledUpdateStore } from "./updates.js";
import { UsageStore } from "./usage.js";
import { UserStore } from "./users.js";

/** Routine writes (handled updates, users seen) are batched into one transaction this often, and on close. */
const FLUSH_MS = 25;
/** A batch that could not be written (a full disk) is tried again after 1 s, then 2, 4... at most a minute apart. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;

export class Store {
  readonly users: UserStore;
  readonly updates: HandledUpdateStore;
  readonly flows: FlowStore;
  readonly ticks: DocumentTickStore;
  readonly staff: StaffStore;
  readonly subscriptions: SubscriptionStore;
  readonly broadcasts: BroadcastStore;
  readonly reminders: ReminderStore;
  readonly questions: QuestionStore;
  readonly learning: LearningStore;
  /** The answers search gave, and the students' "Was this helpful?". */
  readonly answers: AnswerStore;
  readonly usage: UsageStore;
  /** The knowledge console: each publish of an entry, and the staff's login links and sessions. */
  readonly knowledgeRevisions: KnowledgeRevisionStore;
  readonly consoleAccess: ConsoleAccessStore;
  /** The sub-stores whose writes wait for the next batch, in the order they are written. */
  private readonly batched: PendingWrites[];
  private flushTimer: NodeJS.Timeout | undefined;
  /** How long after the last failed batch the next try comes; 0 while batches are written. */
  private retryInMs = 0;
  private failedBatches = 0;
  /** Statistics: a failed write is dropped, never the update it belongs to. */
  readonly bestEffort: BestEffortWrites;

  /** `log` hears about writes that failed without failing an update: a batch kept and tried again, a statistic dropped. */
  constructor(
    private readonly db: Db,
    private readonly log: StoreLog = createLogger(),
  ) {
    const writes: BatchWriter = {
      soon: () => this.scheduleFlush(),
      // While batches fail, the disk is not tried on every change: the next try takes it.
      promptly: () => (this.failedBatches > 0 ? this.scheduleFlush() : this.flushOrReport()),
      now: () => this.flush(),
    };
    this.users = new UserStore(db, writes);
    this.updates = new HandledUpdateStore(db, writes);
    this.batched = [this.users, this.updates];
    this.flows = new FlowStore(db);
    this.ticks = new DocumentTickStore(db);
    this.staff = new StaffStore(db);
    this.subscriptions = new SubscriptionStore(db);
    this.broadcasts = new BroadcastStore(db);
    this.reminders = new ReminderStore(db);
    this.questions = new QuestionStore(db);
    this.learning = new LearningStore(db);
    this.bestEffort = new BestEffortWrites(log);
    this.answers = new AnswerStore(db, this.bestEffort);
    this.usage = new UsageStore(db, this.bestEffort);
    this.knowledgeRevisions = new KnowledgeRevisionStore(db);
    this.consoleAccess = new ConsoleAccessStore(db);
  }

  /**
   * Writes every pending routine write now, in one transaction. Throws if it
   * cannot (a full disk): nothing is dropped, the batch is tried again later,
   * less often the longer it fails, until it is written.
   */
  flush(): void {
    if (!this.batched.some((store) => store.hasPending) || !this.db.open) return;
    const batches = this.batched.map((store) => store.batch());
    try {
      this.db.transaction(() => batches.forEach((batch) => batch.write()))();
    } catch (error) {
      this.failedBatches++;
      this.retryInMs = Math.min(RETRY_MAX_MS, 2 * this.retryInMs || RETRY_FIRST_MS);
      this.scheduleFlush();
      throw error;
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.failedBatches > 0) {
      this.log.info({ failedBatches: this.failedBatches }, "the database takes writes again: the users and handled updates kept meanwhile are written");
      this.failedBatches = 0;
      this.retryInMs = 0;
    }
    // Only what was committed leaves the queue (entries added meanwhile stay).
    for (const batch of batches) batch.written();
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (!this.db.open) return;
    this.usage.flush();
    this.answers.flush();
    this.flush();
    this.db.close();
  }

  /** Arms the next batch: in a few milliseconds, or after a failed one in retryInMs. */
  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.flushOrReport();
    }, this.retryInMs || FLUSH_MS);
  }

  /** flush() for writers that must not fail: a batch that cannot be written is reported, and flush() has kept it and armed the next try. */
  private flushOrReport(): void {
    try {
      this.flush();
    } catch (error) {
      this.log.error({ err: error, retryInMs: this.retryInMs }, "could not write to the database (users, handled updates): kept, and tried again");
    }
  }
}
