/**
 * Aliases staff taught the bot from /unanswered: kept in the database, merged
 * into the entries before the search index is built, and written into the
 * knowledge files by `npm run kb:export-aliases`.
 */
import { words } from "../search/normalize.js";
import type { Entry, Lang } from "./schema.js";

export interface LearnedAlias {
  entryId: string;
  lang: Lang;
  alias: string;
}

/** Two aliases are the same when search reads them the same ("Koreya!" and "koreya"). */
export const sameAlias = (a: string, b: string): boolean => words(a).join(" ") === words(b).join(" ");

/**
 * The entries with the learned aliases added to their lists. Entries without
 * any stay the same objects; aliases of entries no longer in the base, or
 * already in the entry's list, are left out.
 */
export function withLearnedAliases(entries: readonly Entry[], learned: readonly LearnedAlias[]): Entry[] {
  const byEntry = new Map<string, LearnedAlias[]>();
  for (const alias of learned) byEntry.set(alias.entryId, [...(byEntry.get(alias.entryId) ?? []), alias]);
  return entries.map((entry) => {
    const extra = byEntry.get(entry.id);
    if (!extra) return entry;
    const aliases = { uz: [...entry.aliases.uz], ru: [...entry.aliases.ru], en: [...entry.aliases.en] };
    for (const { lang, alias } of extra) if (!aliases[lang].some((known) => sameAlias(known, alias))) aliases[lang].push(alias);
    return { ...entry, aliases };
  });
}
