/**
 * middleware/once-per-update.ts: an update that comes again (long polling
 * after a restart, a retried webhook) is handled once.
 */
import { describe, expect, it } from "vitest";
import { oncePerUpdate } from "../../../../src/bot/middleware/once-per-update.js";
import type { Store } from "../../../../src/storage/store.js";
import { composerHarness, methods, press, privateText } from "../composer-harness.js";

const once = (store?: Store, handler: () => Promise<unknown> | void = () => {}) =>
  composerHarness({
    store,
    use: (deps) => [
      oncePerUpdate(deps.store),
      async (ctx) => {
        await handler();
        await ctx.reply("handled");
      },
    ],
  });

describe("oncePerUpdate", () => {
  it("handles an update that comes again once, and logs the repeat with its id", async () => {
    const h = once();
    const update = privateText("erasmus");
    expect(methods(await h.send(update))).toEqual(["sendMessage"]);
    expect(await h.send(update)).toEqual([]);
    expect(await h.send(structuredClone(update))).toEqual([]);
    expect(h.logs).toEqual([
      expect.objectContaining({ level: 30, update_id: update.update_id, msg: "update already handled, skipped" }),
      expect.objectContaining({ level: 30, update_id: update.update_id, msg: "update already handled, skipped" }),
    ]);
  });

  it("tells updates apart by update_id only: the same press again under a new id is handled", async () => {
    const h = once();
    const first = press("menu");
    const again = { ...first, update_id: first.update_id + 1000 };
    expect(methods(await h.send(first))).toEqual(["sendMessage"]);
    expect(methods(await h.send(again))).toEqual(["sendMessage"]);
  });

  it("skips an update that comes again while its first copy is still being handled", async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const h = once(undefined, () => slow);
    const update = privateText("erasmus");
    const first = h.send(update);
    expect(await h.send(update)).toEqual([]);
    release();
    expect(methods(await first)).toEqual(["sendMessage"]);
  });

  it("remembers handled updates in the database: after a restart they are skipped", async () => {
    const before = once();
    const update = privateText("erasmus");
    await before.send(update);
    before.store.flush();
    const after = once(before.store);
    expect(await after.send(update)).toEqual([]);
    expect(methods(await after.send(privateText("a new question")))).toEqual(["sendMessage"]);
  });

  it("counts an update whose handler threw as handled: it is not handled again", async () => {
    let calls = 0;
    const h = once(undefined, () => {
      if (++calls === 1) throw new Error("broken");
    });
    const update = privateText("erasmus");
    await expect(h.send(update)).rejects.toThrow("broken");
    expect(await h.send(update)).toEqual([]);
    expect(calls).toBe(1);
  });
});
