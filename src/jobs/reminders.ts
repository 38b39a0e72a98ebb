/**
 * Sends the deadline reminders that are due: a timer beside the bot, not an
 * update handler. It looks at start (so reminders that fell due while the bot
 * was stopped go out at once) and then every `intervalMs`.
 *
 * A reminder is claimed before it is sent (src/storage/reminders.ts): a crash
 * mid-send loses it rather than sending it twice. Reminders whose deadline
 * was removed from the knowledge base, or has passed, are dropped unsent.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BotContext } from "../bot/context.js";
import { reminderMessage } from "../bot/features/reminders.js";
import { contentLang, knowledgeInScript, languageOfUser, translatorFor } from "../bot/middleware/language.js";
import type { Catalog } from "../knowledge/catalog.js";
import type { Logger } from "../logger.js";
import { daysUntil } from "../reminders/schedule.js";
import type { Reminder } from "../storage/reminders.js";
import type { Store } from "../storage/store.js";

/** Claimed at a time: few enough that a crash loses little, and sent one after another (auto-retry paces them). */
const BATCH = 50;

export interface ReminderJobOptions {
  /** The bot's API: its transformers wait out 429s and mark users who blocked the bot on 403. */
  api: Api;
  store: Store;
  catalog: Catalog;
  i18n: I18n<BotContext>;
  logger: Logger;
  intervalMs: number;
  now?: () => number;
}

export interface ReminderJob {
  /** Stops looking; resolves when the reminders in hand are sent. */
  stop(): Promise<void>;
}

export function startReminderJob({ api, store, catalog, i18n, logger, intervalMs, now = Date.now }: ReminderJobOptions): ReminderJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function send(reminder: Reminder): Promise<void> {
    const user = store.getUser(reminder.userId);
    if (!user || user.blocked) return;
    const ui = languageOfUser(user);
    const program = knowledgeInScript(catalog.kb, ui).byId.get(reminder.programId);
    const stillListed = program?.type === "program" && program.program.deadlines.items.some((item) => item.date === reminder.deadline);
    if (!stillListed || daysUntil(reminder.deadline, now()) < 0) {
      logger.info({ reminder }, "reminder dropped: its deadline is no longer in the knowledge base, or has passed");
      return;
    }
    const view = reminderMessage(translatorFor(i18n, ui), contentLang(ui), program, reminder.deadline, now());
    try {
      await api.sendMessage(reminder.userId, view.html, { parse_mode: "HTML", reply_markup: view.keyboard, link_preview_options: { is_disabled: true } });
    } catch (error) {
      // Not retried: a reminder is never sent twice. A 403 has marked the user blocked already (the API's transformer).
      logger.warn({ err: error, reminder }, "could not send a reminder");
    }
  }

  async function look(): Promise<void> {
    for (;;) {
      if (stopped || !store.isOpen) return;
      const due = store.reminders.claimDue(now(), BATCH);
      for (const reminder of due) await send(reminder);
      if (due.length < BATCH) return;
    }
  }

  const tick = async () => {
    running = look().catch((error) => logger.error({ err: error }, "reminder job failed; trying again at the next look"));
    await running;
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, 0).unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
