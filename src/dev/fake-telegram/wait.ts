// One way to wait for something the bot does: a subscription, a timeout with
// a helpful message, and cancellation when the fake stops (so a test never
// hangs on a dead server).
import type { World } from "./world.js";

export function waitFor<T>(
  world: World,
  timeoutMs: number,
  subscribe: (done: (value: T) => void) => () => void,
  timeoutMessage: () => string,
): Promise<T> {
  // Created now so the stack points at the test line, not at a timer.
  const error = new Error("timeout");
  return new Promise<T>((resolve, reject) => {
    let unsubscribe: () => void = () => {};
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      world.pending.delete(abort);
    };
    const abort = (err: Error) => {
      finish();
      reject(err);
    };
    const timer = setTimeout(() => {
      error.message = timeoutMessage();
      abort(error);
    }, timeoutMs);
    world.pending.add(abort);
    unsubscribe = subscribe((value) => {
      finish();
      resolve(value);
    });
  });
}

export const DEFAULT_TIMEOUT_MS = 5000;
