// Message text and captions as Telegram stores them: parse mode applied,
// explicit entities checked, surrounding whitespace trimmed, limits enforced
// in UTF-16 code units (what Telegram counts).
import type { MessageEntity } from "grammy/types";
import { badRequest, Errors } from "./errors.js";
import { parseHtml } from "./html.js";
import { checkLink } from "./links.js";
import { isRecord, jsonParam, strParam, type Params } from "./params.js";
import { clone } from "./clone.js";

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

export interface Formatted {
  text: string;
  entities: MessageEntity[];
  /** The raw source when parse_mode was HTML. */
  html?: string;
}

const ENTITY_TYPES = new Set([
  "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic",
  "underline", "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code", "pre",
  "text_link", "text_mention", "custom_emoji",
]);

function parseMode(raw: string | undefined): "html" | undefined {
  if (raw === undefined || raw === "") return undefined;
  const mode = raw.toLowerCase();
  if (mode === "html") return "html";
  if (mode === "markdown" || mode === "markdownv2") throw badRequest("the fake supports only HTML parse mode");
  throw badRequest("unsupported parse_mode");
}

/** Validates explicit `entities` the way Telegram does (offsets against the raw text). */
export function checkEntities(raw: unknown, field: string, textLength: number): MessageEntity[] {
  if (!Array.isArray(raw)) throw Errors.fieldType(field, "Array");
  const out: MessageEntity[] = [];
  for (const e of raw) {
    if (!isRecord(e)) throw badRequest("can't parse MessageEntity: MessageEntity must be an Object");
    if (typeof e.type !== "string") throw badRequest(`can't parse MessageEntity: Can't find field "type"`);
    if (!ENTITY_TYPES.has(e.type)) throw badRequest("can't parse MessageEntity: Unsupported type specified");
    const offset = e.offset;
    const length = e.length;
    if (typeof offset !== "number" || !Number.isInteger(offset)) throw badRequest(`can't parse MessageEntity: Field "offset" must be a valid Number`);
    if (typeof length !== "number" || !Number.isInteger(length)) throw badRequest(`can't parse MessageEntity: Field "length" must be a valid Number`);
    if (offset < 0) throw badRequest(`receive an entity with incorrect offset ${offset}`);
    if (length < 0) throw badRequest(`receive an entity with incorrect length ${length}`);
    if (offset > textLength) throw badRequest(`entity begins after the end of the text at UTF-16 offset ${offset}`);
    if (offset + length > textLength) {
      throw badRequest(`entity beginning at UTF-16 offset ${offset} ends after the end of the text at UTF-16 offset ${offset + length}`);
    }
    if (e.type === "text_link") {
      if (typeof e.url !== "string") throw badRequest(`can't parse MessageEntity: Can't find field "url"`);
      const link = checkLink(e.url, true);
      if (!link.ok) throw badRequest(`entity URL '${e.url}' is invalid: ${link.problem}`);
    }
    if (e.type === "text_mention" && !isRecord(e.user)) throw badRequest(`can't parse MessageEntity: Can't find field "user"`);
    if (e.type === "custom_emoji") {
      if (e.custom_emoji_id === undefined) throw badRequest(`can't parse MessageEntity: Can't find field "custom_emoji_id"`);
      if (!/^\d{1,19}$/.test(String(e.custom_emoji_id))) {
        throw badRequest(`can't parse MessageEntity: Field "custom_emoji_id" must be a valid Number`);
      }
    }
    if (length === 0) continue; // empty entities are dropped, not refused
    out.push(clone(e) as unknown as MessageEntity);
  }
  return out;
}

/** Telegram trims leading/trailing whitespace; entities move and shrink with the text. */
function trim(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const lead = /^\s*/.exec(text)![0].length;
  if (lead === text.length) return { text: "", entities: [] };
  const trail = /\s*$/.exec(text)![0].length;
  if (lead === 0 && trail === 0) return { text, entities };
  const out = text.slice(lead, text.length - trail);
  const moved: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(out.length, e.offset + e.length - lead);
    if (end > start) moved.push({ ...e, offset: start, length: end - start });
  }
  return { text: out, entities: moved };
}

/** Applies parse mode / entities to raw text. No emptiness or length checks. */
export function format(raw: string, mode: string | undefined, entitiesRaw: unknown, entitiesField: string): Formatted {
  let parsed: Formatted;
  if (parseMode(mode) === "html") {
    const { text, entities } = parseHtml(raw);
    parsed = { text, entities, html: raw };
  } else {
    const entities = entitiesRaw === undefined ? [] : checkEntities(entitiesRaw, entitiesField, raw.length);
    parsed = { text: raw, entities };
  }
  const trimmed = trim(parsed.text, parsed.entities);
  return parsed.html === undefined ? trimmed : { ...trimmed, html: parsed.html };
}

/** A required message text (`text` of sendMessage, editMessageText, input_message_content...). */
export function messageText(p: Params, field = "text", modeField = "parse_mode", entitiesField = "entities"): Formatted {
  const raw = strParam(p, field);
  if (raw === undefined || raw === "") throw Errors.textEmpty();
  const f = format(raw, strParam(p, modeField), jsonParam(p, entitiesField), entitiesField);
  if (f.text === "") throw Errors.textMustBeNonEmpty();
  if (f.text.length > MAX_TEXT) throw Errors.textTooLong();
  return f;
}

/** An optional caption; undefined when the parameter is absent. */
export function captionText(p: Params): Formatted | undefined {
  const raw = strParam(p, "caption");
  if (raw === undefined) return undefined;
  const f = format(raw, strParam(p, "parse_mode"), jsonParam(p, "caption_entities"), "caption_entities");
  if (f.text.length > MAX_CAPTION) throw Errors.captionTooLong();
  return f;
}
