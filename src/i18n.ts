import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGS } from "./knowledge/schema.js";
import { PROJECT_ROOT } from "./paths.js";

export const LOCALES_DIR = join(PROJECT_ROOT, "locales");

/**
 * locales/uz-cyrl/: messages for readers of Uzbek in Cyrillic script where the
 * conversion of the Uzbek (Latin) message is not enough. Any key of
 * locales/uz/ may have one, none must; a key without one is converted.
 */
export const UZBEK_CYRILLIC_DIR = join(LOCALES_DIR, "uz-cyrl");

/** Translates one key into one language. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

// Fluent's bidi isolation marks would show up as stray characters in Telegram.
const BUNDLE_OPTIONS = { useIsolating: false };

/** A language's Fluent source: all files of its folder (one per audience). */
const sourceOf = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".ftl"))
    .sort()
    .map((file) => readFileSync(join(dir, file), "utf8"))
    .join("\n");

/**
 * The Fluent translations of locales/<lang>/*.ftl for uz, ru and en, shared by
 * the bot and the command-line tools. Each language is loaded by name, so
 * locales/uz-cyrl/ is no locale of its own that Fluent would negotiate "uz" to.
 */
export function createI18n<C extends Context = Context>(): I18n<C> {
  const i18n = new I18n<C>({ defaultLocale: "en", fluentBundleOptions: BUNDLE_OPTIONS });
  for (const lang of LANGS) i18n.loadLocaleSync(lang, { source: sourceOf(join(LOCALES_DIR, lang)) });
  // Read at start, as the others: not in the update of the first reader of Uzbek Cyrillic, and a broken file stops the start.
  uzbekCyrillicBundle();
  return i18n;
}

let uzbekCyrillic: FluentBundle | undefined;

/** locales/uz-cyrl/, read once (Uzbek plural rules and number formats, as the uz one). */
function uzbekCyrillicBundle(): FluentBundle {
  if (!uzbekCyrillic) {
    const bundle = new FluentBundle("uz", BUNDLE_OPTIONS);
    const errors = bundle.addResource(new FluentResource(sourceOf(UZBEK_CYRILLIC_DIR)));
    if (errors.length > 0) throw new Error(`${UZBEK_CYRILLIC_DIR}: ${errors.map((e) => e.message).join("; ")}`);
    uzbekCyrillic = bundle;
  }
  return uzbekCyrillic;
}

/** The message of locales/uz-cyrl/ for a key, if it has one. */
export function uzbekCyrillicMessage(key: string, variables?: Record<string, FluentVariable>): string | undefined {
  const bundle = uzbekCyrillicBundle();
  const message = bundle.getMessage(key);
  return message?.value ? bundle.formatPattern(message.value, variables) : undefined;
}
