/**
 * The bot token never leaves the process. An error may quote the request
 * URL, `/bot<token>/method` (node-fetch's did when a connection dropped; an
 * answer's description can too): whatever happens to such errors, the token
 * is in no log line (at trace level), in nothing the bot sent, and nowhere in
 * the database file or its WAL.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { startApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { FakeTelegram } from "../../src/dev/fake-telegram/index.js";
import { createLogger } from "../../src/logger.js";
import { REDACTED_TOKEN } from "../../src/secrets.js";
import { daysFromToday, knowledgeWithDeadlines } from "../fixtures/knowledge-with-deadlines.js";
import { eventually } from "./harness.js";
import { TEST_RATE_LIMITS } from "../fixtures/telegram-limits.js";

const OWNER = 500;
const SOON = daysFromToday(3);

let fake: FakeTelegram;
let app: App | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await app?.stop();
  await fake.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("is in no log line, no message and no byte of the database or its WAL after connections drop during a broadcast and a reminder", async () => {
  fake = await FakeTelegram.start({ botUsername: "jspu_test_bot", rateLimits: TEST_RATE_LIMITS });
  const dir = mkdtempSync(join(tmpdir(), "jspu-secrets-"));
  const knowledge = knowledgeWithDeadlines({ "erasmus-mundus": [SOON] });
  dirs.push(dir, knowledge);
  const database = join(dir, "bot.sqlite");
  const lines: string[] = [];
  const logger = createLogger("trace", { write: (line: string) => void lines.push(line) });
  const config = loadConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: database,
    KNOWLEDGE_DIR: knowledge,
    ADMIN_IDS: String(OWNER),
    BROADCAST_RATE: "200",
    REMINDER_CHECK_SECONDS: "0.05",
    PORT: "0",
    LOG_LEVEL: "trace",
  });
  app = await startApp(config, logger);
  const store = app.store;

  const students = Array.from({ length: 6 }, () => fake.user({ languageCode: "en", startedBot: true }));
  for (const s of students) {
    store.users.see({ id: s.id, firstName: `Student ${s.id}`, languageCode: "en" });
    store.users.setLanguage(s.id, "en");
    store.subscriptions.subscribe(s.id, "all");
  }
  const owner = fake.user({ id: OWNER, languageCode: "en" });
  const audience = await owner.send("/broadcast");
  const preview = await owner.press(audience, /^Everyone subscribed/).then(() => owner.send("Erasmus Mundus: the call is open"));

  // Dropped connections: twice for the copies to three students; and a refused progress card whose error quotes the URL.
  for (const s of students.slice(0, 3)) fake.injectFault({ method: "copyMessage", chatId: s.id, times: 2, reset: true });
  const url = `${fake.apiRoot}/bot${fake.token}/editMessageText`;
  fake.injectFault({ method: "editMessageText", chatId: OWNER, times: 1, errorCode: 400, description: `Bad Request: request to ${url} failed` });
  await owner.press(preview, "📤 Send now to 6");
  const report = await eventually(() => fake.messages(OWNER).find((m) => /finished in/.test(m.text)), 20_000);
  expect(report.text).toContain("Sent: 6");

  // And for a deadline reminder (sent by its own API client, which does not retry).
  const reminded = students[5]!;
  fake.injectFault({ method: "sendMessage", chatId: reminded.id, times: 1, reset: true });
  store.reminders.add(reminded.id, "erasmus-mundus", SOON, Date.now());
  await eventually(() => lines.some((line) => line.includes("could not send a reminder")));

  const resets = fake.calls.filter((c) => c.injected && !c.ok);
  expect(resets.map((c) => c.method).sort()).toEqual(["copyMessage", "copyMessage", "copyMessage", "copyMessage", "copyMessage", "copyMessage", "editMessageText", "sendMessage"]);

  // The bytes on disk while the bot runs (the WAL is checkpointed away at close), and after it stopped.
  const files = [database, `${database}-wal`].filter((path) => existsSync(path));
  expect(files).toHaveLength(2);
  const onDisk = files.map((path) => readFileSync(path));
  await app.stop();
  app = undefined;
  onDisk.push(readFileSync(database));

  const log = lines.join("");
  expect(log).toContain("socket hang up"); // the errors were logged, with their causes
  expect(log).toContain(REDACTED_TOKEN); // the quoted URL was logged, without its token
  const secret = fake.token.split(":")[1]!;
  expect(log).not.toContain(secret);
  expect(JSON.stringify(fake.calls.map((c) => c.params))).not.toContain(secret);
  expect(fake.messages(OWNER).map((m) => m.text).join("\n")).not.toContain(secret);
  for (const bytes of onDisk) expect(bytes.includes(secret)).toBe(false);
}, 40_000);
