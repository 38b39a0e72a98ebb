/**
 * The knowledge base and its search index, loaded together and swapped
 * together on reload. A reload that fails keeps the previous, working base:
 * a typo in a staff edit never takes the bot down. The aliases staff taught
 * the bot (/unanswered) are merged into the index, not into the base itself.
 */
import { SearchIndex, type Candidate, type SearchOptions, type SearchResult } from "../search/engine.js";
import { withLearnedAliases, type LearnedAlias } from "./learned-aliases.js";
import { loadKnowledge, type KnowledgeBase } from "./load.js";
import type { Lang } from "./schema.js";
import { forgetUzbekCyrillic } from "./uzbek-cyrillic.js";

/** An index of nothing, standing in while a reload replaces the real one. */
const NO_INDEX = new SearchIndex([]);

export class Catalog {
  private state: { kb: KnowledgeBase; index: SearchIndex };
  private builds = 0;
  /** Throws KnowledgeError when the base in `dir` is broken. `learned`: the aliases staff taught the bot so far. */
  constructor(
    readonly dir: string,
    private learned: readonly LearnedAlias[] = [],
  ) {
    this.state = this.build(loadKnowledge(dir));
  }

  /** Changes whenever the base or the learned aliases do: what was worked out from the old ones (answers) no longer holds. */
  get revision(): number {
    return this.builds;
  }

  get kb(): KnowledgeBase {
    return this.state.kb;
  }

  search(query: string, options?: SearchOptions): SearchResult {
    return this.state.index.search(query, options);
  }

  /** Whether a search key is a word of the knowledge (and its learned aliases). */
  knows(key: string): boolean {
    return this.state.index.knows(key);
  }

  /** The word of the knowledge a search key is, or misspells most likely (with how similar), if any. */
  nearestKey(key: string): Candidate | undefined {
    return this.state.index.nearestKey(key);
  }

  /** The entries a query names by a whole title or alias. */
  named(query: string): string[] {
    return this.state.index.named(query);
  }

  /** The language a text is written in: uz, ru or en. */
  language(text: string): Lang {
    return this.state.index.language(text);
  }

  /**
   * Re-reads the files and rebuilds the index; throws (and keeps the old base)
   * when they are broken. What was made from the old base goes before the new
   * one is read, and the old base before the new index is built: a base of
   * thousands of entries twice over, with both indexes, would not fit the
   * bot's heap. Synchronous: nothing searches in between.
   */
  reload(): void {
    const kb = this.readReleasingOld();
    this.state = { kb, index: NO_INDEX };
    this.state = this.build(kb);
  }

  /** The new base; the old one's index and Cyrillic copy are let go meanwhile, and the index rebuilt when the new base is refused. */
  private readReleasingOld(): KnowledgeBase {
    const old = this.state.kb;
    forgetUzbekCyrillic(old);
    this.state = { kb: old, index: NO_INDEX };
    try {
      return loadKnowledge(this.dir);
    } catch (error) {
      this.state = this.build(old);
      throw error;
    }
  }

  /** Replaces the learned aliases; the search uses them at once. */
  learn(aliases: readonly LearnedAlias[]): void {
    this.learned = aliases;
    this.state = this.build(this.state.kb);
  }

  private build(kb: KnowledgeBase) {
    this.builds++;
    return { kb, index: new SearchIndex(withLearnedAliases(kb.entries, this.learned)) };
  }
}
