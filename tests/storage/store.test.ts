import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { MIGRATIONS } from "../../src/storage/migrations.js";
import { Store } from "../../src/storage/store.js";
import { ROOT } from "../fixtures/paths.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the database", () => {
  it("is created with WAL, a busy timeout and the latest schema, in a new folder", () => {
    const db = openDatabase(join(dir, "nested/bot.sqlite"));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it("writes a user seen only in memory when closed, so a clean stop loses nothing", () => {
    const path = join(dir, "bot.sqlite");
    const store = new Store(openDatabase(path));
    store.users.see({ id: 9, firstName: "Bahrom" });
    store.updates.markHandled(123);
    store.close();
    const again = new Store(openDatabase(path));
    expect(again.users.get(9)?.firstName).toBe("Bahrom");
    expect(again.updates.isHandled(123)).toBe(true);
    again.close();
  });

  it("migrates once: reopening changes nothing and keeps the data", () => {
    const path = join(dir, "bot.sqlite");
    const store = new Store(openDatabase(path));
    store.users.see({ id: 7, firstName: "Aziz" });
    store.close();
    const again = new Store(openDatabase(path));
    expect(again.users.get(7)?.firstName).toBe("Aziz");
    again.close();
  });

  it("refuses a database from a newer version of the bot", () => {
    const path = join(dir, "bot.sqlite");
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer than this code knows/);
  });
});

describe("users", () => {
  it("are created on first sight, refreshed later, and keep their chosen language", () => {
    const store = new Store(openDatabase(":memory:"));
    const first = store.users.see({ id: 1, firstName: "Dilnoza", languageCode: "uz" }, 1000);
    expect(first).toMatchObject({ id: 1, lang: null, firstSeen: 1000, lastSeen: 1000, blocked: false, languageCode: "uz" });
    store.users.setLanguage(1, "uz-cyrl");
    store.users.setBlocked(1, true);
    const later = store.users.see({ id: 1, firstName: "Dilnoza", languageCode: "ru" }, 5000);
    expect(later).toMatchObject({ lang: "uz-cyrl", firstSeen: 1000, lastSeen: 5000, languageCode: "ru", blocked: false });
  });

  it("remember handled updates, and forget them after a week", () => {
    const store = new Store(openDatabase(":memory:"));
    store.updates.markHandled(10, 0);
    store.updates.markHandled(11, 8 * 24 * 3600_000);
    expect(store.updates.isHandled(10)).toBe(true);
    expect(store.updates.forgetHandled(7 * 24 * 3600_000, 9 * 24 * 3600_000)).toBe(1);
    expect(store.updates.isHandled(10)).toBe(false);
    expect(store.updates.isHandled(11)).toBe(true);
  });
});

describe("npm run backup", () => {
  it("copies the database consistently while it is open and being written", async () => {
    const path = join(dir, "bot.sqlite");
    const store = new Store(openDatabase(path));
    for (let i = 1; i <= 500; i++) store.users.see({ id: i, firstName: `user ${i}` });
    const target = join(dir, "backups/copy.sqlite");
    const { stdout } = await promisify(execFile)(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli/backup.ts"), target], {
      env: { ...process.env, DATABASE_PATH: path },
    });
    expect(stdout).toMatch(/✓ .* -> .*copy\.sqlite/);
    store.users.see({ id: 501, firstName: "after" });
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("SELECT count(*) AS n FROM users").get()).toEqual({ n: 500 });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    store.close();
  });
});
