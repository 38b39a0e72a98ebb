// Setup shared by the fake Telegram server's tests: a fresh FakeTelegram for
// each test, grammY's Api and long-polling Bots wired to it, and the check for
// the error a call rejects with. `fake` and `api` are live bindings, replaced
// before each test: use them through the import, don't copy them at load time.
import { Api, Bot, GrammyError } from "grammy";
import { afterEach, beforeEach, expect } from "vitest";
import { FakeTelegram, type StartOptions } from "../../src/dev/fake-telegram/index.js";

export let fake: FakeTelegram;
/** grammY's client on the fake, for calls made without a bot. */
export let api: Api;
let bots: Bot[] = [];
let botErrors: unknown[] = [];

async function start(options?: StartOptions): Promise<void> {
  fake = await FakeTelegram.start(options);
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
}

/**
 * Call once at the top of a test file: each test gets a fake of its own, and
 * afterwards its bots and the fake are stopped and any error a bot met fails
 * the test (an error in middleware would otherwise only be logged).
 */
export function useFakeTelegram(): void {
  beforeEach(() => start());
  afterEach(async () => {
    for (const bot of bots) await bot.stop();
    bots = [];
    await fake.stop();
    const errors = botErrors;
    botErrors = [];
    expect(errors).toEqual([]);
  });
}

/** Replaces this test's fake with one started with other options (rate limits, call log size). */
export async function restart(options: StartOptions): Promise<void> {
  await fake.stop();
  await start(options);
}

/** A bot wired to the fake, not yet started; it is stopped after the test. */
export function newBot(): Bot {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
  bots.push(bot);
  return bot;
}

/** Starts long polling; middleware errors fail the test that caused them (see useFakeTelegram). */
export function run(bot: Bot): Bot {
  bot.catch((err) => botErrors.push(err.error));
  bot.start({ timeout: 5 }).catch((err: unknown) => botErrors.push(err));
  return bot;
}

/** The GrammyError a call rejects with. */
export async function apiError(promise: Promise<unknown>): Promise<GrammyError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}
