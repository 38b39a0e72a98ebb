/**
 * A publish from the console, whole: the file written (src/knowledge/edit.ts),
 * the revision recorded in the history with who made it, the search index
 * reloaded at once (reminders read the reloaded deadlines at their next look),
 * and a log line naming the staff member.
 */
import type { EditRefusal, EditResult, KnowledgeFiles, Published } from "../knowledge/edit.js";
import type { Logger } from "../logger.js";
import type { KnowledgeRevisionStore, Publisher } from "../storage/knowledge-revisions.js";

export interface PublishingDeps {
  files: KnowledgeFiles;
  revisions: KnowledgeRevisionStore;
  /** Reloads the knowledge base and its search index (the app's reloadKnowledge). */
  reload: () => { ok: boolean };
  logger: Logger;
}

export type RevertResult = EditResult | { ok: false; reason: "no-revision" } | { ok: false; reason: "was-archived" } | { ok: false; reason: "did-not-exist" };

export class Publishing {
  constructor(private readonly deps: PublishingDeps) {}

  save(id: string, entry: unknown, revision: string, by: Publisher): EditResult {
    return this.recorded(this.deps.files.save(id, entry, revision), by, "edit");
  }

  create(entry: unknown, by: Publisher): EditResult {
    return this.recorded(this.deps.files.create(entry), by, "create");
  }

  archive(id: string, by: Publisher): EditResult {
    return this.recorded(this.deps.files.archive(id), by, "archive");
  }

  /**
   * Publishes again the text an earlier revision left, as a new revision; with
   * `before`, the text that publish replaced (the entry before the console's
   * first change of it is reached this way), at `at` when the revision was
   * published more than once.
   */
  revert(id: string, revision: string, by: Publisher, { before = false, at }: { before?: boolean; at?: number } = {}): RevertResult {
    const text = before ? this.deps.revisions.change(id, revision, at)?.before : this.deps.revisions.textAt(id, revision);
    if (text === undefined) return { ok: false, reason: "no-revision" };
    if (text === null) return { ok: false, reason: before ? "did-not-exist" : "was-archived" };
    return this.recorded(this.deps.files.saveText(id, text), by, "revert");
  }

  private recorded<T extends Published | EditRefusal>(result: T, by: Publisher, action: string): T {
    if (!result.ok || result.before === result.after) return result;
    this.deps.revisions.record(result.id, result.revision, by, result.before, result.after);
    const reloaded = this.deps.reload();
    this.deps.logger.info({ entry: result.id, revision: result.revision, action, by: { id: by.id, name: by.name }, reloaded: reloaded.ok }, "knowledge published from the console");
    return result;
  }
}
