/**
 * bot/locale.ts on its own, without the fake Bot API: the fast layer's bare
 * grammY bot (fast/composer-harness.ts: the translations, the user's record,
 * the locale middleware), a handler answering with ctx.t and ctx.kb, and the
 * bot's requests caught before they leave.
 */
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { applyLanguage, readers } from "../../src/bot/locale.js";
import { command, composerHarness, press, privateText, sharedDeps, user } from "./fast/composer-harness.js";

const { catalog, i18n } = sharedDeps();

/** What each language should read: a locale text and a knowledge title (the Erasmus Mundus card's). */
const READS = {
  uz: "🎓 Dasturlar · Erasmus Mundus",
  "uz-cyrl": "🎓 Дастурлар · Erasmus Mundus",
  ru: "🎓 Программы · Erasmus Mundus (Эразмус Мундус)",
  en: "🎓 Programs · Erasmus Mundus",
};

const read = (ctx: Pick<BotContext, "t" | "kb" | "lang">) => `${ctx.t("menu-programs")} · ${ctx.kb.byId.get("erasmus-mundus")!.title[ctx.lang]}`;

/** A bot that answers every message and button with what the user reads; "switch" switches them to Uzbek in Cyrillic first. */
function localeBot() {
  const h = composerHarness({
    use: [
      async (ctx, next) => {
        if (ctx.message?.text === undefined && !ctx.callbackQuery) return next();
        if (ctx.message?.text === "switch") applyLanguage(ctx, "uz-cyrl");
        await ctx.reply(read(ctx));
      },
    ],
  });
  const sent = () => h.sent.filter((c) => c.method === "sendMessage").map((c) => c.payload.text);
  return { send: h.send, sent, store: h.store };
}

const from = (id: number, languageCode: string | undefined) => ({ from: user(id, { first_name: "Student", language_code: languageCode }) });
const message = (id: number, languageCode: string | undefined, text: string) =>
  text.startsWith("/") ? command(text.slice(1), from(id, languageCode)) : privateText(text, from(id, languageCode));

describe("ctx.t and ctx.kb", () => {
  it.each([
    ["uz", READS.uz],
    ["ru", READS.ru],
    ["en", READS.en],
    ["en-GB", READS.en],
  ])("are in the user's Telegram language (%s), whatever they write", async (languageCode, reads) => {
    const { send, sent } = localeBot();
    await send(message(1, languageCode, "Эрасмус Мундус дастурига қандай ҳужжат топширилади?"));
    expect(sent()).toEqual([reads]);
  });

  it.each([
    ["Russian", "Как поехать по программе Эразмус Мундус?", READS.ru, "ru"],
    ["Uzbek in Cyrillic script", "Эрасмус Мундус дастурига қандай ҳужжат топширилади?", READS["uz-cyrl"], "uz-cyrl"],
    ["Uzbek in Latin script", "Erasmus Mundus dasturiga qanday hujjat topshiriladi?", READS.uz, "uz"],
  ])("are in the language a German-speaking user writes in (%s), kept for their button presses", async (_, text, reads, guessed) => {
    const { send, sent, store } = localeBot();
    await send(message(2, "de", text));
    await send(press("any", from(2, "de")));
    expect(sent()).toEqual([reads, reads]);
    expect(store.users.get(2)?.guessedLang).toBe(guessed);
  });

  it("are in Uzbek for a user who gave no clue: no Telegram language, a command, no guess before", async () => {
    const { send, sent } = localeBot();
    await send(message(3, undefined, "/menu"));
    expect(sent()).toEqual([READS.uz]);
  });

  it("are in the language the user chose, over their Telegram language and what they write", async () => {
    const { send, sent, store } = localeBot();
    store.users.see({ id: 4, firstName: "Student", languageCode: "en" });
    store.users.setLanguage(4, "ru");
    await send(message(4, "en", "How do I apply to Erasmus Mundus?"));
    expect(sent()).toEqual([READS.ru]);
  });

  it("follow a language switched mid-update (the language picker)", async () => {
    const { send, sent } = localeBot();
    await send(message(5, "en", "switch"));
    expect(sent()).toEqual([READS["uz-cyrl"]]);
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
