// Answers to callback and inline queries. Each id is answerable once, like
// Telegram; answering twice is a common bug (e.g. in two middlewares).
import { badRequest, Errors } from "../errors.js";
import { checkReplyMarkup } from "../markup.js";
import { boolParam, intParam, isRecord, jsonParam, strParam, utf8Length } from "../params.js";
import { messageText } from "../text.js";
import { CALLBACK_QUERY_TTL_MS, type World } from "../world.js";
import type { Handler } from "./handler.js";

const MAX_ALERT = 200;
const MAX_RESULTS = 50;

const RESULT_TYPES = new Set([
  "article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document",
  "location", "venue", "contact", "game", "sticker",
]);

const answerCallbackQuery: Handler = (world, p) => {
  const id = strParam(p, "callback_query_id") ?? "";
  const query = world.callbackQueries.get(id);
  if (!query || query.answered || world.clock() - query.pressedAt > CALLBACK_QUERY_TTL_MS) throw Errors.queryTooOld();
  const text = strParam(p, "text");
  if (text !== undefined && text.length > MAX_ALERT) throw badRequest("MESSAGE_TOO_LONG");
  const url = strParam(p, "url");
  if (url !== undefined && url !== "") {
    // Without a game, only links that start this bot are allowed.
    const own = new RegExp(`^(https?://)?t\\.me/${world.me.username}\\?start=`, "i");
    if (!own.test(url)) throw badRequest("URL_INVALID");
  }
  const showAlert = boolParam(p, "show_alert");
  const cacheTime = intParam(p, "cache_time");
  query.answered = true;
  query.answer = {
    ...(text !== undefined ? { text } : {}),
    ...(showAlert !== undefined ? { showAlert } : {}),
    ...(url ? { url } : {}),
    ...(cacheTime !== undefined ? { cacheTime } : {}),
  };
  return true;
};

function checkResult(world: World, r: unknown, seen: Set<string>): void {
  if (!isRecord(r)) throw badRequest("can't parse InlineQueryResult: InlineQueryResult must be an Object");
  if (typeof r.type !== "string" || !RESULT_TYPES.has(r.type)) {
    throw badRequest("can't parse InlineQueryResult: Unsupported type specified");
  }
  const id = typeof r.id === "number" ? String(r.id) : r.id;
  if (typeof id !== "string" || utf8Length(id) < 1 || utf8Length(id) > 64) throw badRequest("RESULT_ID_INVALID");
  if (seen.has(id)) throw badRequest("RESULT_ID_DUPLICATE");
  seen.add(id);
  if (r.type === "article") {
    if (r.title === undefined) throw badRequest(`can't parse InlineQueryResult: Can't find field "title"`);
    if (typeof r.title !== "string" || r.title.trim() === "") throw badRequest("RESULT_TITLE_EMPTY");
    if (r.input_message_content === undefined) {
      throw badRequest(`can't parse InlineQueryResult: Can't find field "input_message_content"`);
    }
  }
  if (r.input_message_content !== undefined) {
    const content = r.input_message_content;
    if (!isRecord(content)) throw badRequest("can't parse input message content: InputMessageContent must be an Object");
    if (content.message_text !== undefined || r.type === "article") {
      messageText(content, "message_text", "parse_mode", "entities");
    }
  }
  checkReplyMarkup(r, { inlineOnly: true, botUsername: world.me.username });
}

const answerInlineQuery: Handler = (world, p) => {
  const id = strParam(p, "inline_query_id") ?? "";
  const query = world.inlineQueries.get(id);
  if (!query || query.answered) throw Errors.queryTooOld();
  const results = jsonParam(p, "results");
  if (!Array.isArray(results)) throw badRequest(`field "results" must be of type Array`);
  if (results.length > MAX_RESULTS) throw badRequest("RESULTS_TOO_MUCH");
  const seen = new Set<string>();
  for (const r of results) checkResult(world, r, seen);
  const nextOffset = strParam(p, "next_offset");
  if (nextOffset !== undefined && utf8Length(nextOffset) > 64) throw badRequest("NEXT_OFFSET_INVALID");
  const button = jsonParam(p, "button");
  if (button !== undefined) {
    if (!isRecord(button) || typeof button.text !== "string" || button.text === "") {
      throw badRequest(`can't parse InlineQueryResultsButton: Can't find field "text"`);
    }
    const start = button.start_parameter;
    if (start !== undefined && (typeof start !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(start))) {
      throw badRequest("START_PARAM_INVALID");
    }
  }
  intParam(p, "cache_time");
  boolParam(p, "is_personal");
  query.answered = true;
  query.results = structuredClone(results);
  query.onAnswer?.(structuredClone(results));
  return true;
};

export const queryMethods: Record<string, Handler> = { answerCallbackQuery, answerInlineQuery };
