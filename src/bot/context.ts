import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Catalog } from "../knowledge/catalog.js";
import type { Lang } from "../knowledge/schema.js";
import type { Logger } from "../logger.js";
import type { Store, UiLang, UserRecord } from "../storage/store.js";

/** What the bot is built from; tests, the playground and production pass their own. */
export interface BotDeps {
  token: string;
  /** Bot API server root; Telegram's own by default. */
  apiRoot?: string;
  store: Store;
  catalog: Catalog;
  logger: Logger;
}

interface BotFlavor {
  /** The user the update comes from, as stored; absent for updates without a user. */
  user?: UserRecord;
  /** The language to answer in. */
  uiLang: UiLang;
  /** The knowledge base language for uiLang (Uzbek Cyrillic reads the Uzbek texts). */
  lang: Lang;
  /** Logger carrying this update's id. */
  log: Logger;
}

export type BotContext = ConversationFlavor<Context & I18nFlavor & BotFlavor>;
