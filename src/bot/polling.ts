/**
 * Long polling with the grammY runner, fetching whole batches. The runner's
 * own concurrent sink (run()) asks for as many updates as it has free slots
 * at the moment a slot frees, usually one: under load the bot then makes a
 * getUpdates round trip for every few updates and sits idle between them.
 * This sink waits until a whole batch fits under the limit and asks for that
 * batch, so the handlers still in flight cover the round trip. Otherwise it
 * is run(): the runner's fetcher, source, queue and error handling.
 */
import {
  createConcurrentSink,
  createRunner,
  createSource,
  createUpdateFetcher,
  type RunnerHandle,
  type RunnerOptions,
  type UpdateSink,
} from "@grammyjs/runner";
import type { Bot, BotError, Context } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";

/**
 * Updates asked for at once: half of Telegram's most (100). Under load, batches
 * of 50 with at most 100 in hand answered faster, run beside run, than batches
 * of 100 with 128 or 100 in hand (npm run bench:bot, saturation): fewer updates
 * parsed at once and held while their answers go out, so less of each survives
 * into the garbage collector's old generation.
 */
export const UPDATES_PER_BATCH = 50;

export function startPolling<C extends Context>(bot: Bot<C>, { inFlight, fetch, logger }: { inFlight: number; fetch: RunnerOptions["fetch"]; logger: Logger }): RunnerHandle {
  const fetchUpdates = createUpdateFetcher(bot, { fetch });
  const source = createSource({
    // The source's first ask is for "as many as there are" (Telegram: 100); a batch is the most.
    supply: async (batchSize, signal) => {
      await bot.init();
      return fetchUpdates(Math.min(batchSize, UPDATES_PER_BATCH), signal);
    },
  });
  const onError = async (error: unknown) => {
    try {
      await bot.errorHandler(error as BotError<C>); // handleUpdate fails with a BotError only
    } catch (handlerError) {
      logger.error({ err: handlerError }, "the error handler failed");
    }
  };
  const sink = fullBatchSink((update) => bot.handleUpdate(update), onError, { inFlight, batch: UPDATES_PER_BATCH });
  const runner = createRunner(source, sink);
  runner.start();
  return {
    ...runner,
    // The runner's loop may be waiting for room for a batch that will not be fetched: a stop need not wait for that room.
    stop: () => {
      const stopped = runner.stop();
      sink.stopWaiting();
      return stopped;
    },
  };
}

/**
 * At most `inFlight` updates handled at once (no fewer than a batch), and the
 * next batch asked for only when it fits. Pure of Telegram: takes the handler.
 * stopWaiting() lets a handle() waiting for room return at once (on stop).
 */
export function fullBatchSink<U = Update>(
  handle: (update: U) => Promise<void>,
  onError: Parameters<typeof createConcurrentSink<U>>[1],
  { inFlight, batch }: { inFlight: number; batch: number },
): UpdateSink<U> & { stopWaiting(): void } {
  const limit = Math.max(inFlight, batch);
  let running = 0;
  let roomForBatch: (() => void) | undefined;
  const queue = createConcurrentSink<U>(
    {
      consume: async (update) => {
        try {
          await handle(update);
        } finally {
          running--;
          if (roomForBatch && running <= limit - batch) {
            roomForBatch();
            roomForBatch = undefined;
          }
        }
      },
    },
    onError,
    // The gate below keeps the count; the queue itself must never hold a batch back.
    { concurrency: Infinity },
  );
  return {
    handle: async (updates) => {
      running += updates.length;
      await queue.handle(updates);
      if (running > limit - batch) await new Promise<void>((resolve) => (roomForBatch = resolve));
      return batch;
    },
    size: () => queue.size(),
    snapshot: () => queue.snapshot(),
    stopWaiting: () => {
      roomForBatch?.();
      roomForBatch = undefined;
    },
  };
}
