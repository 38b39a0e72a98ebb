// Telegram's HTML parse mode, modelled on TDLib's parser (same tags, same
// error texts and byte offsets), plus two deliberate extra rules that
// Telegram's docs demand but its parser forgives: a bare "&" and unknown
// named entities are errors, and <a> needs href. Escaping bugs then fail in
// tests instead of rendering oddly for users.
import type { MessageEntity } from "grammy/types";
import { Errors } from "./errors.js";
import { checkLink } from "./links.js";

export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

const TAGS = new Set([
  "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
  "span", "tg-spoiler", "tg-emoji", "code", "pre", "blockquote",
]);

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
// Only the complete form `&name;` / `&#123;` / `&#x1F600;` counts as an entity.
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([a-zA-Z][a-zA-Z0-9]*));/y;

interface OpenTag {
  tag: string;
  arg: string;
  offset: number; // UTF-16 offset in the output text
}

const isSpace = (c: string | undefined): boolean =>
  c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";

/** Telegram reports positions as UTF-8 byte offsets into the source. */
const byteOffset = (src: string, i: number): number => Buffer.byteLength(src.slice(0, i), "utf8");

const fail = (reason: string): Error => Errors.cantParseEntities(reason);

function codePointOk(cp: number): boolean {
  return cp > 0 && cp < 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

/** Decodes the entity at src[i] === "&" strictly; returns the text and where to continue. */
function decodeStrict(src: string, i: number): { text: string; end: number } {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(src);
  if (!m) {
    const unterminated = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot)(?![a-zA-Z0-9;])/y;
    unterminated.lastIndex = i;
    const u = unterminated.exec(src);
    if (u) throw fail(`HTML entity "${u[0]}" at byte offset ${byteOffset(src, i)} must end with ";"`);
    throw fail(`Character "&" at byte offset ${byteOffset(src, i)} must be escaped as "&amp;"`);
  }
  const [whole, hex, dec, name] = m;
  if (name !== undefined) {
    const ch = NAMED[name];
    if (ch === undefined) throw fail(`Unsupported HTML entity "${whole}" at byte offset ${byteOffset(src, i)}`);
    return { text: ch, end: i + whole.length };
  }
  const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
  if (!codePointOk(cp)) throw fail(`Unsupported HTML entity "${whole}" at byte offset ${byteOffset(src, i)}`);
  return { text: String.fromCodePoint(cp), end: i + whole.length };
}

/** Attribute values are decoded leniently, like Telegram (raw "&" in hrefs is common). */
function decodeLenient(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(lt|gt|amp|quot));?/g, (whole, hex, dec, name) => {
    if (name !== undefined) return NAMED[name as string] ?? whole;
    const cp = hex !== undefined ? parseInt(hex as string, 16) : Number(dec);
    return codePointOk(cp) ? String.fromCodePoint(cp) : whole;
  });
}

function entityFor(open: OpenTag, end: number, entities: MessageEntity[]): void {
  const offset = open.offset;
  const length = end - offset;
  if (length <= 0) return; // empty tags produce no entity, as in Telegram
  switch (open.tag) {
    case "b":
    case "strong":
      entities.push({ type: "bold", offset, length });
      return;
    case "i":
    case "em":
      entities.push({ type: "italic", offset, length });
      return;
    case "u":
    case "ins":
      entities.push({ type: "underline", offset, length });
      return;
    case "s":
    case "strike":
    case "del":
      entities.push({ type: "strikethrough", offset, length });
      return;
    case "span":
    case "tg-spoiler":
      entities.push({ type: "spoiler", offset, length });
      return;
    case "tg-emoji":
      entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: open.arg });
      return;
    case "blockquote":
      entities.push({ type: open.arg === "expandable" ? "expandable_blockquote" : "blockquote", offset, length });
      return;
    case "a": {
      // Telegram silently drops links it cannot open; the text stays.
      const link = checkLink(open.arg, true);
      if (link.ok) entities.push({ type: "text_link", offset, length, url: link.url });
      return;
    }
    case "code":
      // The language is kept until the enclosing <pre> closes (see below).
      entities.push(open.arg ? ({ type: "code", offset, length, language: open.arg } as MessageEntity) : { type: "code", offset, length });
      return;
    case "pre": {
      const last = entities.at(-1) as (MessageEntity & { language?: string }) | undefined;
      if (last && last.type === "code" && last.offset === offset && last.length === length) {
        entities.pop();
        entities.push(last.language ? { type: "pre", offset, length, language: last.language } : { type: "pre", offset, length });
      } else {
        entities.push({ type: "pre", offset, length });
      }
      return;
    }
  }
}

/** Parses Telegram HTML into plain text and entities (UTF-16 offsets), or throws a 400. */
export function parseHtml(src: string): ParsedText {
  const n = src.length;
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let out = "";
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c !== 0x3c /* < */ && c !== 0x26 /* & */) {
      let j = i + 1;
      while (j < n) {
        const d = src.charCodeAt(j);
        if (d === 0x3c || d === 0x26) break;
        j++;
      }
      out += src.slice(i, j);
      i = j;
      continue;
    }
    if (c === 0x26) {
      const r = decodeStrict(src, i);
      out += r.text;
      i = r.end;
      continue;
    }
    const begin = i++;
    if (src[i] !== "/") {
      i = openTag(src, begin, i, out.length, stack);
      continue;
    }
    // End tag.
    if (stack.length === 0) throw fail(`Unexpected end tag at byte offset ${byteOffset(src, begin)}`);
    i++;
    const nameStart = i;
    while (i < n && !isSpace(src[i]) && src[i] !== ">") i++;
    const endName = src.slice(nameStart, i).toLowerCase();
    while (i < n && isSpace(src[i])) i++;
    if (src[i] !== ">") throw fail(`Unclosed end tag at byte offset ${byteOffset(src, begin)}`);
    i++;
    const open = stack.pop()!;
    if (endName !== "" && endName !== open.tag) {
      throw fail(
        `Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${open.tag}>", found "</${endName}>"`,
      );
    }
    entityFor(open, out.length, entities);
  }
  if (stack.length > 0) {
    throw fail(`Can't find end tag corresponding to start tag "${stack.at(-1)!.tag}"`);
  }
  // A language survives only on <pre><code class="language-x">; bare code drops it.
  for (const e of entities) if (e.type === "code") delete (e as { language?: string }).language;
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
}

/** Parses a start tag beginning at src[begin] === "<"; returns the index after ">". */
function openTag(src: string, begin: number, i: number, offset: number, stack: OpenTag[]): number {
  const n = src.length;
  const at = () => byteOffset(src, begin);
  const nameStart = i;
  while (i < n && !isSpace(src[i]) && src[i] !== ">") i++;
  if (i >= n) throw fail(`Unclosed start tag at byte offset ${at()}`);
  const tag = src.slice(nameStart, i).toLowerCase();
  if (!TAGS.has(tag)) throw fail(`Unsupported start tag "${tag}" at byte offset ${at()}`);

  const attrs = new Map<string, string>();
  let expandable = false;
  for (;;) {
    while (i < n && isSpace(src[i])) i++;
    if (i >= n) throw fail(`Unclosed start tag "${tag}" at byte offset ${at()}`);
    if (src[i] === ">") break;
    const attrStart = i;
    while (i < n && !isSpace(src[i]) && src[i] !== "=" && src[i] !== ">") i++;
    const name = src.slice(attrStart, i).toLowerCase();
    if (name === "") throw fail(`Empty attribute name in the tag "${tag}" at byte offset ${at()}`);
    while (i < n && isSpace(src[i])) i++;
    if (src[i] !== "=") {
      if (tag === "blockquote" && name === "expandable") {
        expandable = true;
        continue;
      }
      if (i >= n) throw fail(`Unclosed start tag "${tag}" at byte offset ${at()}`);
      throw fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${at()}`);
    }
    i++;
    while (i < n && isSpace(src[i])) i++;
    if (i >= n) throw fail(`Unclosed start tag "${tag}" at byte offset ${at()}`);
    let value: string;
    const quote = src[i];
    if (quote === '"' || quote === "'") {
      const close = src.indexOf(quote, i + 1);
      if (close < 0) throw fail(`Unclosed start tag at byte offset ${at()}`);
      value = decodeLenient(src.slice(i + 1, close));
      i = close + 1;
    } else {
      const tokenStart = i;
      while (i < n && /[A-Za-z0-9.-]/.test(src[i]!)) i++;
      value = src.slice(tokenStart, i).toLowerCase();
      if (i < n && !isSpace(src[i]) && src[i] !== ">") {
        throw fail(`Unexpected end of name token at byte offset ${byteOffset(src, tokenStart)}`);
      }
    }
    if (!attrs.has(name)) attrs.set(name, value);
  }
  i++; // past ">"

  let arg = "";
  if (tag === "a") {
    const href = attrs.get("href");
    if (href === undefined) throw fail(`Tag "a" must have attribute "href" at byte offset ${at()}`);
    arg = href;
  } else if (tag === "code") {
    const cls = attrs.get("class");
    if (cls?.startsWith("language-")) arg = cls.slice("language-".length);
  } else if (tag === "span") {
    if (attrs.get("class") !== "tg-spoiler") throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${at()}`);
  } else if (tag === "tg-emoji") {
    const id = attrs.get("emoji-id") ?? "";
    if (!/^\d{1,19}$/.test(id)) throw fail("Invalid custom emoji identifier specified");
    arg = id;
  } else if (tag === "blockquote" && expandable) {
    arg = "expandable";
  }
  stack.push({ tag, arg, offset });
  return i;
}
