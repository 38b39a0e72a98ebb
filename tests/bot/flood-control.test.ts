/** The flood limit as promised: at most 20 updates in any 10 seconds per user, and one warning a window. */
import { describe, expect, it } from "vitest";
import { FLOOD_LIMIT, slidingWindows } from "../../src/bot/middleware/flood-control.js";

describe("the per-user flood window", () => {
  it("lets 20 updates through in 10 seconds, drops the 21st with one warning, and lets it through once the first is 10 s old", () => {
    expect(FLOOD_LIMIT).toMatchObject({ updates: 20, perMs: 10_000 });
    const allow = slidingWindows(20, 10_000);
    const at = (ms: number) => allow("user", ms);
    for (let i = 0; i < 20; i++) expect(at(i * 100)).toEqual({ pass: true, warn: false });
    expect(at(5_000)).toEqual({ pass: false, warn: true });
    expect(at(9_999)).toEqual({ pass: false, warn: false });
    // The first was let through at 0 ms: at 10 s it no longer counts.
    expect(at(10_000)).toEqual({ pass: true, warn: false });
    expect(at(10_050)).toEqual({ pass: false, warn: false });
  });

  it("warns a flooder again only once a window has passed since the last warning", () => {
    const allow = slidingWindows(20, 10_000);
    // Ten updates a second for 25 seconds: twice the limit, all along.
    const results = [...Array(250).keys()].map((i) => allow("user", i * 100));
    expect(results.filter((r) => r.pass)).toHaveLength(60);
    expect(results.flatMap((r, i) => (r.warn ? [i * 100] : []))).toEqual([2_000, 12_000, 22_000]);
  });

  it("holds for any 10 seconds, not only for windows on the clock: 20 late in one and 20 early in the next are not 40", () => {
    const allow = slidingWindows(20, 10_000);
    allow("someone else", 0);
    const passed = [...Array(40).keys()].map((i) => allow("user", 9_000 + i * 50).pass).filter(Boolean);
    expect(passed).toHaveLength(20);
  });

  it("counts each user apart", () => {
    const allow = slidingWindows(2, 10_000);
    expect([allow("a", 0), allow("a", 1), allow("a", 2)].map((r) => r.pass)).toEqual([true, true, false]);
    expect(allow("b", 3).pass).toBe(true);
  });
});
