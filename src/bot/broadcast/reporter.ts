/**
 * Shows the engine's progress to the staff member who sent the broadcast:
 * one message edited live, and a final report as a new message.
 */
import type { I18n } from "@grammyjs/i18n";
import { GrammyError, type Api } from "grammy";
import type { Reporter } from "../../broadcast/engine.js";
import type { Catalog } from "../../knowledge/catalog.js";
import type { Logger } from "../../logger.js";
import type { Store } from "../../storage/store.js";
import type { BotContext } from "../context.js";
import { contentLang, knowledgeInScript, translatorFor } from "../middleware/language.js";
import type { ProgressBoard } from "./progress-board.js";
import { broadcastView, finalReport } from "./view.js";

export function telegramReporter(api: Api, deps: { store: Store; catalog: Catalog; i18n: I18n<BotContext>; logger: Logger; board: ProgressBoard }): Reporter {
  const { store, catalog, i18n, logger, board } = deps;
  return {
    async report(broadcast, progress) {
      const t = translatorFor(i18n, broadcast.lang);
      const view = broadcastView(t, knowledgeInScript(catalog.kb, broadcast.lang), contentLang(broadcast.lang), broadcast, progress);
      const options = { parse_mode: "HTML" as const, reply_markup: view.keyboard };
      if (!board.changed(broadcast.id, view)) return;
      try {
        if (broadcast.progress) {
          await api.editMessageText(broadcast.progress.chatId, broadcast.progress.messageId, view.html, options).catch((error: unknown) => {
            if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
          });
        } else {
          const sent = await api.sendMessage(broadcast.createdBy, view.html, options);
          store.broadcasts.setProgressMessage(broadcast.id, sent.chat.id, sent.message_id);
        }
        if (broadcast.status === "done" || broadcast.status === "cancelled") {
          board.forget(broadcast.id);
          await api.sendMessage(broadcast.createdBy, finalReport(t, broadcast, progress.figures), { parse_mode: "HTML" });
        }
      } catch (error) {
        // Progress is a courtesy: a failed edit must not stop the delivery.
        logger.warn({ err: error, broadcast: broadcast.id }, "could not show a broadcast's progress");
      }
    },
  };
}
