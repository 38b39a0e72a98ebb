import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { PacedFetch } from "./chat-pacing.js";
import type { Catalog } from "../knowledge/catalog.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { Lang } from "../knowledge/schema.js";
import type { Logger } from "../logger.js";
import type { Store } from "../storage/store.js";
import type { UiLang, UserRecord } from "../storage/users.js";
import type { ProgressBoard } from "./broadcast/progress-board.js";
import type { Role } from "./middleware/roles.js";
import type { ScreenMemory } from "./ui/view.js";

/** The department's side of the bot, from the configuration. */
export interface StaffSettings {
  /** ADMIN_IDS: they add and remove staff, and are staff themselves. */
  owners: readonly number[];
  /** STAFF_CHAT_ID: where students' questions are posted; without it, questions are not offered. */
  staffChatId?: number;
  /** REMINDER_DAYS: how long before a deadline a reminder goes out. */
  reminderDays: number;
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

interface BotFlavor {
  /** The user the update comes from, as stored; absent for updates without a user. */
  user?: UserRecord;
  /** The language to answer in. */
  uiLang: UiLang;
  /** The knowledge base language for uiLang (Uzbek Cyrillic reads the Uzbek texts). */
  lang: Lang;
  /** The knowledge base in the script of uiLang (bot/locale.ts): as loaded, or its Uzbek Cyrillic copy. */
  readonly kb: KnowledgeBase;
  /** Logger carrying this update's id. */
  log: Logger;
  /** Who the user is to the department: owners and staff see the staff tools. */
  role: Role;
  /** Whether the menu and "not found" offer asking the department (a staff chat is configured, the chat is private). */
  questionsOffered?: boolean;
  /** What show() put in the bot's messages, so that it never edits one to what it already shows. */
  screens: ScreenMemory;
}

export type BotContext = ConversationFlavor<Context & I18nFlavor & BotFlavor>;
