/**
 * Sends the deadline reminders that are due: a timer beside the bot, not an
 * update handler. It looks at start (so reminders that fell due while the bot
 * was stopped go out at once) and then every `intervalMs`.
 *
 * A reminder is claimed before it is sent (src/storage/reminders.ts): a crash
 * mid-send loses it rather than sending it twice; it is given back only when
 * it surely did not go out. When the department moved the deadline, the
 * reminder moves with it; one whose program has no deadline left, or whose
 * deadline has passed, is dropped unsent.
 */
import type { I18n } from "@grammyjs/i18n";
import { GrammyError, HttpError, type Api } from "grammy";
import type { BotContext } from "../context.js";
import { languageOfUser, readers } from "../locale.js";
import { reminderMessage } from "../ui/reminder-message.js";
import type { Catalog } from "../../knowledge/catalog.js";
import type { Logger } from "../../logger.js";
import { daysUntil, planReminder } from "../../time/reminder-schedule.js";
import type { Reminder } from "../../storage/reminders.js";
import type { Store } from "../../storage/store.js";

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
  /** REMINDER_DAYS, to move a reminder with a deadline the department changed. */
  reminderDays: number;
  now?: () => number;
}

/** Failures after which the message surely did not go out: Telegram said wait, or the connection was never made. */
function surelyUnsent(error: unknown): boolean {
  if (error instanceof GrammyError) return error.error_code === 429;
  const cause = error instanceof HttpError ? error.error : undefined;
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(String((cause as { code?: string } | undefined)?.code ?? cause));
}

export interface ReminderJob {
  /** Stops looking; resolves when the reminders in hand are sent. */
  stop(): Promise<void>;
}

export function startReminderJob({ api, store, catalog, i18n, logger, intervalMs, reminderDays, now = Date.now }: ReminderJobOptions): ReminderJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const readerFor = readers({ i18n, catalog });

  /** "wait" when Telegram asked to wait: the rest of the batch waits for the next look. */
  async function send(reminder: Reminder): Promise<"sent" | "wait" | void> {
    const user = store.users.get(reminder.userId);
    if (!user || user.blocked) return;
    const reader = readerFor(languageOfUser(user));
    const program = reader.kb.byId.get(reminder.programId);
    if (program?.type !== "program") return void logger.info({ reminder }, "reminder dropped: the program is no longer in the knowledge base");
    const dates = program.program.deadlines.items.map((item) => item.date);
    if (!dates.includes(reminder.deadline)) {
      const moved = planReminder(dates, reminderDays, now());
      if (moved) store.reminders.add(reminder.userId, reminder.programId, moved.deadline, moved.remindAt);
      return void logger.info({ reminder, moved }, moved ? "reminder moved to the program's new deadline" : "reminder dropped: the program has no deadline left");
    }
    if (daysUntil(reminder.deadline, now()) < 0) return void logger.info({ reminder }, "reminder dropped: its deadline has passed");
    const view = reminderMessage(reader, program, reminder.deadline, now());
    try {
      await api.sendMessage(reminder.userId, view.html, { parse_mode: "HTML", reply_markup: view.keyboard, link_preview_options: { is_disabled: true } });
    } catch (error) {
      // A 403 has marked the user blocked already (the API's transformer). Anything Telegram may have carried out is not tried again.
      if (surelyUnsent(error)) store.reminders.release(reminder);
      logger.warn({ err: error, reminder }, "could not send a reminder");
      return error instanceof GrammyError && error.error_code === 429 ? "wait" : "sent";
    }
    return "sent";
  }

  async function look(): Promise<void> {
    for (;;) {
      if (stopped || !store.isOpen) return;
      const due = store.reminders.claimDue(now(), BATCH);
      for (const [i, reminder] of due.entries()) {
        // Stopping: the rest of the batch goes back, unsent, for the next start.
        if (stopped) return due.slice(i).forEach((unsent) => store.reminders.release(unsent));
        if ((await send(reminder)) === "wait") return due.slice(i + 1).forEach((unsent) => store.reminders.release(unsent));
      }
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
