/**
 * The delivery engine wired to Telegram: its own API client (without the
 * bot's auto-retry: the engine handles 429 itself, for all sends at once),
 * the courier and the progress reporter.
 */
import type { I18n } from "@grammyjs/i18n";
import { Api } from "grammy";
import type { PacedFetch } from "../../chat-pacing.js";
import type { InlineKeyboardMarkup } from "grammy/types";
import { UI_LANGS } from "../../../storage/users.js";
import { languageOfUser, translatorFor } from "../../locale.js";
import { keyboardOf } from "../../ui/keyboard.js";
import { stopAnnouncementsButton } from "../../ui/stop-announcements.js";
import { BroadcastEngine } from "../../../broadcast/engine.js";
import type { Catalog } from "../../../knowledge/catalog.js";
import type { Logger } from "../../../logger.js";
import type { Store } from "../../../storage/store.js";
import type { BotContext } from "../../context.js";
import { telegramCourier } from "./courier.js";
import type { ProgressBoard } from "./progress-board.js";
import { telegramReporter } from "./reporter.js";

export interface DeliveryDeps {
  token: string;
  apiRoot?: string;
  /** BROADCAST_RATE, messages per second. */
  rate: number;
  store: Store;
  catalog: Catalog;
  i18n: I18n<BotContext>;
  logger: Logger;
  board: ProgressBoard;
  /** The app's per-chat pacing (a recipient may be chatting with the bot; the progress card shares the staff member's chat). */
  fetch: PacedFetch;
}

/** A hung request holds one of the engine's few slots, and a stop waits for it: give up on it (and retry later) after this. */
const REQUEST_TIMEOUT_SECONDS = 10;

export function createDeliveryEngine(deps: DeliveryDeps): BroadcastEngine {
  const api = new Api(deps.token, { fetch: deps.fetch, ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}), timeoutSeconds: REQUEST_TIMEOUT_SECONDS });
  return new BroadcastEngine({
    broadcasts: deps.store.broadcasts,
    markBlocked: (userId) => deps.store.users.setBlocked(userId, true),
    courier: telegramCourier(api, announcementMarkup(deps)),
    reporter: telegramReporter(api, deps),
    rate: deps.rate,
    onError: (error) => deps.logger.error({ err: error }, "broadcast delivery failed; it resumes on its own"),
  });
}

/** The "stop announcements" button under every announcement, in the recipient's language. */
function announcementMarkup({ store, i18n }: Pick<DeliveryDeps, "store" | "i18n">): (userId: number) => InlineKeyboardMarkup {
  const byLang = new Map(UI_LANGS.map((lang) => [lang, keyboardOf([stopAnnouncementsButton(translatorFor(i18n, lang))])]));
  return (userId) => byLang.get(languageOfUser(store.users.get(userId)))!;
}
