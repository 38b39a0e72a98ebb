// reply_markup validation. Keyboards are where bots most often break in
// production (64-byte callback_data, bad URLs, empty buttons), so the rules
// and texts follow what the Bot API answers.
import type { InlineKeyboardMarkup } from "grammy/types";
import { badRequest, Errors } from "./errors.js";
import { checkLink } from "./links.js";
import { boolParam, isRecord, jsonParam, strParam, utf8Length, type Params } from "./params.js";
import type { FakeButton } from "./types.js";
import { clone } from "./clone.js";

/**
 * Telegram's limits on an inline keyboard: 100 buttons, 8 to a row. Beyond
 * them its server answers REPLY_MARKUP_TOO_LONG, which the Bot API passes on
 * as "reply markup is too long".
 */
export const MAX_INLINE_BUTTONS = 100;
export const MAX_INLINE_ROW = 8;
export const MAX_REPLY_BUTTONS = 300;

/** Fields that give an inline button its action; exactly one is required. */
const ACTIONS = [
  "url", "callback_data", "switch_inline_query", "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat", "copy_text", "login_url", "web_app", "pay", "callback_game",
] as const;

export interface MarkupContext {
  /** Type of the chat the message goes to; web_app buttons need a private chat. */
  chatType?: string;
  /** Edits and inline results take only inline keyboards. */
  inlineOnly?: boolean;
  botUsername: string;
}

/** A request_users button: what the user may pick and what the bot then learns about them. */
export interface UserRequestButton {
  requestId: number;
  /** true: only bots, false: only people, undefined: anyone. */
  userIsBot?: boolean;
  maxQuantity: number;
  requestName: boolean;
  requestUsername: boolean;
}

export type CheckedMarkup =
  | { kind: "inline"; markup: InlineKeyboardMarkup }
  | { kind: "keyboard"; texts: string[][]; userRequests: UserRequestButton[] }
  | { kind: "remove_keyboard" | "force_reply" };

const buttonError = (reason: string) => badRequest(`can't parse inline keyboard button: ${reason}`);
const keyboardButtonError = (reason: string) => badRequest(`can't parse keyboard button: ${reason}`);

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const MAX_SHARED_USERS = 10;

/** Empty strings count as absent, as in the Bot API (callback_data: "" is a "text button"). */
function present(button: Record<string, unknown>, field: string): boolean {
  const v = button[field];
  if (v === undefined || v === null || v === false) return false;
  if (v === "" && (field === "url" || field === "callback_data")) return false;
  return true;
}

function checkInlineButton(raw: unknown, ctx: MarkupContext): void {
  if (!isRecord(raw)) throw buttonError("InlineKeyboardButton must be an Object");
  if (raw.text === undefined) throw buttonError(`Can't find field "text"`);
  if (typeof raw.text !== "string") throw buttonError(`Field "text" must be of type String`);
  if (raw.text.trim() === "") throw buttonError(`Field "text" must be non-empty`);
  const actions = ACTIONS.filter((f) => present(raw, f));
  if (actions.length === 0) throw buttonError("Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) {
    // Telegram would silently pick one; a button with two actions is a bug.
    throw buttonError(`exactly one action field is allowed, found ${actions.join(", ")}`);
  }
  const action = actions[0]!;
  const value = raw[action];
  switch (action) {
    case "callback_data": {
      if (typeof value !== "string") throw buttonError(`Field "callback_data" must be of type String`);
      const bytes = utf8Length(value);
      if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
      return;
    }
    case "url": {
      if (typeof value !== "string") throw buttonError(`Field "url" must be of type String`);
      const link = checkLink(value, true);
      if (!link.ok) throw badRequest(`inline keyboard button URL '${value}' is invalid: ${link.problem}`);
      return;
    }
    case "switch_inline_query":
    case "switch_inline_query_current_chat":
      if (typeof value !== "string") throw buttonError(`Field "${action}" must be of type String`);
      return;
    case "switch_inline_query_chosen_chat": {
      if (!isRecord(value)) throw buttonError(`Field "switch_inline_query_chosen_chat" must be of type Object`);
      for (const f of ["allow_user_chats", "allow_bot_chats", "allow_group_chats", "allow_channel_chats"]) {
        if (value[f] !== undefined && typeof value[f] !== "boolean") throw buttonError(`Field "${f}" must be of type Boolean`);
      }
      return;
    }
    case "copy_text": {
      const text = isRecord(value) ? value.text : undefined;
      if (typeof text !== "string" || text.length < 1 || text.length > 256) throw badRequest("BUTTON_COPY_TEXT_INVALID");
      return;
    }
    case "web_app": {
      const url = isRecord(value) ? value.url : undefined;
      if (typeof url !== "string") throw buttonError(`Can't find field "url"`);
      if (!/^https:\/\//i.test(url) || !checkLink(url, false).ok) {
        throw badRequest(`inline keyboard button Web App URL '${url}' is invalid: Only HTTPS links are allowed`);
      }
      if (ctx.chatType !== undefined && ctx.chatType !== "private") throw badRequest("BUTTON_TYPE_INVALID");
      return;
    }
    case "login_url": {
      if (!isRecord(value) || typeof value.url !== "string") throw buttonError(`Can't find field "url"`);
      if (value.bot_username !== undefined && value.bot_username !== ctx.botUsername) {
        throw badRequest(`bot "${String(value.bot_username)}" not found`);
      }
      // The fake bot has no domain linked in @BotFather, so Telegram would refuse.
      throw badRequest("BOT_DOMAIN_INVALID");
    }
    case "pay":
    case "callback_game":
      // Only valid on invoices and games, which the fake does not send.
      throw badRequest("BUTTON_TYPE_INVALID");
  }
}

function checkInlineKeyboard(markup: Record<string, unknown>, ctx: MarkupContext): InlineKeyboardMarkup {
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows)) throw Errors.fieldType("inline_keyboard", "Array");
  let count = 0;
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest(`field "inline_keyboard" must be an Array of Arrays`);
    for (const button of row) {
      checkInlineButton(button, ctx);
      count++;
    }
    if (row.length > MAX_INLINE_ROW) throw badRequest("reply markup is too long");
  }
  if (count > MAX_INLINE_BUTTONS) throw badRequest("reply markup is too long");
  return { inline_keyboard: clone(rows) as InlineKeyboardMarkup["inline_keyboard"] };
}

/** request_id of request_users / request_chat: a signed 32-bit integer, as in the Bot API. */
function requestId(request: Record<string, unknown>): number {
  const id = request.request_id;
  if (id === undefined) throw keyboardButtonError(`Can't find field "request_id"`);
  if (typeof id !== "number" || !Number.isInteger(id) || id < INT32_MIN || id > INT32_MAX) {
    throw keyboardButtonError(`Field "request_id" must be a valid Number`);
  }
  return id;
}

function optionalBool(o: Record<string, unknown>, field: string): boolean | undefined {
  const v = o[field];
  if (v !== undefined && typeof v !== "boolean") throw keyboardButtonError(`Field "${field}" must be of type Boolean`);
  return v;
}

function checkUserRequest(raw: unknown, ctx: MarkupContext): UserRequestButton {
  if (!isRecord(raw)) throw keyboardButtonError(`Field "request_users" must be of type Object`);
  const id = requestId(raw);
  const max = raw.max_quantity ?? 1;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > MAX_SHARED_USERS) {
    throw keyboardButtonError(`Field "max_quantity" must be between 1 and ${MAX_SHARED_USERS}`);
  }
  optionalBool(raw, "user_is_premium");
  optionalBool(raw, "request_photo");
  // Sharing users is a private-chat feature; Telegram refuses the button elsewhere.
  if (ctx.chatType !== undefined && ctx.chatType !== "private") throw badRequest("BUTTON_TYPE_INVALID");
  const button: UserRequestButton = {
    requestId: id,
    maxQuantity: max,
    requestName: optionalBool(raw, "request_name") ?? false,
    requestUsername: optionalBool(raw, "request_username") ?? false,
  };
  const isBot = optionalBool(raw, "user_is_bot");
  if (isBot !== undefined) button.userIsBot = isBot;
  return button;
}

/** Returns the button texts (what the user sees and sends back) and the request_users buttons. */
function checkReplyKeyboard(
  markup: Record<string, unknown>,
  ctx: MarkupContext,
): { texts: string[][]; userRequests: UserRequestButton[] } {
  const rows = markup.keyboard;
  if (!Array.isArray(rows)) throw Errors.fieldType("keyboard", "Array");
  let count = 0;
  const texts: string[][] = [];
  const userRequests: UserRequestButton[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest(`field "keyboard" must be an Array of Arrays`);
    const rowTexts: string[] = [];
    texts.push(rowTexts);
    for (const b of row) {
      count++;
      if (typeof b === "string") {
        if (b === "") throw keyboardButtonError("Text must be non-empty");
        rowTexts.push(b);
        continue;
      }
      if (!isRecord(b)) throw keyboardButtonError("KeyboardButton must be an Object");
      if (typeof b.text !== "string") throw keyboardButtonError(`Can't find field "text"`);
      if (b.text === "") throw keyboardButtonError("Text must be non-empty");
      rowTexts.push(b.text);
      if (b.request_users !== undefined) userRequests.push(checkUserRequest(b.request_users, ctx));
      if (b.request_chat !== undefined) {
        if (!isRecord(b.request_chat)) throw keyboardButtonError(`Field "request_chat" must be of type Object`);
        requestId(b.request_chat);
        if (ctx.chatType !== undefined && ctx.chatType !== "private") throw badRequest("BUTTON_TYPE_INVALID");
      }
      if (isRecord(b.web_app)) {
        const url = String(b.web_app.url ?? "");
        if (!/^https:\/\//i.test(url)) throw badRequest(`keyboard button Web App URL '${url}' is invalid: Only HTTPS links are allowed`);
      }
    }
  }
  if (count > MAX_REPLY_BUTTONS) throw badRequest("reply markup is too long");
  for (const f of ["resize_keyboard", "one_time_keyboard", "is_persistent", "selective"]) boolParam(markup, f);
  return { texts, userRequests };
}

/** Validates `reply_markup` of a request; undefined when there is none. */
export function checkReplyMarkup(p: Params, ctx: MarkupContext, field = "reply_markup"): CheckedMarkup | undefined {
  const raw = jsonParam(p, field, () => badRequest("can't parse reply keyboard markup JSON object"));
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw badRequest("can't parse reply keyboard markup JSON object");
  if (raw.inline_keyboard !== undefined) return { kind: "inline", markup: checkInlineKeyboard(raw, ctx) };
  if (ctx.inlineOnly) throw badRequest("inline keyboard expected");
  if (raw.keyboard !== undefined) {
    return { kind: "keyboard", ...checkReplyKeyboard(raw, ctx) };
  }
  if (raw.remove_keyboard !== undefined) {
    if (boolParam(raw, "remove_keyboard") !== true) throw Errors.fieldType("remove_keyboard", "Boolean");
    boolParam(raw, "selective");
    return { kind: "remove_keyboard" };
  }
  if (raw.force_reply !== undefined) {
    if (typeof raw.force_reply !== "boolean") throw Errors.fieldType("force_reply", "Boolean");
    const placeholder = strParam(raw, "input_field_placeholder");
    if (placeholder !== undefined && placeholder.length > 64) throw badRequest("input field placeholder is too long");
    boolParam(raw, "selective");
    return { kind: "force_reply" };
  }
  throw badRequest("can't parse reply keyboard markup JSON object");
}

/** The inline keyboard, if any, in the simplified shape tests read. */
export function toFakeButtons(markup: InlineKeyboardMarkup | undefined): FakeButton[][] {
  if (!markup) return [];
  return markup.inline_keyboard.map((row) =>
    row.map((b) => {
      const out: FakeButton = { text: b.text };
      const r = b as unknown as Record<string, unknown>;
      if (typeof r.callback_data === "string") out.callbackData = r.callback_data;
      if (typeof r.url === "string") out.url = r.url;
      if (typeof r.switch_inline_query === "string") out.switchInlineQuery = r.switch_inline_query;
      if (typeof r.switch_inline_query_current_chat === "string") {
        out.switchInlineQueryCurrentChat = r.switch_inline_query_current_chat;
      }
      return out;
    }),
  );
}
