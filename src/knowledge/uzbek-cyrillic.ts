/**
 * The knowledge base for readers of Uzbek in Cyrillic script, made once per
 * loaded base: every Uzbek (Latin) text converted, so there is no second set
 * of texts to keep in step; a `uz-cyrl` text, written only where the
 * conversion is not enough, is used as it is.
 */
import { uzbekTextToCyrillic } from "../text/translit.js";
import type { KnowledgeBase } from "./load.js";
import type { Entry, OutOfScopeTopic } from "./schema.js";

const converted = new WeakMap<KnowledgeBase, KnowledgeBase>();

export function uzbekCyrillicKnowledge(kb: KnowledgeBase): KnowledgeBase {
  let cyrillic = converted.get(kb);
  if (!cyrillic) {
    // A text repeated across entries (documents, steps) is transliterated, and kept, once.
    const known = new Map<string, string>();
    const toCyrillic = (text: string) => {
      let cyrillic = known.get(text);
      if (cyrillic === undefined) known.set(text, (cyrillic = uzbekTextToCyrillic(text)));
      return cyrillic;
    };
    const entries = kb.entries.map((entry) => transliterateTexts(entry, toCyrillic) as Entry);
    const outOfScope = transliterateTexts(kb.outOfScope, toCyrillic) as OutOfScopeTopic[];
    cyrillic = { entries, byId: new Map(entries.map((e) => [e.id, e])), related: kb.related, outOfScope };
    converted.set(kb, cyrillic);
  }
  return cyrillic;
}

/** Lets a base's Cyrillic copy go (a reload is about to replace the base); it is made again if asked for. */
export function forgetUzbekCyrillic(kb: KnowledgeBase): void {
  converted.delete(kb);
}

/** A deep copy with the `uz` text of every {uz, ru, en} object in Cyrillic: its own `uz-cyrl`, else converted (aliases are search data: left alone). */
function transliterateTexts(value: unknown, toCyrillic: (text: string) => string, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => transliterateTexts(item, toCyrillic));
  if (!value || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (key !== "aliases" && typeof record.uz === "string" && typeof record.ru === "string" && typeof record.en === "string") {
    return { ...record, uz: typeof record["uz-cyrl"] === "string" ? record["uz-cyrl"] : toCyrillic(record.uz) };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, key === "aliases" ? v : transliterateTexts(v, toCyrillic, k)]));
}
