import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "reminders-"));
  store = new Store(openDatabase(join(dir, "bot.sqlite")));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the reminders table", () => {
  it("keeps one reminder per user, program and deadline", () => {
    expect(store.reminders.add(1, "koica", "2027-03-01", 1000)).toBe(true);
    expect(store.reminders.add(1, "koica", "2027-03-01", 2000)).toBe(false);
    expect(store.reminders.add(1, "koica", "2027-09-01", 3000)).toBe(true);
    expect(store.reminders.find(1, "koica", "2027-03-01")).toEqual({ userId: 1, programId: "koica", deadline: "2027-03-01", remindAt: 1000, sentAt: null });
  });

  it("claims a due reminder once: marked sent as it is handed out", () => {
    store.reminders.add(1, "koica", "2027-03-01", 1000);
    store.reminders.add(2, "koica", "2027-03-01", 500);
    store.reminders.add(3, "koica", "2027-03-01", 5000); // not due yet
    expect(store.reminders.claimDue(1000, 10).map((r) => [r.userId, r.sentAt])).toEqual([[2, 1000], [1, 1000]]);
    expect(store.reminders.claimDue(1001, 10)).toEqual([]);
    expect(store.reminders.claimDue(5000, 10).map((r) => r.userId)).toEqual([3]);
  });

  it("claims at most `limit` at a time, earliest first", () => {
    for (const user of [1, 2, 3]) store.reminders.add(user, "koica", "2027-03-01", 100 * (4 - user));
    expect(store.reminders.claimDue(1000, 2).map((r) => r.userId)).toEqual([3, 2]);
    expect(store.reminders.claimDue(1000, 2).map((r) => r.userId)).toEqual([1]);
  });

  it("cancels only what is not sent yet", () => {
    store.reminders.add(1, "koica", "2027-03-01", 1000);
    store.reminders.add(1, "koica", "2027-09-01", 9000);
    store.reminders.claimDue(1000, 10);
    expect(store.reminders.cancel(1, "koica")).toBe(1);
    expect(store.reminders.find(1, "koica", "2027-09-01")).toBeUndefined();
    expect(store.reminders.find(1, "koica", "2027-03-01")?.sentAt).toBe(1000);
  });

  it("forgets reminders sent long ago, never the ones still to send", () => {
    store.reminders.add(1, "koica", "2027-03-01", 1000);
    store.reminders.add(2, "koica", "2027-03-01", 10 ** 13); // far ahead
    store.reminders.claimDue(2000, 10);
    expect(store.reminders.forgetSent(1000, 2500)).toBe(0);
    expect(store.reminders.forgetSent(1000, 3001)).toBe(1);
    expect(store.reminders.find(1, "koica", "2027-03-01")).toBeUndefined();
    expect(store.reminders.find(2, "koica", "2027-03-01")?.sentAt).toBeNull();
  });
});
