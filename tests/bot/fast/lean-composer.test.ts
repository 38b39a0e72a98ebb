/**
 * bot/lean-composer.ts: grammY's use() and branch() (under every filter)
 * without their per-update garbage, and with the same behaviour: order,
 * fall-through, async predicates, handlers added after registration, `next`
 * called twice, errors thrown or rejected.
 */
import { Composer, type Context } from "grammy";
import { describe, expect, it } from "vitest";
import "../../../src/bot/lean-composer.js";

type Ctx = Context & { seen: string[]; n: number };
const ctxOf = (n: number) => ({ seen: [], n }) as unknown as Ctx;
const run = async (composer: Composer<Ctx>, n: number) => {
  const ctx = ctxOf(n);
  await composer.middleware()(ctx, async () => void ctx.seen.push("next"));
  return ctx.seen;
};

describe("branch", () => {
  it("runs the matching side, in registration order, and falls through", async () => {
    const c = new Composer<Ctx>();
    c.use((ctx, next) => (ctx.seen.push("first"), next()));
    c.filter((ctx) => ctx.n > 1, (ctx, next) => (ctx.seen.push("big"), next()));
    c.branch((ctx) => ctx.n % 2 === 0, (ctx) => void ctx.seen.push("even"), (ctx, next) => (ctx.seen.push("odd"), next()));
    c.use((ctx, next) => (ctx.seen.push("last"), next()));
    expect(await run(c, 1)).toEqual(["first", "odd", "last", "next"]);
    expect(await run(c, 2)).toEqual(["first", "big", "even"]);
    expect(await run(c, 3)).toEqual(["first", "big", "odd", "last", "next"]);
  });

  it("awaits an async predicate, as drop() has", async () => {
    const c = new Composer<Ctx>();
    c.filter(async (ctx) => (await Promise.resolve(ctx.n)) === 1, (ctx) => void ctx.seen.push("one"));
    c.drop(async (ctx) => ctx.n === 2, (ctx, next) => (ctx.seen.push("not two"), next()));
    expect(await run(c, 1)).toEqual(["one"]);
    expect(await run(c, 2)).toEqual(["next"]);
    expect(await run(c, 3)).toEqual(["not two", "next"]);
  });

  it("sees handlers added to a filter's composer after it was registered", async () => {
    const c = new Composer<Ctx>();
    const inner = c.filter((ctx) => ctx.n === 1);
    expect(await run(c, 1)).toEqual(["next"]);
    inner.use((ctx) => void ctx.seen.push("added later"));
    expect(await run(c, 1)).toEqual(["added later"]);
  });

  it("passes a filter in last place that does not hold on to the caller's next", async () => {
    const c = new Composer<Ctx>();
    c.use((ctx, next) => (ctx.seen.push("first"), next()));
    c.filter((ctx) => ctx.n === 1, (ctx) => void ctx.seen.push("one"));
    expect(await run(c, 1)).toEqual(["first", "one"]);
    expect(await run(c, 2)).toEqual(["first", "next"]);
  });

  it("runs middleware added to the composer a branch returned, after the side that calls next", async () => {
    const c = new Composer<Ctx>();
    const branched = c.branch((ctx) => ctx.n === 1, (ctx, next) => (ctx.seen.push("yes"), next()), (ctx, next) => (ctx.seen.push("no"), next()));
    branched.use((ctx, next) => (ctx.seen.push("after"), next()));
    expect(await run(c, 1)).toEqual(["yes", "after", "next"]);
    expect(await run(c, 2)).toEqual(["no", "after", "next"]);
  });

  it("takes arrays of middleware on either side", async () => {
    const c = new Composer<Ctx>();
    const push = (s: string) => (ctx: Ctx, next: () => Promise<void>) => (ctx.seen.push(s), next());
    c.branch((ctx) => ctx.n === 1, [push("a"), push("b")], [push("c")]);
    expect(await run(c, 1)).toEqual(["a", "b", "next"]);
    expect(await run(c, 2)).toEqual(["c", "next"]);
  });

  it("rejects with a predicate's error, thrown or rejected", async () => {
    const thrown = new Composer<Ctx>();
    thrown.filter(() => {
      throw new Error("boom");
    });
    await expect(run(thrown, 1)).rejects.toThrow("boom");
    const rejected = new Composer<Ctx>();
    rejected.filter(() => Promise.reject(new Error("later")));
    await expect(run(rejected, 1)).rejects.toThrow("later");
  });
});

describe("use", () => {
  const push = (s: string) => (ctx: Ctx, next: () => Promise<void>) => (ctx.seen.push(s), next());

  it("runs middleware in order, each around the rest, and the caller's next last", async () => {
    const c = new Composer<Ctx>(push("given"));
    c.use(async (ctx, next) => {
      ctx.seen.push("before");
      await next();
      ctx.seen.push("after");
    });
    c.use(push("a"), push("b"));
    expect(await run(c, 1)).toEqual(["given", "before", "a", "b", "next", "after"]);
  });

  it("stops where a middleware does not call next", async () => {
    const c = new Composer<Ctx>();
    c.use(push("a"));
    c.use((ctx) => void ctx.seen.push("stop"));
    c.use(push("never"));
    expect(await run(c, 1)).toEqual(["a", "stop"]);
  });

  it("takes a composer's later handlers, but not into a middleware() taken before", async () => {
    const c = new Composer<Ctx>();
    const inner = c.use(push("inner"));
    const before = c.middleware();
    inner.use(push("inner later"));
    c.use(push("outer later"));
    const ctx = ctxOf(1);
    await before(ctx, async () => void ctx.seen.push("next"));
    expect(ctx.seen).toEqual(["inner", "inner later", "next"]);
    expect(await run(c, 1)).toEqual(["inner", "inner later", "outer later", "next"]);
  });

  it("gives next as a promise, refuses it twice, and turns a synchronous throw into a rejection", async () => {
    const c = new Composer<Ctx>();
    c.use((_ctx, next) => {
      const first = next();
      expect(first).toBeInstanceOf(Promise);
      return first.then(() => next());
    });
    c.use(push("a"));
    await expect(run(c, 1)).rejects.toThrow("`next` already called before!");
    // The last middleware's next is the caller's own, unguarded, as in grammY.
    const last = new Composer<Ctx>();
    last.use((_ctx, next) => next().then(() => next()));
    expect(await run(last, 1)).toEqual(["next", "next"]);
    const thrower = new Composer<Ctx>();
    thrower.use(push("a"));
    thrower.use(() => {
      throw new Error("sync");
    });
    const result = thrower.middleware()(ctxOf(1), async () => {});
    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toThrow("sync");
  });

  it("lets an error from later middleware reach an earlier one's catch", async () => {
    const c = new Composer<Ctx>();
    c.use(async (ctx, next) => {
      try {
        await next();
      } catch (error) {
        ctx.seen.push(`caught ${(error as Error).message}`);
      }
    });
    c.filter(() => false, () => {});
    c.use(() => Promise.reject(new Error("late")));
    expect(await run(c, 1)).toEqual(["caught late"]);
  });
});
