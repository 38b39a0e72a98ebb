import type { I18n } from "@grammyjs/i18n";
import type { Catalog } from "../knowledge/catalog.js";
import type { Logger } from "../logger.js";
import type { Store } from "../storage/store.js";
import type { ProgressBoard } from "./jobs/delivery/progress-board.js";
import type { PacedFetch } from "./chat-pacing.js";
import type { BotContext } from "./context.js";

/** The department's side of the bot, from the configuration. */
export interface StaffSettings {
  /** ADMIN_IDS: they add and remove staff, and are staff themselves. */
  owners: readonly number[];
  /** STAFF_CHAT_ID: where students' questions are posted; without it, questions are not offered. */
  staffChatId?: number;
  /** REMINDER_DAYS: how long before a deadline a reminder goes out. */
  reminderDays: number;
  /** PUBLIC_URL (an origin): the knowledge console is there, under /console/; without it the console is off. */
  publicUrl?: string;
}

/** What the bot is built from; tests, the playground and production pass their own. */
export interface BotDeps {
  token: string;
  /** Bot API server root; Telegram's own by default. */
  apiRoot?: string;
  store: Store;
  catalog: Catalog;
  logger: Logger;
  /** The translations (locales/), loaded once and shared with the background jobs. */
  i18n: I18n<BotContext>;
  settings: StaffSettings;
  /** What each broadcast's progress message shows, shared with the delivery engine's reporter. */
  progressBoard: ProgressBoard;
  /** The HTTP client of every API client of the app: it spaces messages per chat within Telegram's limits, which count them all together. */
  fetch: PacedFetch;
  /** Tells the background jobs (broadcast delivery) that there is new work, so they need not wait for their next look. */
  wakeJobs: () => void;
}
