/**
 * Every user-visible string exists in every language, and every key the code
 * uses exists; and the words students read are the same for the same thing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECTION_FACETS } from "../src/answers/facets.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { EXAMS, LANGS, ROLES, type Lang } from "../src/knowledge/schema.js";
import { UI_LANGS } from "../src/storage/users.js";
import { COMMANDS } from "../src/bot/commands.js";
import { OWNER_COMMANDS, STAFF_COMMANDS } from "../src/bot/middleware/roles.js";
import { LOCALES_DIR } from "../src/i18n.js";
import { KNOWLEDGE_DIR, ROOT } from "./fixtures/paths.js";

/** A language's keys, from all its files (locales/<lang>/*.ftl, one per audience). */
const keysOf = (lang: string) =>
  new Set(
    readdirSync(join(LOCALES_DIR, lang))
      .filter((file) => file.endsWith(".ftl"))
      .flatMap((file) => [...readFileSync(join(LOCALES_DIR, lang, file), "utf8").matchAll(/^([a-z][\w-]*)\s*=/gm)].map((m) => m[1]!)),
  );

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

/** Keys named in the code: t("key"), plus the families built from data (role-<role>, exam-<exam>, ...). */
function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(join(ROOT, "src"))) {
    for (const m of readFileSync(file, "utf8").matchAll(/\b(?:t|translate)\(\s*"([a-z][\w-]*)"/g)) used.add(m[1]!);
  }
  ROLES.forEach((role) => used.add(`role-${role}`));
  Object.keys(EXAMS).forEach((exam) => used.add(`exam-${exam}`));
  ["greeting", "thanks", "identity"].forEach((kind) => used.add(`smalltalk-${kind}`));
  [...COMMANDS, ...STAFF_COMMANDS, ...OWNER_COMMANDS].forEach((cmd) => used.add(`cmd-${cmd}`));
  Object.keys(EXAMS).forEach((exam) => used.add(`exam-name-${exam}`));
  UI_LANGS.forEach((lang) => used.add(`language-name-${lang}`));
  ROLES.forEach((role) => used.add(`elig-role-${role}`));
  ["not-a-number", "out-of-range"].forEach((reason) => used.add(`elig-gpa-${reason}`));
  SECTION_FACETS.forEach((facet) => ["facet", "facet-button", "facet-missing"].forEach((family) => used.add(`${family}-${facet}`)));
  return used;
}

describe("locales", () => {
  const all = new Set(LANGS.flatMap((lang) => [...keysOf(lang)]));

  it.each(LANGS)("%s has every key of the other languages", (lang) => {
    const own = keysOf(lang);
    expect([...all].filter((key) => !own.has(key))).toEqual([]);
  });

  it("has every key the code uses", () => {
    expect([...keysUsedInCode()].filter((key) => !all.has(key))).toEqual([]);
  });

  it("has no key the code never uses", () => {
    // A key is used when the code names it anywhere, also in t(cond ? "a" : "b").
    const literals = new Set(sourceFiles(join(ROOT, "src")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"([a-z][\w-]*)"/g)].map((m) => m[1]!)));
    const used = new Set([...keysUsedInCode(), ...literals]);
    expect([...all].filter((key) => !used.has(key))).toEqual([]);
  });
});

/** A language's messages, key to text as written in its files (a multi-line message with its lines). */
function messagesOf(lang: string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const file of readdirSync(join(LOCALES_DIR, lang)).filter((f) => f.endsWith(".ftl"))) {
    for (const chunk of readFileSync(join(LOCALES_DIR, lang, file), "utf8").split(/^(?=[a-z][\w-]*\s*=)/m)) {
      const m = /^([a-z][\w-]*)\s*=([\s\S]*)$/.exec(chunk);
      if (m) messages.set(m[1]!, m[2]!.split("\n").filter((line) => !line.startsWith("#")).join("\n").trim());
    }
  }
  return messages;
}

/** Every text of the knowledge base in one language: titles, summaries, bodies, steps, notes..., not the aliases (words students type). */
function knowledgeTexts(lang: Lang): string[] {
  const kb = loadKnowledge(KNOWLEDGE_DIR);
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (LANGS.every((l) => typeof record[l] === "string")) texts.push(record[lang] as string);
      else for (const [key, inner] of Object.entries(record)) if (key !== "aliases" && key !== "asked_as") walk(inner);
    }
  };
  walk([...kb.entries, ...kb.outOfScope]);
  return texts;
}

describe("the words students read", () => {
  const uz = messagesOf("uz");

  it("English says program, not programme, but in UNDP's official name", () => {
    const texts = [...messagesOf("en").values(), ...knowledgeTexts("en")];
    expect(texts.length).toBeGreaterThan(100);
    const officialName = /\b(?:United Nations|UN) Development Programme\b/g;
    expect(texts.filter((text) => /programme/i.test(text.replace(officialName, "")))).toEqual([]);
  });

  it.each(LANGS)("%s names how to apply with the same words wherever it leads to the steps, and never with the documents' word", (lang) => {
    const messages = messagesOf(lang);
    const words = messages.get("facet-button-steps")!.replace(/^\P{L}+/u, "");
    const documents = messages.get("facet-documents")!.toLowerCase().slice(0, 5);
    for (const key of ["facet-steps", "card-apply-button", "menu-apply", "apply-title", "apply-choose", "cmd-apply", "stats-flow-apply"]) {
      expect(messages.get(key), key).toContain(words);
      expect(messages.get(key)!.toLowerCase(), key).not.toContain(documents);
    }
  });

  it("Uzbek keeps bo'lim for the department: the bot's own parts are never a bo'lim", () => {
    // The labels of the bot's menus and sections, as a text would name them: "«Hujjatlar» bo'limida", "E'lonlar bo'limini".
    const labels = [...uz]
      .filter(([key, text]) => /^(?:menu|facet-button|card-[\w-]+-button)/.test(key) && !text.includes("{"))
      .map(([, text]) => text.replace(/^\P{L}+/u, ""));
    const named = new RegExp(`(?:${labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})»? bo'lim`, "i");
    const texts = [...uz.values(), ...knowledgeTexts("uz")];
    expect(texts.filter((text) => /bo'limlar/i.test(text) || named.test(text))).toEqual([]);
  });

  it("Russian marks what is to be confirmed in words that fit after any heading, plural too (no verb agreeing with a singular)", () => {
    expect(messagesOf("ru").get("card-marked-to-confirm")).not.toMatch(/(?:ет|ит|ется|ится)(?=[\s).,]|$)/u);
  });
});
