import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";
import { dayOf, firstDayOf } from "../../src/storage/usage.js";

const DAY = 24 * 3600_000;
const NOW = Date.parse("2026-11-28T12:00:00Z");

let store: Store;
beforeEach(() => {
  store = new Store(openDatabase(":memory:"));
});
afterEach(() => store.close());

describe("usage counters", () => {
  it("count per day and sum over the days asked for, most counted first", () => {
    const { usage } = store;
    for (let i = 0; i < 3; i++) usage.record("entry-answered", "koica", undefined, NOW);
    usage.record("entry-answered", "erasmus-mundus", undefined, NOW);
    usage.record("entry-answered", "erasmus-mundus", undefined, NOW - 10 * DAY);
    usage.record("entry-answered", "erasmus-mundus", undefined, NOW - 29 * DAY);
    usage.record("entry-answered", "erasmus-mundus", undefined, NOW - 30 * DAY); // the 31st day back: outside 30 days
    usage.record("flow-started", "apply", undefined, NOW);

    const since = firstDayOf(30, NOW);
    expect(since).toBe("2026-10-30");
    expect(usage.top("entry-answered", since, 10)).toEqual([
      { subject: "erasmus-mundus", count: 3 },
      { subject: "koica", count: 3 },
    ]);
    expect(usage.top("entry-answered", dayOf(NOW), 1)).toEqual([{ subject: "koica", count: 3 }]);
    expect(usage.total("entry-answered", "erasmus-mundus", "2000-01-01")).toBe(4);
    expect(usage.total("flow-started", "apply", since)).toBe(1);
    expect(usage.total("flow-completed", "apply", since)).toBe(0);
  });

  it("take the day in Tashkent, the department's day", () => {
    expect(dayOf(Date.parse("2026-11-29T01:30:00+05:00"))).toBe("2026-11-29");
    expect(dayOf(Date.parse("2026-11-28T23:30:00+05:00"))).toBe("2026-11-28");
    expect(firstDayOf(1, NOW)).toBe("2026-11-28");
  });

  it("count a key given as `once` one time a day only", () => {
    const { usage } = store;
    usage.record("flow-started", "apply", "7:koica", NOW);
    usage.record("flow-started", "apply", "7:koica", NOW + 1000); // paging back to the first page
    usage.record("flow-started", "apply", "7:erasmus-mundus", NOW); // another program
    usage.record("flow-started", "apply", "8:koica", NOW); // another student
    usage.record("flow-completed", "apply", "7:koica", NOW); // another kind
    expect(usage.total("flow-started", "apply", dayOf(NOW))).toBe(3);
    usage.record("flow-started", "apply", "7:koica", NOW + DAY); // the next day counts again
    expect(usage.total("flow-started", "apply", dayOf(NOW))).toBe(4);
    expect(usage.total("flow-completed", "apply", dayOf(NOW))).toBe(1);
  });

  it("are written at once, so a stop loses none", () => {
    const dir = mkdtempSync(join(tmpdir(), "usage-"));
    try {
      const path = join(dir, "bot.sqlite");
      const first = new Store(openDatabase(path));
      first.usage.record("entry-answered", "koica");
      first.close();
      const again = new Store(openDatabase(path));
      expect(again.usage.total("entry-answered", "koica", firstDayOf(1))).toBe(1);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("user figures", () => {
  it("count users, blocked ones, languages of the others, new and recently seen ones", () => {
    const see = (id: number, at: number) => store.users.see({ id, firstName: `U${id}` }, at);
    see(1, NOW - 100 * DAY);
    see(1, NOW - 1 * DAY); // an old user, seen lately
    see(2, NOW - 2 * DAY); // new
    see(3, NOW - 20 * DAY);
    see(4, NOW - 3 * DAY); // new, then blocked the bot
    see(5, NOW - 40 * DAY);
    store.users.setLanguage(1, "uz");
    store.users.setLanguage(2, "uz-cyrl");
    store.users.setLanguage(3, "ru");
    store.users.setLanguage(4, "en");
    store.users.setBlocked(4, true);
    store.flush();
    expect(store.usage.users(7, NOW)).toEqual({
      total: 5,
      blocked: 1,
      byLang: { uz: 1, "uz-cyrl": 1, ru: 1, en: 0, none: 1 },
      newSince: 2,
      activeSince: 2,
    });
  });

  it("are zeros on an empty database", () => {
    expect(store.usage.users(7, NOW)).toEqual({ total: 0, blocked: 0, byLang: { uz: 0, "uz-cyrl": 0, ru: 0, en: 0, none: 0 }, newSince: 0, activeSince: 0 });
  });
});

describe("unanswered questions", () => {
  it("are counted since a time", () => {
    store.learning.log(1, "yozgi maktab", "maktab ozg", "uz", NOW - 40 * DAY);
    store.learning.log(1, "yozgi maktab", "maktab ozg", "uz", NOW - 2 * DAY);
    store.learning.log(2, "летняя школа", "letn shkol", "ru", NOW);
    expect(store.usage.unansweredSince(NOW - 30 * DAY)).toBe(2);
    expect(store.usage.unansweredSince(NOW + 1)).toBe(0);
  });
});
