/** /broadcast, step 2: the announcement itself, any message Telegram can copy (formatted text, photo, video, document, the first part of an album). */
import type { Message } from "grammy/types";
import { keyboardOf } from "../../ui/keyboard.js";
import type { Asking, Who } from "./asking.js";

/** Messages Telegram can copy: anything a person sends, not service messages. */
const COPYABLE = ["text", "photo", "video", "document", "audio", "voice", "animation", "video_note", "sticker", "poll", "location", "venue", "contact"] as const;
const isCopyable = (message: Message) => COPYABLE.some((kind) => kind in message);

export async function askMessage({ conversation, ctx, reader: { t }, cancelButton }: Asking, who: Who): Promise<Message> {
  await ctx.reply(t("bc-ask-message", { audience: who.label, count: who.count }), { reply_markup: keyboardOf([cancelButton]) });
  const { message } = await conversation.waitFor("message").and((update) => isCopyable(update.message), { otherwise: (update) => update.reply(t("bc-not-copyable")) });
  return message;
}
