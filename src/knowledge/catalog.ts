/**
 * The knowledge base and its search index, loaded together and swapped
 * together on reload. A reload that fails keeps the previous, working base:
 * a typo in a staff edit never takes the bot down.
 */
import { SearchIndex, type SearchOptions, type SearchResult } from "../search/engine.js";
import { loadKnowledge, type KnowledgeBase } from "./load.js";
import type { Lang } from "./schema.js";

export class Catalog {
  private state: { kb: KnowledgeBase; index: SearchIndex };

  /** Throws KnowledgeError when the base in `dir` is broken. */
  constructor(readonly dir: string) {
    this.state = Catalog.build(dir);
  }

  get kb(): KnowledgeBase {
    return this.state.kb;
  }

  search(query: string, options?: SearchOptions): SearchResult {
    return this.state.index.search(query, options);
  }

  /** The language a text is written in: uz, ru or en. */
  language(text: string): Lang {
    return this.state.index.language(text);
  }

  /** Re-reads the files and rebuilds the index; throws (and keeps the old base) when they are broken. */
  reload(): void {
    this.state = Catalog.build(this.dir);
  }

  private static build(dir: string) {
    const kb = loadKnowledge(dir);
    return { kb, index: new SearchIndex(kb.entries) };
  }
}
