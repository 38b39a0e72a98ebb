import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { join } from "node:path";
import { PROJECT_ROOT } from "./paths.js";

export const LOCALES_DIR = join(PROJECT_ROOT, "locales");

/** Translates one key into one language. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** The Fluent translations of locales/<lang>/*.ftl (one file per audience), shared by the bot and the command-line tools. */
export function createI18n<C extends Context = Context>(): I18n<C> {
  return new I18n<C>({
    defaultLocale: "en",
    directory: LOCALES_DIR,
    // Fluent's bidi isolation marks would show up as stray characters in Telegram.
    fluentBundleOptions: { useIsolating: false },
  });
}
