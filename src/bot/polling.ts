/**
 * Long polling with the grammY runner, fetching full batches. The runner's
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

/** Telegram's largest getUpdates batch. */
const BATCH = 100;

export function startPolling<C extends Context>(bot: Bot<C>, { inFlight, fetch, logger }: { inFlight: number; fetch: RunnerOptions["fetch"]; logger: Logger }): RunnerHandle {
  const fetchUpdates = createUpdateFetcher(bot, { fetch });
  const source = createSource({
    supply: async (batchSize, signal) => {
      await bot.init();
      return fetchUpdates(batchSize, signal);
    },
  });
  const onError = async (error: unknown) => {
    try {
      await bot.errorHandler(error as BotError<C>); // handleUpdate fails with a BotError only
    } catch (handlerError) {
      logger.error({ err: handlerError }, "the error handler failed");
    }
  };
  const runner = createRunner(source, fullBatchSink((update) => bot.handleUpdate(update), onError, inFlight));
  runner.start();
  return runner;
}

/**
 * At most `inFlight` updates handled at once (no fewer than a batch), and the
 * next batch asked for only when it fits. Pure of Telegram: takes the handler.
 */
export function fullBatchSink<U = Update>(
  handle: (update: U) => Promise<void>,
  onError: Parameters<typeof createConcurrentSink<U>>[1],
  inFlight: number,
): UpdateSink<U> {
  const limit = Math.max(inFlight, BATCH);
  let running = 0;
  let roomForBatch: (() => void) | undefined;
  const queue = createConcurrentSink<U>(
    {
      consume: async (update) => {
        try {
          await handle(update);
        } finally {
          running--;
          if (roomForBatch && running <= limit - BATCH) {
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
      if (running > limit - BATCH) await new Promise<void>((resolve) => (roomForBatch = resolve));
      return BATCH;
    },
    size: () => queue.size(),
    snapshot: () => queue.snapshot(),
  };
}
