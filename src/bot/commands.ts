/** The command menu Telegram shows, in each user's app language. */
import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { LANGS } from "../knowledge/schema.js";

const COMMANDS = ["start", "eligibility", "apply", "programs", "countries", "contacts", "language", "cancel", "help"] as const;

export async function registerCommands(api: Api, i18n: I18n): Promise<void> {
  const list = (lang: string) => COMMANDS.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));
  // The default list (for any other app language) is English.
  await api.setMyCommands(list("en"));
  for (const lang of LANGS) await api.setMyCommands(list(lang), { language_code: lang });
}
