/**
 * Writes learned aliases into an entry's YAML text and changes nothing else.
 * The yaml Document API finds each `aliases.<lang>` list and its items'
 * places in the source; the new alias is spliced in there, so comments,
 * quoting, flow `[a, b]` or block `- a` lists stay as staff wrote them (a
 * re-serialised document would not).
 */
import { isScalar, isSeq, parseDocument, type Node } from "yaml";
import { sameAlias } from "./learned-aliases.js";
import type { Lang } from "./schema.js";
import { scalarText } from "./yaml-edit.js";

export interface AliasAddition {
  lang: Lang;
  alias: string;
}

export interface AliasEdit {
  text: string;
  /** Written into the text. */
  added: AliasAddition[];
  /** Already in the list (an earlier export, or staff added it by hand). */
  present: AliasAddition[];
}

/** Adds each alias at the end of its language's list; throws when a list is missing or the result does not read back. */
export function addAliases(source: string, additions: readonly AliasAddition[]): AliasEdit {
  let text = source;
  const added: AliasAddition[] = [];
  const present: AliasAddition[] = [];
  for (const addition of additions) {
    const items = aliasItems(text, addition.lang);
    if (items.values.some((known) => sameAlias(known, addition.alias))) {
      present.push(addition);
      continue;
    }
    text = items.insert(addition.alias);
    if (!aliasItems(text, addition.lang).values.includes(addition.alias)) {
      throw new Error(`aliases.${addition.lang}: could not add ${JSON.stringify(addition.alias)}`);
    }
    added.push(addition);
  }
  return { text, added, present };
}

function aliasItems(text: string, lang: Lang) {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0]!.message}`);
  const list = doc.getIn(["aliases", lang], true);
  if (!isSeq(list) || !list.range) throw new Error(`aliases.${lang} is not a list`);
  const nodes = list.items as Node[];
  const values = nodes.map((node) => (isScalar(node) ? String(node.value) : ""));
  const splice = (at: number, insertion: string) => text.slice(0, at) + insertion + text.slice(at);
  const last = nodes.at(-1)?.range;

  const insert = (alias: string): string => {
    if (list.flow) {
      const scalar = scalarText(alias, true);
      // After the last item, so "[ a, b ]" keeps its spacing; into "[]" just before the bracket.
      return last ? splice(last[1], `, ${scalar}`) : splice(text.lastIndexOf("]", list.range![1]), scalar);
    }
    // A block list is never empty: a new "- item" line under the last, indented like the first.
    const first = nodes[0]!.range!;
    const lineStart = text.lastIndexOf("\n", first[0]) + 1;
    const indent = /^\s*/.exec(text.slice(lineStart, first[0]))![0];
    const lineEnd = text.indexOf("\n", last![1]);
    return splice(lineEnd < 0 ? text.length : lineEnd, `\n${indent}- ${scalarText(alias, false)}`);
  };
  return { values, insert };
}
