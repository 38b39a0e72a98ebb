/**
 * The language each user reads, and the translations and knowledge in it: set
 * once per update on the context (ctx.uiLang, ctx.lang, ctx.t, ctx.kb), and
 * given by readerFor(language) where there is no context (conversations, the
 * delivery engine, the reminders job).
 *
 * The language of each answer: the user's choice; else their Telegram app
 * language when it is one of ours; else the language of what they wrote
 * (Uzbek in the script they wrote it in), remembered for what they do without
 * writing (a button press) and for what is delivered to them.
 * Uzbek in Cyrillic script reads the Uzbek texts, converted as they are
 * rendered (the translations here, the knowledge by uzbekCyrillicKnowledge()),
 * or the Cyrillic text written for them where one is (locales/uz-cyrl/, a
 * `uz-cyrl` text in the knowledge).
 */
import type { I18n } from "@grammyjs/i18n";
import type { Context, NextFunction } from "grammy";
import { uzbekCyrillicMessage } from "../i18n.js";
import type { Catalog } from "../knowledge/catalog.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { Lang } from "../knowledge/schema.js";
import { uzbekCyrillicKnowledge } from "../knowledge/uzbek-cyrillic.js";
import { mostlyCyrillic } from "../search/language.js";
import type { Store } from "../storage/store.js";
import type { UiLang, UserRecord } from "../storage/users.js";
import { uzbekTextToCyrillic } from "../text/translit.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";

export const contentLang = (ui: UiLang): Lang => (ui === "uz-cyrl" ? "uz" : ui);

/** A Telegram language_code we can answer in, if any. */
export function fromTelegramLanguage(code: string | undefined): UiLang | undefined {
  const base = code?.toLowerCase().split("-")[0];
  return base === "uz" || base === "ru" || base === "en" ? base : undefined;
}

/** The language a stored user reads, outside an update (deliveries, reminders). */
export const languageOfUser = (user: Pick<UserRecord, "lang" | "languageCode" | "guessedLang"> | undefined): UiLang =>
  user?.lang ?? fromTelegramLanguage(user?.languageCode ?? undefined) ?? user?.guessedLang ?? "uz";

/**
 * Keeps the user's Telegram language as theirs when they subscribe or set a
 * reminder without having chosen one, as /start does: announcements are
 * narrowed by it, and they and reminders are sent in it. A language guessed
 * from what they typed is no choice and is not kept as one: deliveries follow
 * the guess (guessedLang), which changes when they write in another language.
 */
export function rememberLanguage(ctx: BotContext, store: Store): void {
  const telegram = fromTelegramLanguage(ctx.from?.language_code);
  if (ctx.user && !ctx.user.lang && telegram) store.users.setLanguage(ctx.user.id, telegram);
}

/** What a reader of one language gets: an update's context is one, readerFor() makes one without it. */
export type Reader = Pick<BotContext, "uiLang" | "lang" | "t" | "kb">;

/** Readers by language, for code without a context. */
export function readers({ i18n, catalog }: Pick<BotDeps, "i18n"> & { catalog: Pick<Catalog, "kb"> }): (ui: UiLang) => Reader {
  return (ui) => ({
    uiLang: ui,
    lang: contentLang(ui),
    t: translatorFor(i18n, ui),
    // Read when used, as ctx.kb is: a reload may have replaced the base since.
    get kb() {
      return knowledgeInScript(catalog.kb, ui);
    },
  });
}

export const resolveLanguage = (catalog: Catalog, store: Store) => (ctx: BotContext, next: NextFunction) => {
  const guess = (): UiLang => {
    const typed = typedWords(ctx);
    if (!typed) return ctx.user?.guessedLang ?? "uz";
    const lang = catalog.language(typed);
    const guessed = lang === "uz" && mostlyCyrillic(typed) ? "uz-cyrl" : lang;
    if (ctx.user) store.users.setGuessedLanguage(ctx.user.id, guessed);
    return guessed;
  };
  // Made when used (the Cyrillic copy of a base costs a transliteration of it all), in the language of the moment.
  Object.defineProperty(ctx, "kb", { get: () => knowledgeInScript(catalog.kb, ctx.uiLang) });
  applyLanguage(ctx, ctx.user?.lang ?? fromTelegramLanguage(ctx.from?.language_code) ?? guess());
  return next();
};

/**
 * The words a user typed: a message or an inline query. A command (/menu,
 * /start with a deep link) or an answer without letters (a GPA) tells nothing
 * of their language.
 */
function typedWords(ctx: BotContext): string | undefined {
  const command = ctx.message?.entities?.[0]?.type === "bot_command" && ctx.message.entities[0].offset === 0;
  const typed = ctx.inlineQuery?.query ?? (command ? undefined : ctx.message?.text);
  return typed && /\p{L}/u.test(typed) ? typed : undefined;
}

/** Switches this update's answers to `ui`, also mid-update after the user picks a language; ctx.kb follows ctx.uiLang. */
export function applyLanguage(ctx: BotContext, ui: UiLang): void {
  ctx.uiLang = ui;
  ctx.lang = contentLang(ui);
  ctx.i18n.useLocale(ctx.lang);
  // ctx.translate stays the plain translation; ctx.t is what features use.
  ctx.t = inScript(ctx.translate, ui);
}

const knowledgeInScript = (kb: KnowledgeBase, ui: UiLang): KnowledgeBase => (ui === "uz-cyrl" ? uzbekCyrillicKnowledge(kb) : kb);

type Translate = BotContext["t"];

/** Translations in `ui` without a context; the command-line tools use it too. */
export function translatorFor<C extends Context>(i18n: I18n<C>, ui: UiLang): Translate {
  return inScript((key, variables) => i18n.t(contentLang(ui), key, variables), ui);
}

/**
 * Translations already made, by language, key and variables: the texts never
 * change while the bot runs, and Fluent negotiates the locale again on every
 * call (under load, more time than all of search).
 */
const translated = new Map<string, string>();
const TRANSLATIONS_KEPT = 5_000;

const memoized =
  (translate: Translate, ui: UiLang): Translate =>
  (key, variables) => {
    const memoKey = variables === undefined ? `${ui}\u0000${key}` : `${ui}\u0000${key}\u0000${JSON.stringify(variables)}`;
    let text = translated.get(memoKey);
    if (text === undefined) {
      // Variables bring new texts forever (names, titles): a full memo is started afresh.
      if (translated.size >= TRANSLATIONS_KEPT) translated.clear();
      translated.set(memoKey, (text = translate(key, variables)));
    }
    return text;
  };

const inScript = (translate: Translate, ui: UiLang): Translate =>
  memoized(ui === "uz-cyrl" ? (key, variables) => uzbekCyrillicMessage(key, variables) ?? inCyrillic(translate, key, variables) : translate, ui);

/**
 * A translation converted to Cyrillic. Text variables (a user's name, a program's title)
 * are kept out of the transliteration: they go in as placeholders and come back
 * unchanged afterwards; numbers keep their locale formatting.
 */
function inCyrillic(translate: Translate, key: string, variables?: Parameters<Translate>[1]): string {
  const texts: string[] = [];
  const placeheld = Object.fromEntries(
    Object.entries(variables ?? {}).map(([name, value]) => [name, typeof value === "string" ? `\uE000${texts.push(value) - 1}\uE001` : value]),
  );
  return uzbekTextToCyrillic(translate(key, placeheld)).replace(/\uE000(\d+)\uE001/g, (_, i: string) => texts[Number(i)]!);
}
