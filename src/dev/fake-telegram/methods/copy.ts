// copyMessage / copyMessages: how broadcasts keep a message's formatting and
// media. Copies share the source's content objects instead of cloning them
// (a 100k broadcast would otherwise hold 100k copies); nothing mutates
// content in place, edits replace whole fields.
import type { Message } from "grammy/types";
import { badRequest, Errors } from "../errors.js";
import { checkReplyMarkup, type CheckedMarkup } from "../markup.js";
import { boolParam, chatIdParam, jsonParam } from "../params.js";
import { captionText, type Formatted } from "../text.js";
import type { ChatRecord, StoredMessage, World } from "../world.js";
import { botMessage, messageIdParam, replyTarget, type Handler } from "./handler.js";
import { rememberKeyboard } from "./messages.js";

/** Fields that make up a message's content (what a copy keeps). */
const CONTENT = [
  "text", "entities", "caption", "caption_entities", "show_caption_above_media", "has_media_spoiler",
  "photo", "sticker", "document", "video", "audio", "voice", "animation", "video_note", "location",
  "venue", "contact", "dice", "poll",
] as const;

/** Service messages (users_shared, new members...) have no content and can't be copied. */
const copyable = (m: Message) => CONTENT.some((key) => m[key] !== undefined);

interface CopyOptions {
  caption?: Formatted;
  removeCaption?: boolean;
  markup?: CheckedMarkup;
  reply?: Message;
  mediaGroupId?: string;
}

/** Copies the content of `source` into `target` as a new bot message. */
function copyInto(world: World, target: ChatRecord, source: Message, opts: CopyOptions): StoredMessage {
  const content: Record<string, unknown> = {};
  for (const key of CONTENT) if (source[key] !== undefined) content[key] = source[key];
  const hasMedia = content.text === undefined;
  if (hasMedia && (opts.caption !== undefined || opts.removeCaption)) {
    delete content.caption;
    delete content.caption_entities;
    if (opts.caption && opts.caption.text !== "") {
      content.caption = opts.caption.text;
      if (opts.caption.entities.length > 0) content.caption_entities = opts.caption.entities;
    }
  }
  const stored = botMessage(world, target, {
    ...(opts.mediaGroupId ? { media_group_id: opts.mediaGroupId } : {}),
    ...(opts.reply ? { reply_to_message: opts.reply } : {}),
    ...content,
    ...(opts.markup?.kind === "inline" ? { reply_markup: opts.markup.markup } : {}),
  });
  rememberKeyboard(target, stored, opts.markup);
  world.announce("message", stored);
  return stored;
}

/** Albums stay albums: a new media_group_id for each source album with two or more of its messages copied. */
function albumIds(world: World, messages: Message[]): Map<string, string> {
  const sizes = new Map<string, number>();
  for (const m of messages) if (m.media_group_id) sizes.set(m.media_group_id, (sizes.get(m.media_group_id) ?? 0) + 1);
  const ids = new Map<string, string>();
  for (const [old, size] of sizes) if (size >= 2) ids.set(old, world.newMediaGroupId());
  return ids;
}

const copyMessage: Handler = (world, p) => {
  const chatId = chatIdParam(p);
  const fromChatId = chatIdParam(p, "from_chat_id");
  const messageId = messageIdParam(p);
  const caption = captionText(p);
  const target = world.writableChat(chatId);
  const source = world.chat(fromChatId).messages.get(messageId);
  if (!source) throw badRequest("message to copy not found");
  if (!copyable(source.message)) throw badRequest("message can't be copied");
  const markup = checkReplyMarkup(p, { chatType: target.chat.type, botUsername: world.me.username });
  const reply = replyTarget(world, target, p);
  // A single copy of an album item is a message of its own: no media_group_id.
  const copy = copyInto(world, target, source.message, { caption, markup, reply });
  return { message_id: copy.message.message_id };
};

const copyMessages: Handler = (world, p) => {
  const chatId = chatIdParam(p);
  const fromChatId = chatIdParam(p, "from_chat_id");
  const ids = jsonParam(p, "message_ids");
  if (!Array.isArray(ids) || ids.length === 0) throw Errors.required("message_ids");
  if (ids.length > 100) throw badRequest("too many messages to copy");
  for (let i = 0; i < ids.length; i++) {
    if (!Number.isInteger(ids[i])) throw badRequest(`field "message_ids" must be an Array of Integer`);
    if (i > 0 && (ids[i] as number) <= (ids[i - 1] as number)) {
      throw badRequest("message identifiers must be in a strictly increasing order");
    }
  }
  const removeCaption = boolParam(p, "remove_caption") ?? false;
  const target = world.writableChat(chatId);
  const source = world.chat(fromChatId);
  // Missing and service messages are skipped, as Telegram does.
  const found = (ids as number[])
    .map((id) => source.messages.get(id)?.message)
    .filter((m) => m !== undefined && copyable(m)) as Message[];
  if (found.length === 0) throw badRequest("there are no messages to forward");
  const newGroups = albumIds(world, found);
  return found.map((m) => ({
    message_id: copyInto(world, target, m, { removeCaption, mediaGroupId: newGroups.get(m.media_group_id ?? "") })
      .message.message_id,
  }));
};

export const copyMethods: Record<string, Handler> = { copyMessage, copyMessages };
