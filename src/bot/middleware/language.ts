/**
 * Decides the language of each answer: the user's choice; else their Telegram
 * app language when it is one of ours; else the language of what they wrote.
 * Uzbek in Cyrillic script is the Uzbek texts, transliterated on the way out.
 */
import type { NextFunction } from "grammy";
import type { Lang } from "../../knowledge/schema.js";
import type { Catalog } from "../../knowledge/catalog.js";
import type { UiLang } from "../../storage/store.js";
import { uzLatinToCyrillic } from "../../text/translit.js";
import type { BotContext } from "../context.js";

export const contentLang = (ui: UiLang): Lang => (ui === "uz-cyrl" ? "uz" : ui);

/** A Telegram language_code we can answer in, if any. */
export function fromTelegramLanguage(code: string | undefined): UiLang | undefined {
  const base = code?.toLowerCase().split("-")[0];
  return base === "uz" || base === "ru" || base === "en" ? base : undefined;
}

export const resolveLanguage = (catalog: Catalog) => (ctx: BotContext, next: NextFunction) => {
  const typed = ctx.message?.text ?? ctx.inlineQuery?.query;
  const guess = () => (typed ? catalog.language(typed) : "uz");
  applyLanguage(ctx, ctx.user?.lang ?? fromTelegramLanguage(ctx.from?.language_code) ?? guess());
  return next();
};

const transliterating = new WeakSet<object>();

/** Switches this update's answers to `ui`, including mid-update after the user picks a language. */
export function applyLanguage(ctx: BotContext, ui: UiLang): void {
  ctx.uiLang = ui;
  ctx.lang = contentLang(ui);
  ctx.i18n.useLocale(ctx.lang);
  if (ui === "uz-cyrl" && !transliterating.has(ctx.api)) {
    transliterating.add(ctx.api);
    ctx.api.config.use((prev, method, payload, signal) =>
      prev(method, ctx.uiLang === "uz-cyrl" ? toCyrillicPayload(payload) : payload, signal),
    );
  }
}

/** Fields of API payloads that hold text a person reads; ids, URLs and callback data are left alone. */
const READABLE = new Set(["text", "caption", "title", "description", "message_text"]);

/** A deep copy of an outgoing payload with every readable text in Uzbek Cyrillic. */
export function toCyrillicPayload<T>(payload: T): T {
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === "string") return key && READABLE.has(key) ? htmlToCyrillic(value) : value;
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (value && typeof value === "object") {
      // Language names on the language picker stay as each language writes itself.
      if ("callback_data" in value && String(value.callback_data).startsWith("lang:")) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(payload) as T;
}

/** Transliterates the text of an HTML message, leaving tags, entities and acronyms (IELTS, KOICA) as they are. */
export function htmlToCyrillic(html: string): string {
  return html
    .split(/(<[^>]*>|&#?\w+;)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\p{L}'ʻʼ`‘’]+/gu, (word) => (/^[A-Z]{2,}$/.test(word) ? word : uzLatinToCyrillic(word)))))
    .join("");
}
