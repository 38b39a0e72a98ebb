/**
 * Routine writes (users seen, handled updates) wait in their sub-store's
 * memory; the Store writes them all in one transaction, a few milliseconds
 * later, and keeps them while the database takes no writes (a full disk).
 */

/** A sub-store whose writes wait for the Store's next batch. */
export interface PendingWrites {
  readonly hasPending: boolean;
  /** What waits now: `write` runs inside the batch's transaction, `written` once it is committed (what came meanwhile stays). */
  batch(): { write(): void; written(): void };
}

/** How a sub-store asks the Store to write what waits. */
export interface BatchWriter {
  /** With the next batch, in a few milliseconds (or at the next try, while batches fail). */
  soon(): void;
  /** At once, or at the next try while batches fail; never throws. */
  promptly(): void;
  /** At once; throws if it cannot (the batch is kept and tried again). */
  now(): void;
}
