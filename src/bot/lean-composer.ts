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
 *   a promise, and the chosen middleware run; in a composer's list a filter
 *   that does not hold is passed over without a call at all.
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

const LIST = Symbol("the composer's middleware, in order");
const BRANCH = Symbol("a branch's predicate and its two sides");
interface Internals<C extends Context> {
  handler: MiddlewareFn<C>;
  [LIST]?: Entry<C>[];
}
interface Branch<C extends Context> {
  predicate: (ctx: C) => boolean | Promise<boolean>;
  whenTrue: MiddlewareFn<C>;
  whenFalse: MiddlewareFn<C>;
}
type BranchFn<C extends Context> = MiddlewareFn<C> & { [BRANCH]?: Branch<C> };
/** A step of a composer's list: what its constructor was given, or a Composer made by use() (read again on each update). */
type Entry<C extends Context> = MiddlewareFn<C> | Composer<C>;

/** What an empty Composer runs, and a filter when it does not hold: grammY's pass-through, which only calls next. */
const PASS_THROUGH = (new Composer() as unknown as Internals<Context>).handler;

const handlerOf = <C extends Context>(entry: Entry<C>): BranchFn<C> => (entry instanceof Composer ? (entry as unknown as Internals<C>).handler : entry);

/**
 * The middleware in `list` one after the other, each getting the next as its
 * `next`, the last the caller's. A branch (every filter) is decided here:
 * one that does not hold is passed over in the loop, where calling it would
 * cost a next() with its closure and promise, held until the update is
 * answered (a text message passes some hundred filters).
 */
function sequence<C extends Context>(list: readonly Entry<C>[]): MiddlewareFn<C> {
  const last = list.length - 1;
  return (ctx: C, next: NextFunction) => {
    const call = (i: number, handler: MiddlewareFn<C>): unknown => {
      // As in grammY, the last gets the caller's next itself; the others a guarded one.
      if (i === last) return handler(ctx, next);
      let called = false;
      return handler(ctx, () => {
        if (called) return Promise.reject(new Error("`next` already called before!"));
        called = true;
        return settle(() => step(i + 1)) as Promise<void>;
      });
    };
    const chosen = (i: number, branch: Branch<C>, holds: boolean): unknown =>
      holds ? call(i, branch.whenTrue) : branch.whenFalse !== PASS_THROUGH ? call(i, branch.whenFalse) : i === last ? next() : step(i + 1);
    const step = (i: number): unknown => {
      for (;;) {
        const handler = handlerOf(list[i]!);
        const branch = handler[BRANCH];
        if (!branch) return call(i, handler);
        const holds = branch.predicate(ctx);
        if (isThenable(holds)) return Promise.resolve(holds).then((yes) => chosen(i, branch, yes));
        if (holds || branch.whenFalse !== PASS_THROUGH || i === last) return chosen(i, branch, holds);
        i++;
      }
    };
    return settle(() => step(0)) as Promise<void>;
  };
}

Composer.prototype.use = function use<C extends Context>(this: Composer<C>, ...middleware: Middleware<C>[]): Composer<C> {
  const composer = new Composer(...middleware);
  const self = this as unknown as Internals<C>;
  // What the constructor was given comes first.
  const list = (self[LIST] ??= self.handler === PASS_THROUGH ? [] : [self.handler]);
  list.push(composer);
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
  const branch: BranchFn<C> = (ctx, next) => {
    const chosen = predicate(ctx);
    return isThenable(chosen) ? Promise.resolve(chosen).then((yes) => (yes ? whenTrue : whenFalse)(ctx, next)) : (chosen ? whenTrue : whenFalse)(ctx, next);
  };
  // Its parts, for a sequence to decide it without calling it.
  branch[BRANCH] = { predicate, whenTrue, whenFalse };
  return this.use(branch);
} as typeof Composer.prototype.branch;
