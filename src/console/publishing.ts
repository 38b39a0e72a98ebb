/**
 * A publish from the console, whole: the file written (src/knowledge/edit.ts),
 * the revision recorded in the history with who made it, the search index
 * reloaded at once (reminders read the reloaded deadlines at their next look),
 * and a log line naming the staff member. A step that fails after the file was
 * written is said as such ("written-only"), never as a change that did not happen.
 */
import type { EditResult, KnowledgeFiles } from "../knowledge/edit.js";
import type { Logger } from "../logger.js";
import type { KnowledgeRevisionStore, Publisher } from "../storage/knowledge-revisions.js";

export interface PublishingDeps {
  files: KnowledgeFiles;
  revisions: KnowledgeRevisionStore;
  /** Reloads the knowledge base and its search index (the app's reloadKnowledge). */
  reload: () => { ok: boolean };
  logger: Logger;
}

/**
 * The file was written, but what came after it failed: the reload (students
 * still get the previous knowledge), or else the history's record of it.
 */
export interface WrittenOnly {
  ok: false;
  reason: "written-only";
  failed: "reload" | "history";
  id: string;
  revision: string;
}

export type PublishResult = EditResult | WrittenOnly;

export type RevertResult = PublishResult | { ok: false; reason: "no-revision" } | { ok: false; reason: "was-archived" } | { ok: false; reason: "did-not-exist" };

export class Publishing {
  constructor(private readonly deps: PublishingDeps) {}

  save(id: string, entry: unknown, revision: string, by: Publisher): PublishResult {
    return this.recorded(this.deps.files.save(id, entry, revision), by, "edit");
  }

  create(entry: unknown, by: Publisher): PublishResult {
    return this.recorded(this.deps.files.create(entry), by, "create");
  }

  archive(id: string, by: Publisher): PublishResult {
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

  private recorded(result: EditResult, by: Publisher, action: string): PublishResult {
    if (!result.ok || result.before === result.after) return result;
    const { id, revision } = result;
    const who = { id: by.id, name: by.name };
    let inHistory = true;
    try {
      this.deps.revisions.record(id, revision, by, result.before, result.after);
    } catch (error) {
      inHistory = false;
      this.deps.logger.error({ err: error, entry: id, revision, action, by: who }, "knowledge published from the console, but not recorded in its history");
    }
    // The file is written: the bot is asked to read it even when the history failed.
    let reloaded = false;
    try {
      reloaded = this.deps.reload().ok;
    } catch (error) {
      this.deps.logger.error({ err: error, entry: id }, "knowledge base not reloaded after a publish: the previous base stays");
    }
    this.deps.logger.info({ entry: id, revision, action, by: who, reloaded }, "knowledge published from the console");
    if (!reloaded) return { ok: false, reason: "written-only", failed: "reload", id, revision };
    if (!inHistory) return { ok: false, reason: "written-only", failed: "history", id, revision };
    return result;
  }
}
