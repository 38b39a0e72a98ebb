/**
 * Every text a reader of Uzbek in Cyrillic script gets, as they get it: each
 * knowledge text (all entries, all fields, the out-of-scope pointers) and each
 * message of locales/uz/ (with locales/uz-cyrl/ where it has one). None may hold
 * a Latin word beyond the names written in Latin everywhere, markup and
 * addresses, nor a misspelling the letter-by-letter conversion used to make.
 */
import { FluentResource } from "@fluent/bundle";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/bot/locale.js";
import { createI18n, LOCALES_DIR, UZBEK_CYRILLIC_DIR } from "../../src/i18n.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { uzbekCyrillicKnowledge } from "../../src/knowledge/uzbek-cyrillic.js";
import { latinWordsIn, uzbekTextToCyrillic } from "../../src/text/translit.js";
import { misspellingsIn } from "../fixtures/cyrillic-misspellings.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

interface Text {
  where: string;
  text: string;
}

/** What is wrong with a Cyrillic text, if anything. */
const problemsOf = ({ where, text }: Text, latinAllowed = false) => {
  const latin = latinAllowed ? [] : latinWordsIn(text);
  const misspelt = misspellingsIn(text);
  return latin.length + misspelt.length === 0 ? [] : [{ where, latin, misspelt, text }];
};

/** Every {uz, ru, en} text of a value, with where it is; aliases and wordings are search data, not read. */
function textsOf(value: unknown, where: string): Text[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => textsOf(item, `${where}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (typeof record.uz === "string" && typeof record.ru === "string") return [{ where, text: record.uz }];
  return Object.entries(record)
    .filter(([key]) => key !== "aliases" && key !== "asked_as")
    .flatMap(([key, field]) => textsOf(field, `${where}.${key}`));
}

describe("the knowledge in Uzbek Cyrillic", () => {
  const cyrillic = uzbekCyrillicKnowledge(loadKnowledge(KNOWLEDGE_DIR));
  const texts = [...cyrillic.entries.flatMap((entry) => textsOf(entry, entry.id)), ...textsOf(cyrillic.outOfScope, "out-of-scope")];

  it("has every text of every entry and of the out-of-scope list", () => {
    const where = new Set(texts.map((t) => t.where));
    const entryTexts = cyrillic.entries.flatMap((e) => ["title", "summary", "body"].map((field) => `${e.id}.${field}`));
    expect(entryTexts.filter((w) => !where.has(w))).toEqual([]);
    expect(cyrillic.outOfScope.map((_, i) => `out-of-scope[${i}].answer`).filter((w) => !where.has(w))).toEqual([]);
    expect(cyrillic.outOfScope.length).toBeGreaterThan(0);
  });

  it("is all in Cyrillic, without the misspellings of letter-by-letter conversion", () => {
    expect(texts.flatMap((t) => problemsOf(t))).toEqual([]);
  });
});

/** Each message id of a locale folder, with the variables it uses. */
function messagesOf(dir: string): Map<string, string[]> {
  const messages = new Map<string, string[]>();
  const variables = (node: unknown, found: Set<string>): Set<string> => {
    if (Array.isArray(node)) node.forEach((n) => variables(n, found));
    else if (node && typeof node === "object") {
      const n = node as Record<string, unknown>;
      if (n.type === "var") found.add(n.name as string);
      Object.values(n).forEach((v) => variables(v, found));
    }
    return found;
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    for (const message of new FluentResource(readFileSync(join(dir, file), "utf8")).body) {
      if (!message.id.startsWith("-")) messages.set(message.id, [...variables(message.value, new Set())]);
    }
  }
  return messages;
}

describe("the translations in Uzbek Cyrillic", () => {
  const i18n = createI18n();
  const uzbek = messagesOf(join(LOCALES_DIR, "uz"));
  const own = messagesOf(UZBEK_CYRILLIC_DIR);
  const translate = Object.fromEntries((["uz-cyrl", "uz", "ru", "en"] as const).map((lang) => [lang, translatorFor(i18n, lang)]));
  /** Numbers for plurals, and a name or title in Cyrillic, as the bot passes them. */
  const SAMPLES = [1, 2, 25, "Намуна"];
  const rendered = [...uzbek].flatMap(([key, names]) =>
    SAMPLES.map((sample) => {
      const variables = Object.fromEntries(names.map((name) => [name, sample]));
      // A text the same in uz, ru and en names each language in its own words (the language picker): left as written.
      const everywhere = translate.uz!(key, variables) === translate.ru!(key, variables) && translate.ru!(key, variables) === translate.en!(key, variables);
      return { where: `${key} (${String(sample)})`, text: translate["uz-cyrl"]!(key, variables), everywhere };
    }),
  );

  it("renders every key of locales/uz", () => {
    expect(rendered.length).toBe(uzbek.size * SAMPLES.length);
    expect(rendered.filter((r) => r.text.startsWith("{"))).toEqual([]);
  });

  it("is all in Cyrillic, without the misspellings of letter-by-letter conversion", () => {
    expect(rendered.flatMap((r) => problemsOf(r, r.everywhere))).toEqual([]);
  });

  it("has its own message only for keys of locales/uz, with no variable the uz one lacks", () => {
    expect([...own.keys()].filter((key) => !uzbek.has(key))).toEqual([]);
    expect([...own].filter(([key, names]) => names.some((name) => !uzbek.get(key)?.includes(name))).map(([key]) => key)).toEqual([]);
  });

  it("uses its own message where it has one, each saying what converting the uz one cannot", () => {
    for (const [key, names] of own) {
      const variables = Object.fromEntries(names.map((name) => [name, "Намуна"]));
      const converted = uzbekTextToCyrillic(translate.uz!(key, variables));
      expect(translate["uz-cyrl"]!(key, variables), key).not.toBe(converted);
    }
  });

  it("is no locale of its own: Fluent answers uz, ru and en only", () => {
    expect([...i18n.locales].sort()).toEqual(["en", "ru", "uz"]);
  });
});
