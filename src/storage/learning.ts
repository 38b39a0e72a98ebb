/**
 * How the bot learns: the queries search could not answer confidently, and
 * the aliases staff attach them to (/unanswered).
 */
import type { LearnedAlias } from "../knowledge/learned-aliases.js";
import type { Lang } from "../knowledge/schema.js";
import { normalizedQuery } from "../search/group-queries.js";
import { withoutInvisibles } from "../search/normalize.js";
import type { Db } from "./database.js";

/** Longer queries are questions for a person, not wordings to learn: they are not logged. */
export const MAX_LOGGED_LENGTH = 200;

export interface LoggedQuery {
  id: number;
  userId: number | null;
  query: string;
  normalized: string;
  lang: Lang;
  resolved: boolean;
}

/** All unresolved queries with one normal form, shown by the latest of them. */
export interface OpenForm {
  /** The row whose wording shows the form: the latest query's (a picker keeps the one it showed). */
  id: number;
  query: string;
  lang: Lang;
  normalized: string;
  count: number;
}

interface QueryRow {
  id: number;
  user_id: number | null;
  query: string;
  normalized: string;
  lang: Lang;
  resolved_at: number | null;
}

interface AliasRow {
  entry_id: string;
  lang: Lang;
  alias: string;
}

const toAlias = (row: AliasRow): LearnedAlias => ({ entryId: row.entry_id, lang: row.lang, alias: row.alias });

export class LearningStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      log: db.prepare<[number | null, string, string, string, number]>(
        `INSERT INTO unanswered_queries (user_id, query, normalized, lang, asked_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      get: db.prepare<[number], QueryRow>(`SELECT id, user_id, query, normalized, lang, resolved_at FROM unanswered_queries WHERE id = ?`),
      // SQLite takes the bare columns (query, lang) from the row holding MAX(id): the latest wording.
      openForms: db.prepare<[number], OpenForm>(`
        SELECT MAX(id) AS id, query, lang, normalized, COUNT(*) AS count FROM unanswered_queries
        WHERE resolved_at IS NULL GROUP BY normalized ORDER BY count DESC, id DESC LIMIT ?`),
      countOpen: db.prepare<[], { count: number }>(`SELECT COUNT(*) AS count FROM unanswered_queries WHERE resolved_at IS NULL`),
      forgetResolved: db.prepare<[number]>(`DELETE FROM unanswered_queries WHERE resolved_at < ?`),
      forgetPickers: db.prepare<[number]>(`DELETE FROM unanswered_pickers WHERE shown_at < ?`),
      savePicker: db.prepare<[string, number]>(`INSERT INTO unanswered_pickers (query_ids, shown_at) VALUES (?, ?)`),
      pickerSize: db.prepare<[number], { size: number }>(`SELECT json_array_length(query_ids) AS size FROM unanswered_pickers WHERE id = ?`),
      // The shown rows still open, in the picker's order, each with how often its form has been asked by now.
      pickerForms: db.prepare<[number], OpenForm>(`
        SELECT q.id, q.query, q.lang, q.normalized,
          (SELECT COUNT(*) FROM unanswered_queries o WHERE o.resolved_at IS NULL AND o.normalized = q.normalized) AS count
        FROM unanswered_pickers p, json_each(p.query_ids) AS shown
        JOIN unanswered_queries q ON q.id = shown.value AND q.resolved_at IS NULL
        WHERE p.id = ? ORDER BY shown.key`),
      resolve: db.prepare<[number, number, string | null, string]>(
        `UPDATE unanswered_queries SET resolved_at = ?, resolved_by = ?, resolved_entry = ? WHERE resolved_at IS NULL AND normalized = ?`,
      ),
      addAlias: db.prepare<[string, string, string, number, number]>(
        `INSERT OR IGNORE INTO learned_aliases (entry_id, lang, alias, added_by, added_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      aliases: db.prepare<[], AliasRow>(`SELECT entry_id, lang, alias FROM learned_aliases ORDER BY added_at, entry_id, lang, alias`),
      unexported: db.prepare<[], AliasRow>(`SELECT entry_id, lang, alias FROM learned_aliases WHERE exported_at IS NULL ORDER BY entry_id, added_at, alias`),
      markExported: db.prepare<[number, string, string, string]>(`UPDATE learned_aliases SET exported_at = ? WHERE entry_id = ? AND lang = ? AND alias = ?`),
    };
  }

  /** Logs a query search had no confident answer to; returns its id, or undefined when it is nothing to learn from. */
  logUnconfident(userId: number | undefined, query: string, lang: Lang): number | undefined {
    const normalized = normalizedQuery(query);
    if (normalized === "" || query.length > MAX_LOGGED_LENGTH) return undefined;
    // As staff read it, and as it may become an alias: without characters that show nothing.
    return this.log(userId, withoutInvisibles(query).trim(), normalized, lang);
  }

  /** Logs a query as given, its normal form already made. */
  log(userId: number | undefined, query: string, normalized: string, lang: Lang, now = Date.now()): number {
    return Number(this.statements.log.run(userId ?? null, query, normalized, lang, now).lastInsertRowid);
  }

  get(id: number): LoggedQuery | undefined {
    const row = this.statements.get.get(id);
    return row && { id: row.id, userId: row.user_id, query: row.query, normalized: row.normalized, lang: row.lang, resolved: row.resolved_at !== null };
  }

  /** Unresolved queries by normal form, the most asked first. */
  openForms(limit: number): OpenForm[] {
    return this.statements.openForms.all(limit);
  }

  countOpen(): number {
    return this.statements.countOpen.get()!.count;
  }

  /**
   * Remembers the forms a /unanswered picker shows (a group, most asked first),
   * each by the row whose wording it shows; returns the picker's id, which its
   * buttons carry. Whatever is asked after it, a tap acts on what staff read.
   */
  savePicker(forms: readonly OpenForm[], now = Date.now()): number {
    return Number(this.statements.savePicker.run(JSON.stringify(forms.map((f) => f.id)), now).lastInsertRowid);
  }

  /** The forms a picker showed, as it showed them; undefined when it is unknown, or when any of them has been dealt with since. */
  pickerForms(id: number): OpenForm[] | undefined {
    const size = this.statements.pickerSize.get(id)?.size;
    const forms = size ? this.statements.pickerForms.all(id) : [];
    return size && forms.length === size ? forms : undefined;
  }

  /** Marks every unresolved query of these forms resolved: attached to `entryId`, or dismissed (null). Returns how many. */
  resolve(normalized: readonly string[], entryId: string | null, by: number, now = Date.now()): number {
    return this.db.transaction(() => normalized.reduce((sum, form) => sum + this.statements.resolve.run(now, by, entryId, form).changes, 0))();
  }

  /** Returns false when the entry already had this alias. */
  learnAlias({ entryId, lang, alias }: LearnedAlias, by: number, now = Date.now()): boolean {
    return this.statements.addAlias.run(entryId, lang, alias, by, now).changes > 0;
  }

  aliases(): LearnedAlias[] {
    return this.statements.aliases.all().map(toAlias);
  }

  /** Learned aliases not yet written into the knowledge files. */
  unexportedAliases(): LearnedAlias[] {
    return this.statements.unexported.all().map(toAlias);
  }

  markExported(aliases: readonly LearnedAlias[], now = Date.now()): void {
    this.db.transaction(() => {
      for (const { entryId, lang, alias } of aliases) this.statements.markExported.run(now, entryId, lang, alias);
    })();
  }

  /** Queries staff dealt with long ago, and pickers shown as long ago, are not kept: the aliases they taught stay. Returns how many queries were forgotten. */
  forgetResolved(olderThanMs = 90 * 24 * 3600_000, now = Date.now()): number {
    this.statements.forgetPickers.run(now - olderThanMs);
    return this.statements.forgetResolved.run(now - olderThanMs).changes;
  }
}
