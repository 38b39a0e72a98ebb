/**
 * A program's new deadlines, announced from the knowledge console: the bot
 * sends the staff member, in their private chat, the announcement ready to
 * go (in Uzbek, Russian and English: a program's subscribers read all three)
 * with a button that opens /broadcast at its preview and confirmation, for
 * that program's subscribers, with this message as the announcement.
 */
import { InlineKeyboard, type Api } from "grammy";
import type { Catalog } from "../../knowledge/catalog.js";
import { LANGS } from "../../knowledge/schema.js";
import type { Store } from "../../storage/store.js";
import type { BotDeps } from "../deps.js";
import { languageOfUser, readers } from "../locale.js";
import { deadlineLine } from "./answer-view.js";
import { callback } from "./callback-data.js";

export interface DeadlineDraftDeps extends Pick<BotDeps, "i18n"> {
  api: Api;
  catalog: Catalog;
  store: Store;
}

/** The announcement: a paragraph per language, each with the title and the deadlines as students read them. */
function deadlineAnnouncement({ i18n, catalog }: Pick<DeadlineDraftDeps, "i18n" | "catalog">, programId: string, dates: readonly string[]): string {
  const readerFor = readers({ i18n, catalog });
  return LANGS.map((lang) => {
    const reader = readerFor(lang);
    const program = reader.kb.byId.get(programId);
    if (program?.type !== "program") throw new Error(`no program ${programId}`);
    const deadlines = program.program.deadlines.items.filter((d) => dates.includes(d.date)).map((d) => deadlineLine(reader, d));
    return reader.t("console-deadline-announcement", { title: program.title[lang], count: deadlines.length, deadlines: deadlines.join("\n") });
  }).join("\n\n");
}

export async function sendDeadlineDraft(deps: DeadlineDraftDeps, userId: number, programId: string, dates: readonly string[]): Promise<void> {
  const t = readers(deps)(languageOfUser(deps.store.users.get(userId))).t;
  await deps.api.sendMessage(userId, deadlineAnnouncement(deps, programId, dates), {
    reply_markup: new InlineKeyboard().text(t("console-deadline-button"), callback.broadcastDeadlines(programId)),
    link_preview_options: { is_disabled: true },
  });
}
