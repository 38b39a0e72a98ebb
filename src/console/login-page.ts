/**
 * What a browser shows when a login link is refused (expired, already used,
 * or opened by someone who is not staff): a small page in the staff member's
 * language, not the API's JSON. No script at all; its only style is the
 * console's own CSS file, so the console's Content-Security-Policy holds.
 */
import { contentLang, fromTelegramLanguage } from "../bot/locale.js";
import { escapeHtml } from "../bot/ui/html.js";
import { LANGS, type Lang } from "../knowledge/schema.js";

export type LoginRefusal = "expired" | "not-staff";

const WORDS: Record<Lang, { title: string; expired: string; again: string; notStaff: string }> = {
  uz: {
    title: "Bilimlar bazasi konsoli",
    expired: "Bu kirish havolasining muddati o'tgan yoki u allaqachon ishlatilgan.",
    again: "Yangi havola olish uchun Telegramda botga /console yuboring.",
    notStaff: "Bilimlar bazasi konsoli faqat bo'lim xodimlari uchun.",
  },
  ru: {
    title: "Консоль базы знаний",
    expired: "Эта ссылка для входа устарела или уже использована.",
    again: "Чтобы получить новую, отправьте боту в Telegram /console.",
    notStaff: "Консоль базы знаний только для сотрудников отдела.",
  },
  en: {
    title: "Knowledge console",
    expired: "This login link has expired or was already used.",
    again: "Send /console to the bot in Telegram for a new link.",
    notStaff: "The knowledge console is for the department's staff only.",
  },
};

/** The first of uz, ru, en that the browser's Accept-Language asks for (by its q order), if any. */
export function langOfAcceptLanguage(header: string | undefined): Lang | undefined {
  const asked = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((a) => a.tag !== "" && a.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of asked) {
    const lang = fromTelegramLanguage(tag);
    if (lang) return contentLang(lang);
  }
  return undefined;
}

/** The page, in `lang`, or in all three languages when it is not known. */
export function loginRefusalPage(refusal: LoginRefusal, lang: Lang | undefined): string {
  const langs = lang ? [lang] : LANGS;
  const block = (l: Lang) => {
    const words = WORDS[l];
    const lines = refusal === "expired" ? [words.expired, words.again] : [words.notStaff];
    return `<div class="notice error" lang="${l}" role="alert">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</div>`;
  };
  const title = langs.map((l) => WORDS[l].title).join(" · ");
  return [
    "<!doctype html>",
    `<html lang="${langs[0]}">`,
    "<head>",
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="/console/console.css" />',
    "</head>",
    `<body><main id="main" class="refusal">${langs.map(block).join("")}</main></body>`,
    "</html>",
  ].join("\n");
}
