/**
 * Shows the engine's progress to the staff member who sent the broadcast:
 * one message edited live, and a final report as a new message.
 */
import type { I18n } from "@grammyjs/i18n";
import { GrammyError, type Api } from "grammy";
import type { Reporter } from "../../../broadcast/engine.js";
import type { Catalog } from "../../../knowledge/catalog.js";
import type { Logger } from "../../../logger.js";
import type { Store } from "../../../storage/store.js";
import type { BotContext } from "../../context.js";
import { readers } from "../../locale.js";
import type { ProgressBoard } from "./progress-board.js";
import { broadcastView, cardFigures, finalReport } from "./view.js";

export function telegramReporter(api: Api, deps: { store: Store; catalog: Catalog; i18n: I18n<BotContext>; logger: Logger; board: ProgressBoard }): Reporter {
  const { store, logger, board } = deps;
  const readerFor = readers(deps);

  return {
    async progress(broadcast, progress) {
      try {
        const figures = cardFigures(store.broadcasts, broadcast, progress.etaMs);
        const view = broadcastView(readerFor(broadcast.lang), broadcast, figures);
        await board.show(broadcast.id, view, () =>
          api.editMessageText(broadcast.progress.chatId, broadcast.progress.messageId, view.html, { parse_mode: "HTML", reply_markup: view.keyboard }).catch((error: unknown) => {
            if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
          }),
        );
      } catch (error) {
        // Progress is a courtesy: a failed edit must not stop the delivery (the next one may succeed).
        logger.warn({ err: error, broadcast: broadcast.id }, "could not show a broadcast's progress");
      }
    },

    async final(broadcast, figures) {
      const { t } = readerFor(broadcast.lang);
      try {
        await api.sendMessage(broadcast.createdBy, finalReport(t, broadcast, figures), {
          parse_mode: "HTML",
          reply_parameters: { message_id: broadcast.progress.messageId, allow_sending_without_reply: true },
        });
        return true;
      } catch (error) {
        // A passing failure (429, 5xx, the network) is tried again; a refusal (the staff member blocked the bot) is final.
        const passing = !(error instanceof GrammyError) || error.error_code === 429 || error.error_code >= 500;
        logger.warn({ err: error, broadcast: broadcast.id }, passing ? "could not send a broadcast's final report; will try again" : "could not send a broadcast's final report");
        return !passing;
      }
    },
  };
}
