// Sending, editing and deleting messages (copies are in copy.ts).
import type { InlineKeyboardMarkup, Message, MessageEntity } from "grammy/types";
import { badRequest, Errors } from "../errors.js";
import { checkReplyMarkup, type CheckedMarkup } from "../markup.js";
import { canonicalJson, chatIdParam, strParam, type Params } from "../params.js";
import { captionText, messageText, type Formatted } from "../text.js";
import type { ChatRecord, StoredMessage, World } from "../world.js";
import { clone } from "../clone.js";
import { botMessage, checkLinkPreview, messageIdParam, replyTarget, type Handler } from "./handler.js";

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

function inlineOf(markup: CheckedMarkup | undefined): InlineKeyboardMarkup | undefined {
  return markup?.kind === "inline" ? markup.markup : undefined;
}

/** Reply keyboards are not part of Message; remember them on the message and the chat. */
export function rememberKeyboard(chat: ChatRecord, stored: StoredMessage, markup: CheckedMarkup | undefined): void {
  if (markup?.kind === "keyboard") {
    stored.keyboard = markup.texts;
    chat.replyKeyboard = markup.texts;
    chat.userRequests = markup.userRequests;
  } else if (markup?.kind === "remove_keyboard") {
    chat.replyKeyboard = undefined;
    chat.userRequests = undefined;
  }
}

function withText(f: Formatted): Partial<Message> {
  return f.entities.length > 0 ? { text: f.text, entities: f.entities } : { text: f.text };
}

const sendMessage: Handler = (world, p) => {
  const chatId = chatIdParam(p);
  const text = messageText(p);
  const chat = world.writableChat(chatId);
  const checked = checkReplyMarkup(p, { chatType: chat.chat.type, botUsername: world.me.username });
  const markup = inlineOf(checked);
  checkLinkPreview(p);
  const reply = replyTarget(world, chat, p);
  const stored = botMessage(
    world,
    chat,
    { ...(reply ? { reply_to_message: reply } : {}), ...withText(text), ...(markup ? { reply_markup: markup } : {}) },
    text.html,
  );
  rememberKeyboard(chat, stored, checked);
  world.announce("message", stored);
  return clone(stored.message);
};

/**
 * The bot's own message an edit applies to, with Telegram's errors for the
 * other cases, and the keyboard the edit gives it. Undefined for an inline
 * message (inline_message_id): those are not modelled, so only the markup is
 * checked and the method answers true, as Telegram does.
 */
function editTarget(world: World, p: Params): { stored: StoredMessage; markup: InlineKeyboardMarkup | undefined } | undefined {
  const ctx = { inlineOnly: true, botUsername: world.me.username };
  if (strParam(p, "inline_message_id")) {
    checkReplyMarkup(p, ctx);
    return undefined;
  }
  const chat = world.writableChat(chatIdParam(p));
  const stored = chat.messages.get(messageIdParam(p));
  if (!stored) throw badRequest("message to edit not found");
  if (!stored.fromBot) throw badRequest("message can't be edited");
  return { stored, markup: inlineOf(checkReplyMarkup(p, { ...ctx, chatType: chat.chat.type })) };
}

/** Stamps an applied edit and announces it; the edit methods answer with the edited message. */
function edited(world: World, stored: StoredMessage): Message {
  stored.message.edit_date = world.now();
  stored.edits++;
  world.announce("edit", stored);
  return clone(stored.message);
}

const sameMarkup = (a: InlineKeyboardMarkup | undefined, b: InlineKeyboardMarkup | undefined) =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

function applyMarkup(message: Message, markup: InlineKeyboardMarkup | undefined): void {
  // Omitting reply_markup in an edit removes the keyboard, as in Telegram.
  if (markup) message.reply_markup = markup;
  else delete message.reply_markup;
}

const editMessageText: Handler = (world, p) => {
  const text = messageText(p);
  const target = editTarget(world, p);
  if (!target) return true; // an inline message: see editTarget
  const { stored, markup } = target;
  checkLinkPreview(p);
  const m = stored.message;
  if (m.text === undefined) throw badRequest("there is no text in the message to edit");
  const sameText = m.text === text.text && canonicalJson(m.entities ?? []) === canonicalJson(text.entities);
  if (sameText && sameMarkup(m.reply_markup, markup)) throw Errors.notModified();
  m.text = text.text;
  if (text.entities.length > 0) m.entities = text.entities as MessageEntity[];
  else delete m.entities;
  applyMarkup(m, markup);
  if (text.html !== undefined) stored.html = text.html;
  else delete stored.html;
  return edited(world, stored);
};

const editMessageCaption: Handler = (world, p) => {
  const caption = captionText(p) ?? { text: "", entities: [] };
  const target = editTarget(world, p);
  if (!target) return true;
  const { stored, markup } = target;
  const m = stored.message;
  if (m.text !== undefined) throw badRequest("there is no caption in the message to edit");
  const sameCaption =
    (m.caption ?? "") === caption.text && canonicalJson(m.caption_entities ?? []) === canonicalJson(caption.entities);
  if (sameCaption && sameMarkup(m.reply_markup, markup)) throw Errors.notModified();
  if (caption.text !== "") m.caption = caption.text;
  else delete m.caption;
  if (caption.entities.length > 0) m.caption_entities = caption.entities;
  else delete m.caption_entities;
  applyMarkup(m, markup);
  return edited(world, stored);
};

const editMessageReplyMarkup: Handler = (world, p) => {
  const target = editTarget(world, p);
  if (!target) return true;
  const { stored, markup } = target;
  if (sameMarkup(stored.message.reply_markup, markup)) throw Errors.notModified();
  applyMarkup(stored.message, markup);
  return edited(world, stored);
};

const deleteMessage: Handler = (world, p) => {
  const chat = world.chat(chatIdParam(p));
  const id = messageIdParam(p);
  const stored = chat.messages.get(id);
  if (!stored) throw badRequest("message to delete not found");
  // In groups the fake bot is no admin: it may delete only its own messages.
  if (chat.chat.type !== "private" && !stored.fromBot) throw badRequest("message can't be deleted");
  world.remove(chat, stored);
  return true;
};

const sendChatAction: Handler = (world, p) => {
  const chatId = chatIdParam(p);
  const action = strParam(p, "action");
  world.writableChat(chatId);
  if (action === undefined || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
  return true;
};

export const messageMethods: Record<string, Handler> = {
  sendMessage,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  sendChatAction,
};
