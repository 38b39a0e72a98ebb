/**
 * The crash guarantee: the bot in its own process is killed with SIGKILL in
 * the middle of a broadcast and started again on the same database. Every
 * active recipient gets the announcement; only the sends in flight at the
 * kill (at most the engine's concurrency) may arrive twice.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { concurrencyFor } from "../../src/broadcast/engine.js";
import { FakeTelegram, type FakeUser } from "../../src/dev/fake-telegram/index.js";
import { openDatabase } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";
import { ROOT } from "../fixtures/paths.js";
import { eventually } from "./harness.js";
import { TEST_RATE_LIMITS } from "../fixtures/telegram-limits.js";

const OWNER = 500;
const STUDENTS = 300;
const RATE = 100;
const CONCURRENCY = concurrencyFor(RATE);
const TEXT = "KOICA: applications open until the date announced by the department";

let fake: FakeTelegram;
let dir: string;
beforeEach(async () => {
  fake = await FakeTelegram.start({ rateLimits: TEST_RATE_LIMITS });
  dir = mkdtempSync(join(tmpdir(), "bot-crash-"));
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The bot as `node` itself (no wrapper process), so SIGKILL kills the bot and nothing else. */
function startBot() {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: join(dir, "bot.sqlite"),
      ADMIN_IDS: String(OWNER),
      BROADCAST_RATE: String(RATE),
      PORT: "0",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return { child, exited };
}

it("resumes a broadcast after kill -9: nobody missed, doubles only among the sends in flight", async () => {
  const students: FakeUser[] = Array.from({ length: STUDENTS }, () => fake.user({ languageCode: "en", startedBot: true }));
  const store = new Store(openDatabase(join(dir, "bot.sqlite")));
  for (const s of students) store.users.see({ id: s.id, firstName: "Student" });
  store.flush();
  for (const s of students) store.subscriptions.subscribe(s.id, "all");
  store.close();

  // Which chats got a copy, in the order the fake accepted them.
  const accepted: number[] = [];
  fake.on("call", (call) => {
    if (call.method === "copyMessage" && call.ok) accepted.push(call.params.chat_id as number);
  });

  let bot = startBot();
  await eventually(() => fake.isPolling(), 30_000);
  const owner = fake.user({ id: OWNER, languageCode: "en" });
  const audience = await owner.send("/broadcast", { timeoutMs: 15_000 });
  await owner.press(audience, /^Everyone subscribed/);
  const preview = await owner.send(TEXT);
  expect(preview.text).toContain(`Recipients: ${STUDENTS}`);
  owner.pressData(preview, "s/bcf:now");

  await eventually(() => accepted.length >= STUDENTS / 3, 20_000);
  bot.child.kill("SIGKILL");
  expect(await bot.exited).toBe("SIGKILL");
  const atKill = accepted.length;
  expect(atKill).toBeLessThan(STUDENTS); // it really was midway

  bot = startBot();
  await eventually(() => new Set(accepted).size === STUDENTS, 30_000);
  await eventually(() => fake.messages(OWNER).some((m) => m.text.includes("finished in")), 10_000);

  const copies = (s: FakeUser) => s.messages().filter((m) => m.text === TEXT).length;
  for (const s of students) expect(copies(s)).toBeGreaterThanOrEqual(1);
  const doubled = students.filter((s) => copies(s) > 1).map((s) => s.id);
  expect(doubled.length).toBeLessThanOrEqual(CONCURRENCY);
  // A doubled recipient's first copy was among the last sends before the kill: in flight, answered but not yet recorded.
  const lastBeforeKill = new Set(accepted.slice(Math.max(0, atKill - CONCURRENCY), atKill));
  for (const id of doubled) expect(lastBeforeKill.has(id)).toBe(true);

  bot.child.kill("SIGTERM");
  await bot.exited;
}, 90_000);
