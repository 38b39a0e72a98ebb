import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { Lang } from "../knowledge/schema.js";
import type { Logger } from "../logger.js";
import type { UiLang, UserRecord } from "../storage/users.js";
import type { ScreenMemory } from "./ui/screen-memory.js";

/** Who the user is to the department (middleware/roles.ts decides it). */
export type Role = "owner" | "staff" | "student";

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
