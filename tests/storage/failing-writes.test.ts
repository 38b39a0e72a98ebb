/** A disk that stops taking writes: routine batches are kept and written once it takes them again; statistics are dropped. */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";

interface LogLine {
  level: number;
  msg: string;
  err?: { message: string };
  [field: string]: unknown;
}

/** A logger whose lines the test reads. */
function capturedLog() {
  const lines: LogLine[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { lines, log };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-full-"));
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const count = (path: string, table: string) => {
  const reader = new Database(path, { readonly: true });
  try {
    return (reader.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    reader.close();
  }
};

describe("a batch that cannot be written", () => {
  it("is kept, tried again less and less often, and written once the disk has room", () => {
    const path = join(dir, "bot.sqlite");
    const db = openDatabase(path);
    const { lines, log } = capturedLog();
    const store = new Store(db, log);
    // A full disk, for real: SQLite may not grow the file by a single page.
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true }) as number}`);
    for (let i = 1; i <= 500; i++) {
      store.users.see({ id: i, firstName: `Student ${i}` });
      store.updates.markHandled(1000 + i);
    }
    // A choice made meanwhile neither throws nor is lost.
    store.users.setLanguage(7, "ru");
    store.users.markSubscriptionAsked(7);

    vi.advanceTimersByTime(10 * 60_000);
    const failures = lines.filter((l) => l.msg.startsWith("could not write to the database"));
    expect(failures[0]!.err!.message).toBe("database or disk is full");
    // Reported at each try: after 1 s, 2, 4... then once a minute, not every 25 ms.
    expect(failures.map((l) => l.retryInMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, ...Array<number>(9).fill(60_000)]);
    expect(count(path, "users")).toBe(0);
    expect(store.updates.isHandled(1001)).toBe(true); // still known, from memory

    db.pragma("max_page_count = 1000000"); // room again
    vi.advanceTimersByTime(60_000);
    expect(lines.at(-1)).toMatchObject({ msg: "the database takes writes again: the users and handled updates kept meanwhile are written", failedBatches: 15 });
    expect(count(path, "users")).toBe(500);
    expect(count(path, "handled_updates")).toBe(500);
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare("SELECT lang, subscription_asked FROM users WHERE id = 7").get()).toEqual({ lang: "ru", subscription_asked: 1 });
    reader.close();
    store.close();
  });
});

describe("a statistic that cannot be written", () => {
  it("is dropped without an error to its caller, and reported once a minute with how many were dropped", () => {
    const path = join(dir, "bot.sqlite");
    const db = openDatabase(path);
    const { lines, log } = capturedLog();
    const store = new Store(db, log);
    db.pragma("query_only = ON"); // the database takes no writes
    for (let second = 0; second < 100; second++) {
      store.usage.record("entry-answered", "koica");
      vi.advanceTimersByTime(1000);
    }
    const reports = lines.filter((l) => l.msg.startsWith("could not write a statistic"));
    expect(reports.map((l) => [l.what, l.dropped])).toEqual([
      ["usage count", 1],
      ["usage count", 60],
    ]);
    expect(reports[0]!.err!.message).toBe("attempt to write a readonly database");

    db.pragma("query_only = OFF");
    store.usage.record("entry-answered", "koica");
    expect(store.usage.total("entry-answered", "koica", "2000-01-01")).toBe(1);
    store.close();
  });
});
