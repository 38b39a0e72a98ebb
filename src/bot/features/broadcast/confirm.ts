/**
 * /broadcast, step 3: the preview, with the exact number of recipients, and
 * "Send now" or "Schedule". An album arrives as several messages sharing a
 * media_group_id: the preview counts them as they come.
 */
import { InlineKeyboard, type Context } from "grammy";
import type { Message } from "grammy/types";
import { callback } from "../../ui/callback-data.js";
import { bold, escapeHtml } from "../../ui/html.js";
import { keyboardOf } from "../../ui/keyboard.js";
import { stepValue, type Asking, type Who } from "./asking.js";

export interface Confirmed {
  /** The announcement's messages, the album's parts in the order they came. */
  messageIds: number[];
  when: "now" | "schedule";
}

export async function confirmSending({ conversation, ctx, reader: { t }, cancelButton }: Asking, who: Who, first: Message): Promise<Confirmed> {
  const messageIds = [first.message_id];
  const previewText = () =>
    [
      bold(t("bc-preview-title")),
      escapeHtml(t("bc-to", { audience: who.label })),
      escapeHtml(t("bc-preview-count", { count: who.count })),
      escapeHtml(messageIds.length > 1 ? t("bc-preview-album", { count: messageIds.length }) : t("bc-preview-message")),
    ].join("\n");
  const previewKeyboard = keyboardOf(
    [InlineKeyboard.text(t("bc-button-send-now", { count: who.count }), callback.broadcastStep("now"))],
    [InlineKeyboard.text(t("bc-button-schedule"), callback.broadcastStep("schedule")), cancelButton],
  );
  const preview = await ctx.reply(previewText(), { parse_mode: "HTML", reply_markup: previewKeyboard, reply_parameters: { message_id: first.message_id } });
  const albumPart = (update: Context) => update.message?.media_group_id !== undefined && update.message.media_group_id === first.media_group_id;
  const chosen = (update: Context) => stepValue(update.callbackQuery?.data);
  for (;;) {
    const update = await conversation.waitUntil((u) => albumPart(u) || chosen(u) === "now" || chosen(u) === "schedule", {
      otherwise: (u) => u.message && u.reply(t("bc-use-buttons")),
    });
    if (!albumPart(update)) return { messageIds, when: chosen(update) as Confirmed["when"] };
    messageIds.push(update.message!.message_id);
    await ctx.api.editMessageText(preview.chat.id, preview.message_id, previewText(), { parse_mode: "HTML", reply_markup: previewKeyboard });
  }
}
