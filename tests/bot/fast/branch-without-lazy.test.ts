/**
 * bot/branch-without-lazy.ts: grammY's branch (under every filter) without a
 * Composer per update, and with the same behaviour: order, fall-through,
 * async predicates, handlers added after registration, errors.
 */
import { Composer, type Context } from "grammy";
import { describe, expect, it } from "vitest";
import "../../../src/bot/branch-without-lazy.js";

type Ctx = Context & { seen: string[]; n: number };
const ctxOf = (n: number) => ({ seen: [], n }) as unknown as Ctx;
const run = async (composer: Composer<Ctx>, n: number) => {
  const ctx = ctxOf(n);
  await composer.middleware()(ctx, async () => void ctx.seen.push("next"));
  return ctx.seen;
};

describe("branch without lazy", () => {
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
