/**
 * grammY's filters without their per-update garbage. Every `.on()`,
 * `.command()`, `.callbackQuery()`, `.hears()` and `.filter()` is a
 * `branch()`, which grammY (1.x) builds on `lazy()`: for each update and each
 * filter it awaits the predicate, allocates a Composer and its middleware, and
 * spends a few microtask turns, even when the filter does not match. The bot
 * registers about a hundred filters, so a question that reaches the answers
 * feature went through all of them: under load this was most of grammY's cost
 * and much of the garbage collector's (bench:bot's profile).
 *
 * The same branch, in place: the predicate is called, awaited only when it
 * returns a promise, and the chosen middleware is run; a Composer is still
 * read when the update comes, so handlers added to it later are seen, as
 * before. Installed on grammY's Composer once, by importing this module
 * (create-bot.ts does), before any filter is registered.
 */
import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

const flatten = <C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> =>
  typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === "function";

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
