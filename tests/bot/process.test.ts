/** `npm start` as a process: serves through any Bot API server, stops cleanly on SIGTERM, refuses bad configuration. */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { FakeTelegram } from "../../src/dev/fake-telegram/index.js";
import { KNOWLEDGE_DIR, ROOT } from "../fixtures/paths.js";
import { SLIPS } from "../fixtures/yaml-slips.js";
import { eventually } from "./harness.js";
import { TEST_RATE_LIMITS } from "../fixtures/telegram-limits.js";

let fake: FakeTelegram;
let dir: string;
beforeEach(async () => {
  fake = await FakeTelegram.start({ rateLimits: TEST_RATE_LIMITS });
  dir = mkdtempSync(join(tmpdir(), "bot-process-"));
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

function startBotProcess(env: Record<string, string>) {
  // Node itself with tsx's loader, not tsx's CLI, which passes on only SIGINT and SIGTERM: SIGHUP must reach the bot as in production.
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: join(dir, "bot.sqlite"), PORT: "0", LOG_LEVEL: "info", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

it("serves a user through a Bot API server given by TELEGRAM_API_ROOT, and stops cleanly on SIGTERM", async () => {
  const bot = startBotProcess({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
  const user = fake.user({ languageCode: "en" });
  await eventually(() => fake.isPolling(), 20_000);
  expect((await user.send("koica")).text.startsWith("KOICA")).toBe(true);

  bot.child.kill("SIGTERM");
  expect(await bot.exited).toBe(0);
  const logs = bot.output().stdout.trim().split("\n").map((line) => JSON.parse(line));
  expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(["long polling mode", "bot started", "stopping", "bot stopped"]));
  expect(fake.rejected()).toEqual([]);
}, 30_000);

it("refuses to start with a bad configuration, naming each variable", async () => {
  const bot = startBotProcess({ BOT_TOKEN: "nope", PORT: "http", ADMIN_IDS: "x,0", STAFF_CHAT_ID: "-99999999999999999999" });
  expect(await bot.exited).toBe(1);
  const { stderr } = bot.output();
  expect(stderr).toContain("BOT_TOKEN does not look like a bot token");
  expect(stderr).toContain("PORT expected a port number");
  expect(stderr).toContain("ADMIN_IDS expected comma-separated Telegram user ids (positive whole numbers), got: x, 0");
  expect(stderr).toContain("STAFF_CHAT_ID is not a chat id Telegram can have");
  expect(stderr).not.toMatch(/\n\s+at /);
}, 30_000);

it("on SIGHUP, refuses a knowledge edit with a YAML slip, logs where it is, and goes on answering", async () => {
  const knowledge = join(dir, "knowledge");
  cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true });
  const bot = startBotProcess({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, KNOWLEDGE_DIR: knowledge });
  const user = fake.user({ languageCode: "en" });
  await eventually(() => fake.isPolling(), 20_000);

  const file = join(knowledge, "programs/erasmus-mundus.yaml");
  const { content, problem } = SLIPS[0]!.make(readFileSync(file, "utf8")); // "*Important*", an unresolved alias
  writeFileSync(file, content);
  try {
    bot.child.kill("SIGHUP");
    const logs = () => bot.output().stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
    const refused = await eventually(() => logs().find((l) => l.msg.startsWith("knowledge base not reloaded")), 10_000);
    expect(refused.problems).toEqual([`${file}${problem}`]);
    expect((await user.send("erasmus")).text.startsWith("Erasmus Mundus")).toBe(true);

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output().stderr).toBe("");
  } finally {
    bot.child.kill("SIGKILL"); // a failed check leaves no bot behind
  }
}, 30_000);
