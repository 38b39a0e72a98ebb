/**
 * Starts the real bot, exactly as production does (startApp: long polling
 * with the runner, commands, HTTP server), against the fake Bot API server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { startApp, type App } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { FakeTelegram } from "../../src/dev/fake-telegram/index.js";
import { createLogger } from "../../src/logger.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { TEST_RATE_LIMITS } from "../fixtures/telegram-limits.js";

export interface Harness {
  fake: FakeTelegram;
  app: App;
  config: Config;
  /** Stops the bot (as SIGTERM would) and starts a new one on the same database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBot(overrides: Partial<Config> = {}): Promise<Harness> {
  const fake = await FakeTelegram.start({ botUsername: "jspu_test_bot", rateLimits: TEST_RATE_LIMITS });
  const dir = mkdtempSync(join(tmpdir(), "jspu-bot-"));
  const config: Config = {
    ...loadConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: join(dir, "bot.sqlite"), KNOWLEDGE_DIR, PORT: "0", LOG_LEVEL: "silent" }),
    ...overrides,
  };
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
  const harness: Harness = {
    fake,
    config,
    app: await startApp(config, logger),
    async restart() {
      await harness.app.stop();
      // A real restart takes longer than Telegram's per-chat burst window; the new process knows nothing of the old one's pace.
      fake.forgetRateLimitHistory();
      harness.app = await startApp(config, logger);
    },
    /** Also fails the test if a button press was never answered (the user's app would show a spinner). */
    async stop() {
      await harness.app.stop();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
      expect(fake.unansweredCallbackQueries(), "button presses the bot never answered").toEqual([]);
    },
  };
  return harness;
}

/**
 * A fresh bot for every test of the file, stopped after it; a test fails if
 * the fake Bot API refused anything the bot sent (Telegram would have too),
 * or if a button press was never answered.
 */
export function withBot(overrides: Partial<Config> = {}): Harness {
  let current: Harness | undefined;
  beforeEach(async ({ onTestFailed }) => {
    current = await startBot(overrides);
    const seed = current.fake.seed;
    onTestFailed(() => console.error(`The fake Bot API's random faults used seed ${seed}: FAKE_TELEGRAM_SEED=${seed} replays them.`));
  });
  afterEach(async () => {
    expect(current!.fake.rejected()).toEqual([]);
    await current!.stop();
  });
  return {
    get fake() {
      return current!.fake;
    },
    get app() {
      return current!.app;
    },
    set app(app: App) {
      current!.app = app;
    },
    get config() {
      return current!.config;
    },
    restart: () => current!.restart(),
    stop: () => current!.stop(),
  };
}

/** Waits until `check` holds (polling), for what arrives in several messages. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Button texts of a message, row by row. */
export const buttonTexts = (message: { buttons: { text: string }[][] }) => message.buttons.map((row) => row.map((b) => b.text));
export const allButtons = (message: { buttons: { text: string }[][] }) => message.buttons.flat().map((b) => b.text);
