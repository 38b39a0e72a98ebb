import { InlineKeyboard } from "grammy";
import { callback } from "./callback-data.js";
import type { Button } from "./keyboard.js";

/**
 * The button under every announcement the bot delivers (features/subscriptions.ts
 * answers it); `t` translates into the recipient's language (translatorFor(i18n,
 * lang) outside an update).
 */
export const stopAnnouncementsButton = (t: (key: string) => string): Button => InlineKeyboard.text(t("subs-stop-button"), callback.stopAnnouncements());
