// The shape shared by all method handlers, plus small helpers several use.
import type { Message } from "grammy/types";
import { badRequest } from "../errors.js";
import { checkLink } from "../links.js";
import { boolParam, intParam, isRecord, jsonParam, strParam, type Params } from "../params.js";
import type { ChatRecord, StoredMessage, World } from "../world.js";
import { clone } from "../clone.js";

export interface CallContext {
  /** Aborted when the client hangs up (only long polls care). */
  signal: AbortSignal;
}

/** Returns the `result`, or throws an ApiError. */
export type Handler = (world: World, params: Params, ctx: CallContext) => unknown;

export function messageIdParam(p: Params, name = "message_id"): number {
  const id = intParam(p, name);
  if (id === undefined) throw badRequest("message identifier is not specified");
  return id;
}

/** Stores a new message from the bot in `chat`: the fields every sent message has, then `content`. */
export function botMessage(world: World, chat: ChatRecord, content: Record<string, unknown>, html?: string): StoredMessage {
  return world.store(
    chat,
    (message_id) => ({ message_id, from: world.botUser, chat: chat.chat, date: world.now(), ...content }) as Message,
    true,
    html,
  );
}

/** A message as quoted in reply_to_message: without its own reply. */
export function quoted(message: Message): Message {
  const copy = clone(message);
  delete (copy as { reply_to_message?: unknown }).reply_to_message;
  return copy;
}

/** Resolves reply_parameters / reply_to_message_id into the message to quote, if any. */
export function replyTarget(world: World, chat: ChatRecord, p: Params): Message | undefined {
  const params = jsonParam(p, "reply_parameters");
  let messageId: number | undefined;
  let target = chat;
  let allowWithout = boolParam(p, "allow_sending_without_reply") ?? false;
  if (params !== undefined) {
    if (!isRecord(params)) throw badRequest("can't parse reply parameters JSON object");
    if (params.message_id === undefined) throw badRequest(`can't find field "message_id"`);
    messageId = intParam(params, "message_id");
    if (params.chat_id !== undefined && params.chat_id !== chat.chat.id) {
      target = world.chat(typeof params.chat_id === "string" && /^-?\d+$/.test(params.chat_id) ? Number(params.chat_id) : (params.chat_id as number));
    }
    allowWithout = boolParam(params, "allow_sending_without_reply") ?? allowWithout;
  } else {
    messageId = intParam(p, "reply_to_message_id");
  }
  if (messageId === undefined) return undefined;
  const stored = target.messages.get(messageId);
  if (!stored) {
    if (allowWithout) return undefined;
    throw badRequest("message to be replied not found");
  }
  return quoted(stored.message);
}

export function checkLinkPreview(p: Params): void {
  const o = jsonParam(p, "link_preview_options");
  if (o === undefined) return;
  if (!isRecord(o)) throw badRequest("can't parse link preview options JSON object");
  for (const f of ["is_disabled", "prefer_small_media", "prefer_large_media", "show_above_text"]) {
    if (o[f] !== undefined && typeof o[f] !== "boolean") throw badRequest(`field "${f}" must be of type Boolean`);
  }
  const url = strParam(o, "url");
  if (url !== undefined && url !== "" && !checkLink(url, false).ok) throw badRequest("WEBPAGE_URL_INVALID");
}
