/**
 * grammY's middleware composition without its per-update garbage, the same
 * behaviour. Installed on grammY's Composer once, by importing this module
 * (create-bot.ts does), before any middleware is registered.
 *
 * - branch(), under every `.on()`, `.command()`, `.callbackQuery()`,
 *   `.hears()` and `.filter()`: grammY (1.x) builds it on `lazy()`, which for
 *   each update and each filter awaits the predicate, allocates a Composer and
 *   its middleware, and spends a few microtask turns, even when the filter
 *   does not match. Here the predicate is called, awaited only when it returns
 *   a promise, and the chosen middleware run.
 * - use(): grammY nests each registered middleware in two async functions
 *   (concat), so an update that reaches the last of a hundred handlers holds
 *   two hundred pending promises while its reply is on the way (under load
 *   they outlive the young generation: most of the garbage collector's work).
 *   Here a composer runs a list of its middleware, one frame per middleware;
 *   `next` still returns a promise and refuses to be called twice (but for
 *   the last middleware's, the caller's own, as in grammY), and a
 *   middleware's synchronous throw still becomes a rejection.
 *
 * In both, a Composer is read when the update comes, so handlers added to it
 * later are seen, as before; and a composer's middleware() taken before a
 * later use() does not see it, as before.
 */
import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

const flatten = <C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> =>
  typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === "function";

/** What `run` returns or throws, as a promise. */
function settle(run: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The middleware in `list` one after the other, each getting the next as its `next`, the last the caller's. */
function sequence<C extends Context>(list: readonly MiddlewareFn<C>[]): MiddlewareFn<C> {
  return (ctx: C, next: NextFunction) => {
    const step = (i: number): unknown => {
      // As in grammY, the last gets the caller's next itself; the others a guarded one.
      if (i === list.length - 1) return list[i]!(ctx, next);
      let called = false;
      return list[i]!(ctx, () => {
        if (called) return Promise.reject(new Error("`next` already called before!"));
        called = true;
        return settle(() => step(i + 1)) as Promise<void>;
      });
    };
    return settle(() => step(0)) as Promise<void>;
  };
}

const LIST = Symbol("the composer's middleware, in order");
interface Internals<C extends Context> {
  handler: MiddlewareFn<C>;
  [LIST]?: MiddlewareFn<C>[];
}

/** What an empty Composer runs: grammY's pass-through, which only calls next, so it need not be a step of the list. */
const PASS_THROUGH = (new Composer() as unknown as Internals<Context>).handler;

Composer.prototype.use = function use<C extends Context>(this: Composer<C>, ...middleware: Middleware<C>[]): Composer<C> {
  const composer = new Composer(...middleware);
  const self = this as unknown as Internals<C>;
  // What the constructor was given comes first.
  const list = (self[LIST] ??= self.handler === PASS_THROUGH ? [] : [self.handler]);
  list.push(flatten(composer));
  self.handler = sequence(list.slice());
  return composer;
} as typeof Composer.prototype.use;

Composer.prototype.branch = function branch<C extends Context>(
  this: Composer<C>,
  predicate: (ctx: C) => boolean | Promise<boolean>,
  trueMiddleware: Middleware<C> | Middleware<C>[],
  falseMiddleware: Middleware<C> | Middleware<C>[],
): Composer<C> {
  const asOne = (middleware: Middleware<C> | Middleware<C>[]) => (Array.isArray(middleware) ? flatten(new Composer(...middleware)) : flatten(middleware));
  const whenTrue = asOne(trueMiddleware);
  const whenFalse = asOne(falseMiddleware);
  return this.use((ctx, next) => {
    const chosen = predicate(ctx);
    return isThenable(chosen) ? Promise.resolve(chosen).then((yes) => (yes ? whenTrue : whenFalse)(ctx, next)) : (chosen ? whenTrue : whenFalse)(ctx, next);
  });
} as typeof Composer.prototype.branch;
