/** No bot token is kept in the database: none is written, and those an older version wrote are scrubbed when it is opened. */
import Database from "better-sqlite3";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/database.js";
import { MIGRATIONS } from "../../src/storage/migrations.js";
import { Store } from "../../src/storage/store.js";

const SECRET = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const TOKEN = `123456789:${SECRET}`;
const NETWORK_ERROR = `request to https://api.telegram.org/bot${TOKEN}/copyMessage failed, reason: socket hang up`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "store-secrets-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errorsIn(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("SELECT user_id, error FROM broadcast_recipients ORDER BY user_id").all();
  db.close();
  return rows;
}

/** The database file and its WAL, if any, as bytes. */
const bytesOf = (path: string) => [path, `${path}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file));

it("scrubs the tokens in delivery errors an older version kept, leaving no trace of them in the file", () => {
  const path = join(dir, "bot.sqlite");
  const old = new Database(path);
  old.pragma("journal_mode = WAL");
  MIGRATIONS.slice(0, 4).forEach((sql) => old.exec(sql));
  old.pragma("user_version = 4");
  old.exec(`INSERT INTO broadcasts (id, created_by, audience, source_chat_id, message_ids, status, created_at, progress_chat_id, progress_message_id, lang)
            VALUES (1, 500, '{"topic":"all"}', 500, '[7]', 'done', 0, 500, 8, 'en')`);
  const recipient = old.prepare("INSERT INTO broadcast_recipients (broadcast_id, user_id, status, attempts, error) VALUES (1, ?, ?, ?, ?)");
  recipient.run(11, "failed", 5, NETWORK_ERROR);
  recipient.run(12, "failed", 1, "400 Bad Request: chat not found");
  recipient.run(13, "pending", 1, NETWORK_ERROR);
  // Sent at the next attempt: the old version cleared the error, but its bytes stayed in the page's free space.
  old.exec("UPDATE broadcast_recipients SET status = 'sent', error = NULL WHERE user_id = 13");
  old.close();
  expect(bytesOf(path).some((bytes) => bytes.includes(SECRET))).toBe(true);

  const store = new Store(openDatabase(path));
  expect(store.broadcasts.figures(1)).toEqual({ total: 3, pending: 0, sent: 1, failed: 2, blocked: 0 });
  store.close();
  expect(errorsIn(path)).toEqual([
    { user_id: 11, error: "request to https://api.telegram.org/bot<bot token>/copyMessage failed, reason: socket hang up" },
    { user_id: 12, error: "400 Bad Request: chat not found" },
    { user_id: 13, error: null },
  ]);
  for (const bytes of bytesOf(path)) expect(bytes.includes(SECRET)).toBe(false);
});

it("keeps no token in the delivery errors it records, URL-encoded or not", () => {
  const path = join(dir, "bot.sqlite");
  const store = new Store(openDatabase(path));
  for (const id of [11, 12]) store.users.see({ id, firstName: "Aziz" });
  store.flush();
  for (const id of [11, 12]) store.subscriptions.subscribe(id, "all");
  const id = store.broadcasts.create({ createdBy: 500, audience: { topic: "all" }, sourceChatId: 500, messageIds: [7], scheduledAt: null, lang: "en", progress: { chatId: 500, messageId: 8 } });
  store.broadcasts.recordFailedAttempt(id, 11, NETWORK_ERROR);
  store.broadcasts.settle(id, 12, "failed", NETWORK_ERROR.replace(TOKEN, encodeURIComponent(TOKEN)));
  store.close();
  expect(errorsIn(path)).toEqual([
    { user_id: 11, error: "request to https://api.telegram.org/bot<bot token>/copyMessage failed, reason: socket hang up" },
    { user_id: 12, error: "request to https://api.telegram.org/bot<bot token>/copyMessage failed, reason: socket hang up" },
  ]);
  for (const bytes of bytesOf(path)) expect(bytes.includes(SECRET)).toBe(false);
});
