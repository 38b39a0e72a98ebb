/**
 * Writes a new value into a YAML file's text and changes nothing else: only
 * the texts that changed are replaced where they stand, a field or list item
 * added goes after its siblings, one removed takes its lines with it. Staff's
 * comments, quoting, `{ uz, ru, en }` on one line and blank lines stay as
 * they wrote them (yaml's own serialiser would re-flow the whole file).
 */
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isPair, isScalar, isSeq, parse, parseDocument, visit, type Node, type Pair, type Scalar } from "yaml";

/** A replacement of the source's [from, to) by text. */
interface Splice {
  from: number;
  to: number;
  text: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A YAML mapping as read into JavaScript (or any plain object): not null, not a list. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The source with `value` written into it. Throws only when the source is
 * not a readable YAML mapping; the result always reads back as `value`.
 */
export function writeYamlValue(source: string, value: Record<string, Json>): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new Error("the file is not a readable YAML mapping");
  if (isDeepStrictEqual(doc.toJS(), value)) return source;
  const editor = new SpliceEditor(source, doc);
  if (editor.edit(doc.contents, value, false)) {
    const text = editor.result();
    if (readsAs(text, value)) return text;
  }
  // Something the splices cannot say: the document rewritten field by field, its comments kept.
  const text = rewritten(doc, value);
  if (!readsAs(text, value)) throw new Error("the entry could not be written as YAML");
  return text;
}

/** A new file for a value, in the style of the shipped files: short lists and {uz, ru, en} texts on one line. */
export function newYamlText(value: Record<string, Json>): string {
  return blockText(value);
}

/** A text as a YAML scalar: plain when it reads back as the same text, else double-quoted (in quotes of its own kind when it had them). */
export function scalarText(text: string, flow: boolean, quoted?: Scalar.Type): string {
  if (quoted === "QUOTE_SINGLE" && !text.includes("\n")) return `'${text.replace(/'/g, "''")}'`;
  if (quoted !== "QUOTE_DOUBLE") {
    try {
      const back: unknown = parse(flow ? `[${text}]` : `- ${text}`);
      if (Array.isArray(back) && back.length === 1 && back[0] === text) return text;
    } catch {
      // Not valid as a plain scalar: quoted below.
    }
  }
  return JSON.stringify(text);
}

function readsAs(text: string, value: unknown): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), value);
}

class SpliceEditor {
  private readonly splices: Splice[] = [];

  constructor(
    private readonly source: string,
    private readonly doc: Document,
  ) {}

  result(): string {
    let text = this.source;
    // From the end, so earlier offsets stay true; an insertion at a replaced range's end goes after it.
    const ordered = [...this.splices].sort((a, b) => b.from - a.from || b.to - a.to);
    for (const { from, to, text: insertion } of ordered) text = text.slice(0, from) + insertion + text.slice(to);
    return text;
  }

  /** Splices that make `node` read as `value`; false when the caller must replace the node whole. */
  edit(node: unknown, value: Json, flow: boolean): boolean {
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (isDeepStrictEqual((node as Node).toJS(this.doc), value)) return true;
    }
    if (isScalar(node)) return this.editScalar(node, value, flow);
    if (isMap(node) && isRecord(value)) return node.flow || flow ? this.editFlowMap(node.items as Pair[], value) : this.editBlockMap(node.items as Pair[], value);
    if (isSeq(node) && Array.isArray(value)) return node.flow || flow ? this.editFlowSeq(node.items, value) : this.editBlockSeq(node.items, value);
    return false;
  }

  private editScalar(node: Scalar, value: Json, flow: boolean): boolean {
    const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
    if (block || !node.range || (typeof value === "object" && value !== null) || (typeof value === "string" && value.includes("\n"))) return false;
    const text = typeof value === "string" ? scalarText(value, flow, node.type) : String(value);
    this.splices.push({ from: node.range[0], to: node.range[1], text });
    return true;
  }

  private editFlowMap(pairs: Pair[], value: Record<string, Json>): boolean {
    const keys = pairs.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
    if (keys.length !== Object.keys(value).length || !keys.every((key) => key in value)) return false;
    return pairs.every((pair, i) => this.edit(pair.value, value[keys[i]!]!, true));
  }

  private editFlowSeq(items: unknown[], value: Json[]): boolean {
    return items.length === value.length && items.every((item, i) => this.edit(item, value[i]!, true));
  }

  private editBlockMap(pairs: Pair[], value: Record<string, Json>): boolean {
    if (pairs.length === 0 || !pairs.every((pair) => isPair(pair) && isScalar(pair.key) && pair.key.range)) return false;
    const keyStart = (pair: Pair) => (pair.key as Scalar).range![0];
    const indent = this.indentAt(keyStart(pairs[0]!));
    const present = new Set<string>();
    for (const pair of pairs) {
      const key = String((pair.key as Scalar).value);
      present.add(key);
      const lines = { from: this.lineStart(keyStart(pair)), to: this.lineEnd((pair.value ?? pair.key) as Node) };
      if (!(key in value)) this.splices.push({ ...lines, text: "" });
      else if (!this.edit(pair.value, value[key]!, false)) this.splices.push({ ...lines, text: indented(blockText({ [key]: value[key]! }), indent) });
    }
    const added = Object.entries(value).filter(([key]) => !present.has(key));
    if (added.length > 0) {
      const last = pairs.at(-1)!;
      const at = this.lineEnd((last.value ?? last.key) as Node);
      this.splices.push({ from: at, to: at, text: this.newLineBefore(at) + indented(blockText(Object.fromEntries(added)), indent) });
    }
    return true;
  }

  private editBlockSeq(items: unknown[], value: Json[]): boolean {
    const nodes = items as Node[];
    if (value.length === 0 || nodes.length === 0 || !nodes.every((node) => node?.range && this.dashBefore(node.range[0]) !== undefined)) return false;
    const indent = " ".repeat(this.dashBefore(nodes[0]!.range![0])! - this.lineStart(nodes[0]!.range![0]));
    nodes.forEach((node, i) => {
      const lines = { from: this.lineStart(node.range![0]), to: this.lineEnd(node) };
      if (i >= value.length) this.splices.push({ ...lines, text: "" });
      else if (!this.edit(node, value[i]!, false)) this.splices.push({ ...lines, text: indented(blockText([value[i]!]), indent) });
    });
    if (value.length > nodes.length) {
      const at = this.lineEnd(nodes.at(-1)!);
      this.splices.push({ from: at, to: at, text: this.newLineBefore(at) + indented(blockText(value.slice(nodes.length)), indent) });
    }
    return true;
  }

  /** The offset of the "-" that starts the item whose content starts at `offset`, if that is how its line begins. */
  private dashBefore(offset: number): number | undefined {
    const start = this.lineStart(offset);
    const match = /^( *)- +$/.exec(this.source.slice(start, offset));
    return match ? start + match[1]!.length : undefined;
  }

  private lineStart(offset: number): number {
    return this.source.lastIndexOf("\n", offset - 1) + 1;
  }

  /** Just after the newline that ends the node's last line (its comment included), or the end of the text. */
  private lineEnd(node: Node): number {
    const end = node.range![2];
    if (this.source[end - 1] === "\n") return end;
    const newline = this.source.indexOf("\n", end);
    return newline < 0 ? this.source.length : newline + 1;
  }

  /** A file without a final newline needs one before lines added at its end. */
  private newLineBefore(at: number): string {
    return at > 0 && this.source[at - 1] !== "\n" ? "\n" : "";
  }

  private indentAt(offset: number): string {
    return " ".repeat(offset - this.lineStart(offset));
  }
}

/** How the files' YAML is written: no line folded, a space inside { } and [ ]. */
const STYLE = { lineWidth: 0, flowCollectionPadding: true } as const;

/** Lines of YAML for a value, at column 0, ending with a newline. */
const blockText = (value: Json): string => styled(value).toString(STYLE);

const indented = (text: string, indent: string): string =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : indent + line))
    .join("\n");

/**
 * A document for a value in the files' style: below the top, a list of plain
 * values or a mapping of one-line texts ({uz, ru, en}) on one line.
 */
function styled(value: Json): Document {
  const doc = new Document(value);
  visit(doc, {
    Map(_, map) {
      const oneLine = map.items.every((pair) => isScalar(pair.value) && !String(pair.value.value).includes("\n"));
      if (map !== doc.contents && map.items.length > 0 && oneLine) map.flow = true;
    },
    Seq(_, seq) {
      if (seq !== doc.contents && seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  return doc;
}

/** The document with each changed top-level field replaced (comments elsewhere kept), for what splices cannot say. */
function rewritten(doc: Document, value: Record<string, Json>): string {
  const current = doc.toJS() as Record<string, unknown>;
  for (const key of Object.keys(current)) if (!(key in value)) doc.delete(key);
  for (const [key, field] of Object.entries(value)) {
    if (!isDeepStrictEqual(current[key], field)) doc.set(key, styled(field).contents);
  }
  return doc.toString(STYLE);
}
