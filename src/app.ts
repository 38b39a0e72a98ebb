/**
 * Starting and stopping the whole bot: storage, knowledge, the bot itself,
 * long polling or the webhook, and the HTTP server. main.ts runs it for
 * production; tests start it the same way.
 */
import type { RunnerHandle } from "@grammyjs/runner";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { registerCommands, showAllStaffCommands } from "./bot/commands.js";
import type { BotContext } from "./bot/context.js";
import { ALLOWED_UPDATES, createBot } from "./bot/create-bot.js";
import type { Config } from "./config.js";
import { createI18n } from "./i18n.js";
import { Catalog } from "./knowledge/catalog.js";
import { formatProblem, KnowledgeError } from "./knowledge/problems.js";
import type { Logger } from "./logger.js";
import { createDeliveryEngine } from "./bot/jobs/delivery/delivery.js";
import { ProgressBoard } from "./bot/jobs/delivery/progress-board.js";
import { ChatPacer, pacedFetch, type PacedFetch } from "./bot/chat-pacing.js";
import { markBlockedOn403 } from "./bot/middleware/users.js";
import { startReminderJob } from "./bot/jobs/reminders.js";
import { startPolling } from "./bot/polling.js";
import { createHttpServer } from "./server.js";
import type { consoleHandler, ConsoleDeps } from "./console/routes.js";
import { sendDeadlineDraft } from "./bot/ui/deadline-announcement.js";
import { openDatabase } from "./storage/database.js";
import { Store } from "./storage/store.js";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, type Bot } from "grammy";

/**
 * Updates handled at once under load. Handlers are CPU-bound: more only hold
 * memory; fewer leave the bot waiting on Telegram between batches (polling.ts).
 */
const HANDLERS_IN_FLIGHT = 100;
/** How long a stop waits for updates in hand; keep it under the container's stop timeout (README: 30 s). */
const DRAIN_MS = 20_000;

export interface App {
  bot: Bot<BotContext>;
  store: Store;
  /** The port the HTTP server listens on (useful when PORT is 0). */
  port: number;
  /** Settles when long polling ends; rejects when it fails for good (a revoked token: 401, another instance: 409). */
  done: Promise<void>;
  /**
   * Re-reads the knowledge base (after a staff edit) and rebuilds the search
   * index; a broken base is refused with its problems and the old one stays.
   */
  reloadKnowledge(): { ok: true; entries: number } | { ok: false; problems: string[] };
  /** Stops taking updates, lets the ones in hand finish, and closes everything. */
  stop(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger): Promise<App> {
  const store = new Store(openDatabase(config.DATABASE_PATH), logger);
  // The aliases staff taught the bot (/unanswered) join the search index; a knowledge reload keeps them.
  const catalog = openKnowledge(config.KNOWLEDGE_DIR, store);
  const settings = { owners: config.ADMIN_IDS, staffChatId: config.STAFF_CHAT_ID, reminderDays: config.REMINDER_DAYS, publicUrl: config.PUBLIC_URL };
  const i18n = createI18n<BotContext>();
  const progressBoard = new ProgressBoard(store.broadcasts);
  const fetch = pacedFetch(new ChatPacer());
  const delivery = createDeliveryEngine({
    token: config.BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    rate: config.BROADCAST_RATE,
    store,
    catalog,
    i18n,
    logger,
    board: progressBoard,
    fetch,
  });
  const bot = createBot({
    token: config.BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    store,
    catalog,
    logger,
    i18n,
    settings,
    progressBoard,
    fetch,
    wakeJobs: () => delivery.wake(),
  });
  try {
    await bot.init();
    await registerCommands(bot.api, i18n);
    await showAllStaffCommands(bot.api, i18n, { store, settings });
    // What is no longer needed is forgotten, at start and daily: old update ids, dealt-with queries, sent reminders.
    const tidy = () => {
      try {
        store.updates.forgetHandled();
        store.learning.forgetResolved();
        store.reminders.forgetSent();
        store.consoleAccess.forgetExpired();
      } catch (error) {
        // Housekeeping: a full disk must neither stop the bot from starting nor crash it at night.
        logger.error({ err: error }, "could not tidy the database: tried again tomorrow");
      }
    };
    tidy();
    const daily = setInterval(tidy, 24 * 3600_000).unref();

    const reloadKnowledge = (): ReturnType<App["reloadKnowledge"]> => {
      try {
        catalog.reload();
        // Reminders of a deadline the edit moved or removed are moved (or dropped) by the reminder job now, not at their old time.
        const published = catalog.kb.entries.flatMap((e) => (e.type === "program" ? e.program.deadlines.items.map((d) => `${e.id} ${d.date}`) : []));
        store.reminders.dueIfUnpublished(published);
        logger.info({ entries: catalog.kb.entries.length }, "knowledge base reloaded");
        return { ok: true, entries: catalog.kb.entries.length };
      } catch (error) {
        if (!(error instanceof KnowledgeError)) throw error;
        const problems = error.problems.map(formatProblem);
        logger.error({ problems }, "knowledge base not reloaded: the edit has problems, the previous base stays");
        return { ok: false, problems };
      }
    };
    // The knowledge console, with PUBLIC_URL only: its login links point there.
    const announceDeadlines: ConsoleDeps["announceDeadlines"] = (userId, programId, dates) => sendDeadlineDraft({ api: bot.api, i18n, catalog, store }, userId, programId, dates);
    const consoleRequests = config.PUBLIC_URL ? await knowledgeConsole(config, { store, settings, catalog, i18n, logger, reloadKnowledge, announceDeadlines }) : undefined;

    let runner: RunnerHandle | undefined;
    let server: Server;
    if (config.WEBHOOK_URL) {
      const path = new URL(config.WEBHOOK_URL).pathname;
      server = createHttpServer({ healthy: () => true, webhook: { bot, path, secretToken: config.WEBHOOK_SECRET! }, console: consoleRequests });
      await listen(server, config.PORT);
      await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: ALLOWED_UPDATES });
      logger.info({ url: config.WEBHOOK_URL }, "webhook mode");
    } else {
      // A webhook left from an earlier run would make long polling fail with 409.
      await bot.api.deleteWebhook();
      server = createHttpServer({ healthy: () => runner?.isRunning() ?? false, console: consoleRequests });
      await listen(server, config.PORT);
      runner = startPolling(bot, { inFlight: HANDLERS_IN_FLIGHT, fetch: { allowed_updates: ALLOWED_UPDATES }, logger });
      logger.info("long polling mode");
    }
    // Broadcasts left running by a stop or a crash resume now.
    delivery.start();
    const reminders = startReminderJob({ api: onceOnlyApi(config, store, fetch), store, catalog, i18n, logger, intervalMs: config.REMINDER_CHECK_SECONDS * 1000, reminderDays: config.REMINDER_DAYS });
    logger.info({ bot: bot.botInfo.username, entries: catalog.kb.entries.length }, "bot started");

    return {
      bot,
      store,
      port: (server.address() as AddressInfo).port,
      done: runner?.task() ?? Promise.resolve(),
      reloadKnowledge,
      stop: async () => {
        clearInterval(daily);
        // Side by side, so together they stay within the container's stop timeout.
        await Promise.all([reminders.stop(), runner ? drain(runner) : undefined, delivery.stop()]);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        store.close();
        logger.info("bot stopped");
      },
    };
  } catch (error) {
    await delivery.stop();
    store.close();
    throw error;
  }
}

/**
 * Stops fetching and waits for the updates in hand to finish: the runner's
 * stop() returns once fetching ends, while handlers may still be running.
 */
async function drain(runner: RunnerHandle, timeoutMs = DRAIN_MS): Promise<void> {
  await runner.stop();
  const deadline = Date.now() + timeoutMs;
  while (runner.size() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
}

/**
 * An API client for messages that must never go out twice (reminders): it
 * waits out Telegram's "retry after", which means nothing was sent, but does
 * not repeat a request that failed on the way (5xx, the network), which
 * Telegram may have carried out.
 */
function onceOnlyApi(config: Config, store: Store, fetch: PacedFetch): Api {
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, fetch });
  // Short waits only: a stop must finish within the container's stop timeout; a longer "retry after" gives the reminder back.
  api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: true, rethrowInternalServerErrors: true }), markBlockedOn403(store));
  return api;
}

/**
 * The knowledge console's requests, on the bot's HTTP server. Its modules
 * (the web routes, the Mini App check, YAML editing) load only here, so a bot
 * without PUBLIC_URL does not carry them in memory.
 */
async function knowledgeConsole(
  config: Config,
  deps: Pick<ConsoleDeps, "store" | "settings" | "catalog" | "i18n" | "logger" | "announceDeadlines"> & { reloadKnowledge: App["reloadKnowledge"] },
): Promise<ReturnType<typeof consoleHandler>> {
  const [{ consoleHandler }, { Publishing }, { KnowledgeFiles }] = await Promise.all([import("./console/routes.js"), import("./console/publishing.js"), import("./knowledge/edit.js")]);
  const files = new KnowledgeFiles(config.KNOWLEDGE_DIR);
  const publishing = new Publishing({ files, revisions: deps.store.knowledgeRevisions, reload: deps.reloadKnowledge, logger: deps.logger });
  return consoleHandler({ ...deps, publicUrl: config.PUBLIC_URL!, botToken: config.BOT_TOKEN, files, publishing });
}

/** The knowledge base with the learned aliases; a broken base closes the database before the error goes up. */
function openKnowledge(dir: string, store: Store): Catalog {
  try {
    return new Catalog(dir, store.learning.aliases());
  } catch (error) {
    store.close();
    throw error;
  }
}
