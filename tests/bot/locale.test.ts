/**
 * bot/locale.ts on its own, without the fake Bot API: a bare grammY bot with
 * the locale middleware and what it needs before it (the translations, the
 * user's record), a handler answering with ctx.t and ctx.kb, and the bot's
 * requests caught before they leave.
 */
import { Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { applyLanguage, readers, resolveLanguage } from "../../src/bot/locale.js";
import { trackUsers } from "../../src/bot/middleware/users.js";
import { createI18n } from "../../src/i18n.js";
import { Catalog } from "../../src/knowledge/catalog.js";
import { openDatabase } from "../../src/storage/database.js";
import { Store } from "../../src/storage/store.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

const catalog = new Catalog(KNOWLEDGE_DIR);
const i18n = createI18n<BotContext>();
const BOT_INFO = { id: 1, is_bot: true, first_name: "Bot", username: "locale_test_bot" } as UserFromGetMe;

/** What each language should read: a locale text and a knowledge title (the Erasmus Mundus card's). */
const READS = {
  uz: "🎓 Dasturlar · Erasmus Mundus",
  "uz-cyrl": "🎓 Дастурлар · Эрасмус Мундус",
  ru: "🎓 Программы · Erasmus Mundus (Эразмус Мундус)",
  en: "🎓 Programs · Erasmus Mundus",
};

let store: Store;
beforeEach(() => {
  store = new Store(openDatabase(":memory:"));
});
afterEach(() => store.close());

const read = (ctx: Pick<BotContext, "t" | "kb" | "lang">) => `${ctx.t("menu-programs")} · ${ctx.kb.byId.get("erasmus-mundus")!.title[ctx.lang]}`;

/** A bot that answers every message and button with what the user reads; "switch" switches them to Uzbek in Cyrillic first. */
function localeBot() {
  const bot = new Bot<BotContext>("0:test", { botInfo: BOT_INFO });
  const sent: string[] = [];
  bot.api.config.use((_prev, method, payload) => {
    if (method === "sendMessage") sent.push((payload as { text: string }).text);
    return Promise.resolve({ ok: true, result: true } as never);
  });
  bot.use(i18n, trackUsers(store), resolveLanguage(catalog, store));
  bot.on("message:text", async (ctx) => {
    if (ctx.message.text === "switch") applyLanguage(ctx, "uz-cyrl");
    await ctx.reply(read(ctx));
  });
  bot.on("callback_query", (ctx) => ctx.reply(read(ctx)));
  return { bot, sent };
}

let updateId = 0;
const from = (id: number, languageCode?: string) => ({ id, is_bot: false, first_name: "Student", ...(languageCode ? { language_code: languageCode } : {}) });
const chat = (id: number) => ({ id, type: "private" as const, first_name: "Student" });
const message = (id: number, languageCode: string | undefined, text: string): Update => ({
  update_id: ++updateId,
  message: {
    message_id: updateId,
    date: 0,
    chat: chat(id),
    from: from(id, languageCode),
    text,
    ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.length }] } : {}),
  },
});
/** A press of a button under an earlier answer of the bot. */
const press = (id: number, languageCode: string | undefined): Update => ({
  update_id: ++updateId,
  callback_query: {
    id: String(updateId),
    from: from(id, languageCode),
    chat_instance: "1",
    data: "any",
    message: { message_id: updateId, date: 0, chat: chat(id), from: BOT_INFO, text: "an answer" },
  },
});

describe("ctx.t and ctx.kb", () => {
  it.each([
    ["uz", READS.uz],
    ["ru", READS.ru],
    ["en", READS.en],
    ["en-GB", READS.en],
  ])("are in the user's Telegram language (%s), whatever they write", async (languageCode, reads) => {
    const { bot, sent } = localeBot();
    await bot.handleUpdate(message(1, languageCode, "Эрасмус Мундус дастурига қандай ҳужжат топширилади?"));
    expect(sent).toEqual([reads]);
  });

  it.each([
    ["Russian", "Как поехать по программе Эразмус Мундус?", READS.ru, "ru"],
    ["Uzbek in Cyrillic script", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", READS["uz-cyrl"], "uz-cyrl"],
    ["Uzbek in Latin script", "Erasmus Mundus dasturiga qanday hujjat topshiriladi?", READS.uz, "uz"],
  ])("are in the language a German-speaking user writes in (%s), kept for their button presses", async (_, text, reads, guessed) => {
    const { bot, sent } = localeBot();
    await bot.handleUpdate(message(2, "de", text));
    await bot.handleUpdate(press(2, "de"));
    expect(sent).toEqual([reads, reads]);
    expect(store.users.get(2)?.guessedLang).toBe(guessed);
  });

  it("are in Uzbek for a user who gave no clue: no Telegram language, a command, no guess before", async () => {
    const { bot, sent } = localeBot();
    await bot.handleUpdate(message(3, undefined, "/menu"));
    expect(sent).toEqual([READS.uz]);
  });

  it("are in the language the user chose, over their Telegram language and what they write", async () => {
    const { bot, sent } = localeBot();
    store.users.see({ id: 4, firstName: "Student", languageCode: "en" });
    store.users.setLanguage(4, "ru");
    await bot.handleUpdate(message(4, "en", "How do I apply to Erasmus Mundus?"));
    expect(sent).toEqual([READS.ru]);
  });

  it("follow a language switched mid-update (the language picker)", async () => {
    const { bot, sent } = localeBot();
    await bot.handleUpdate(message(5, "en", "switch"));
    expect(sent).toEqual([READS["uz-cyrl"]]);
  });
});

describe("readerFor", () => {
  const readerFor = readers({ i18n, catalog });

  it.each(Object.entries(READS))("gives the texts and the knowledge of %s without a context", (lang, reads) => {
    const reader = readerFor(lang as keyof typeof READS);
    expect(reader.uiLang).toBe(lang);
    expect(read(reader)).toBe(reads);
  });

  it("reads Uzbek in Cyrillic from the Uzbek texts, names given as variables left as they are", () => {
    const reader = readerFor("uz-cyrl");
    expect(reader.lang).toBe("uz");
    expect(reader.t("start-welcome", { name: "Dilnoza" })).toMatch(/^Ассалому алайкум, Dilnoza!/);
  });
});
