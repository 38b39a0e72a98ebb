/**
 * Reads one knowledge file as YAML. Every slip a person makes in a text
 * editor becomes a problem with its line and column, in plain words: a file
 * not saved as UTF-8, a tab, a field written twice, a text starting with *,
 * & or !, a colon inside a text, a quote never closed. Nothing in a file can
 * throw: a broken file is refused, it never takes the bot down.
 */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, visit, type Alias, type Document, type Node, type YAMLError } from "yaml";
import type { KnowledgeProblem } from "./problems.js";

/**
 * Aliases may repeat text this many times in one file (yaml's own default):
 * a few nested aliases can otherwise expand into gigabytes ("billion laughs").
 */
const MAX_ALIAS_USES = 100;

/** Strict UTF-8; a leading byte order mark (Windows Notepad writes one) is dropped, as it is invisible and harmless. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

const PUT_IN_QUOTES = "put the text in quotes";

/** A slip at an offset of the file's text. */
interface Slip {
  offset: number;
  message: string;
}

/** The data in a knowledge file, or undefined when it cannot be read (its problems are in `problems`). */
export function readYamlFile(path: string, file: string, problems: KnowledgeProblem[]): { data: unknown } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` });
    return undefined;
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Typically saved as Windows-1251 or UTF-16: point at the first character that is not UTF-8.
    const lenient = new TextDecoder().decode(bytes);
    problems.push({
      file,
      ...positionIn(lenient, lenient.indexOf("\uFFFD")),
      message: "the file is not saved as UTF-8 (the letters here are in another encoding, such as Windows-1251): save it with the UTF-8 encoding in your editor",
    });
    return undefined;
  }
  return readYamlText(text, file, problems);
}

/** The data in a knowledge file's text (one not written yet: the console checks a save before it writes). */
export function readYamlText(text: string, file: string, problems: KnowledgeProblem[]): { data: unknown } | undefined {
  if (text.trim() === "") {
    problems.push({ file, message: "the file is empty" });
    return undefined;
  }
  return parseYaml(text, file, problems);
}

function parseYaml(text: string, file: string, problems: KnowledgeProblem[]): { data: unknown } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const slips = [
    ...doc.errors.map((error) => explain(error, text, doc)),
    ...doc.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED").map(({ pos: [start, end] }) => ({
      offset: start,
      message: `"${text.slice(start, end)}" is not read as text: in YAML a word starting with ! is a type tag; ${PUT_IN_QUOTES}`,
    })),
    ...aliasSlips(doc, text),
  ].sort((a, b) => a.offset - b.offset);
  if (slips.length > 0) {
    // One slip often confuses YAML about the rest of its line: the first explanation on a line is the one that helps.
    const lines = new Set<number>();
    for (const { offset, message } of slips) {
      const position = at(offset);
      if (lines.has(position.line)) continue;
      lines.add(position.line);
      problems.push({ file, ...position, message });
    }
    return undefined;
  }
  if (doc.contents === null) {
    problems.push({ file, message: "the file has no entry in it, only comments" });
    return undefined;
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_USES }) };
  } catch (error) {
    // Unresolved aliases were reported above: what is left is too many alias uses.
    if (!(error instanceof ReferenceError)) throw error;
    problems.push({
      file,
      ...at(mostUsedAlias(doc).range![0]),
      message: `aliases (words starting with *) repeat text more than ${MAX_ALIAS_USES} times in this file: write the text out instead`,
    });
    return undefined;
  }
}

/** One of yaml's errors in words a methodist acts on, at the place to fix. */
function explain(error: YAMLError, text: string, doc: Document): Slip {
  const offset = error.pos[0];
  const slip = (message: string, at = offset) => ({ offset: at, message });
  switch (error.code) {
    case "TAB_AS_INDENT":
      return slip("a tab is used to indent this line; YAML needs spaces here: replace the tab with spaces");
    case "DUPLICATE_KEY":
      return slip(`"${keyAt(doc, offset)}" is written twice in the same place; keep only one of them`);
    case "BAD_SCALAR_START":
      return slip(`in YAML a text cannot start with ${text[offset]}; ${PUT_IN_QUOTES}`);
    case "BAD_ALIAS":
      return slip(`"*" is not read as text: in YAML a word starting with * refers to an anchor; ${PUT_IN_QUOTES}`);
    case "MULTIPLE_DOCS":
      return slip('"---" starts a second entry, and a file holds one entry: remove the line with ---');
    case "BAD_INDENT":
      // The other BAD_INDENT is a [ list ] never closed, for which yaml's own words are better.
      if (!error.message.startsWith("Flow")) return slip("this line is not lined up with the other lines of its block: indent it with as many spaces as they have");
      break;
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return restOfLine(text, offset).includes(": ")
        ? slip(`this text has a colon and a space (": ") in it, which YAML reads as a new field; ${PUT_IN_QUOTES}`)
        : slip("YAML reads this line and the next as one field name: check that the next line is indented like the ones above");
    case "MISSING_CHAR": {
      const quote = unclosedQuote(doc, offset);
      if (quote !== undefined) return slip(`this quote (${text[quote]}) is never closed: add the closing ${text[quote]} at the end of the text`, quote);
      break;
    }
    case "UNEXPECTED_TOKEN":
      if (text[offset - 1] === "'" || text[offset - 1] === '"') {
        return slip(`the text goes on after its closing quote: quote the whole text, and inside '...' write ' twice (O''zbekiston)`);
      }
  }
  const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return slip(`YAML cannot read this (${reason}): check the quotes and the indentation here`);
}

/** Words starting with * that refer to no anchor, and anchors (&) nothing refers to: both are text lost. */
function aliasSlips(doc: Document, text: string): Slip[] {
  const slips: Slip[] = [];
  const used = new Set<string>();
  const anchored: Node[] = [];
  visit(doc, {
    Alias(_, alias) {
      used.add(alias.source);
      if (alias.source !== "" && !alias.resolve(doc)) {
        slips.push({
          offset: alias.range![0],
          message: `"*${alias.source}" is not read as text: in YAML a word starting with * refers to an anchor; ${PUT_IN_QUOTES}`,
        });
      }
    },
    Node(_, node) {
      if (node.anchor) anchored.push(node);
    },
  });
  for (const node of anchored) {
    const anchor = node.anchor!;
    if (used.has(anchor)) continue;
    slips.push({
      offset: text.lastIndexOf(`&${anchor}`, node.range![0]),
      message: `"&${anchor}" is not read as text: in YAML a word starting with & names an anchor; ${PUT_IN_QUOTES}`,
    });
  }
  return slips;
}

/** The first use of the alias used most often. */
function mostUsedAlias(doc: Document): Alias {
  const uses = new Map<string, Alias[]>();
  visit(doc, {
    Alias(_, alias) {
      uses.set(alias.source, [...(uses.get(alias.source) ?? []), alias]);
    },
  });
  return [...uses.values()].reduce((most, aliases) => (aliases.length > most.length ? aliases : most))[0]!;
}

/** The key written at an offset (the second of a duplicate pair). */
function keyAt(doc: Document, offset: number): string {
  let key = "";
  visit(doc, {
    Pair(_, pair) {
      const node = pair.key as Node | null;
      if (node?.range?.[0] === offset) key = String(node);
    },
  });
  return key;
}

/** Where the quoted text that runs up to an offset opens. */
function unclosedQuote(doc: Document, offset: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_, scalar) {
      const quoted = scalar.type === "QUOTE_DOUBLE" || scalar.type === "QUOTE_SINGLE";
      if (quoted && scalar.range && scalar.range[1] >= offset) start ??= scalar.range[0];
    },
  });
  return start;
}

const restOfLine = (text: string, offset: number) => text.slice(offset).split("\n", 1)[0]!;

/** The 1-based line and column of an offset. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}
