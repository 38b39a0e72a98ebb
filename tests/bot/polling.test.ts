/**
 * Long polling in full batches (src/bot/polling.ts): the sink as a plain
 * function, then the real bot under a burst, counted at the fake Bot API.
 */
import { describe, expect, it } from "vitest";
import { fullBatchSink, UPDATES_PER_BATCH } from "../../src/bot/polling.js";
import { withBot } from "./harness.js";

/** A handler whose calls finish when the test says so. */
function heldHandler() {
  const waiting: (() => void)[] = [];
  let running = 0;
  let mostAtOnce = 0;
  return {
    handle: (_update: number) =>
      new Promise<void>((resolve) => {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        waiting.push(() => {
          running--;
          resolve();
        });
      }),
    finish(count: number) {
      for (const done of waiting.splice(0, count)) done();
    },
    get running() {
      return running;
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
  };
}

const batch = (from: number) => Array.from({ length: 100 }, (_, i) => from + i);
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("fullBatchSink", () => {
  it("asks for the next full batch only when it fits under the limit, and never holds more", async () => {
    const handler = heldHandler();
    const sink = fullBatchSink(handler.handle, async () => {}, { inFlight: 150, batch: 100 });
    let asked = false;
    const first = sink.handle(batch(0)).then((size) => ((asked = true), size));
    await settled();
    expect(handler.running).toBe(100); // the batch in hand is handled at once
    // A next batch of 100 fits under 150 only when no more than 50 are running.
    handler.finish(49);
    await settled();
    expect(asked).toBe(false);
    handler.finish(1);
    await expect(first).resolves.toBe(100);
    expect(handler.running).toBe(50);
    const second = sink.handle(batch(100));
    await settled();
    expect(handler.running).toBe(150);
    handler.finish(100);
    await expect(second).resolves.toBe(100);
    expect(handler.mostAtOnce).toBe(150);
  });

  it("stops waiting for room when the runner stops, so a stop need not wait for a batch it will not fetch", async () => {
    const handler = heldHandler();
    const sink = fullBatchSink(handler.handle, async () => {}, { inFlight: 100, batch: 50 });
    let returned = false;
    const waiting = sink.handle(batch(0)).then(() => (returned = true));
    await settled();
    expect(returned).toBe(false); // 100 running, no room for 50 more
    sink.stopWaiting();
    await waiting;
    expect(handler.running).toBe(100); // the updates in hand still finish; the app's drain waits for them
    handler.finish(100);
  });

  it("hands a failing update to the error handler and keeps counting", async () => {
    const errors: unknown[] = [];
    const sink = fullBatchSink(
      async (update: number) => {
        if (update === 3) throw new Error("boom");
      },
      async (error) => void errors.push(error),
      { inFlight: 100, batch: 100 },
    );
    await sink.handle([1, 2, 3, 4]);
    await expect(sink.handle(batch(10))).resolves.toBe(100);
    await settled();
    expect(errors).toEqual([new Error("boom")]);
    expect(sink.size()).toBe(0);
  });
});

describe("the bot under a burst", () => {
  const bot = withBot();

  it("answers 400 students who write at once, fetching whole batches of updates", async () => {
    const users = Array.from({ length: 400 }, (_, i) => bot.fake.user({ languageCode: i % 2 ? "ru" : "en" }));
    const since = bot.fake.calls.length;
    await Promise.all(users.map((user) => user.send(user.id % 2 ? "какие документы нужны для эразмус" : "erasmus deadline")));
    const polls = bot.fake.calls.slice(since).filter((call) => call.method === "getUpdates");
    // Each poll asks for a whole batch: the runner's own sink would ask for its free slots, often one.
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((call) => Number(call.params.limit) === UPDATES_PER_BATCH)).toBe(true);
    expect(users.every((user) => user.messages().length === 1)).toBe(true);
  }, 60_000);
});
