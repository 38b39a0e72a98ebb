/**
 * `npm run ask -- "question"` prints the answer a student would get in the
 * chat (src/answers/answer.ts, rendered by src/bot/ui/answer-view.ts), as
 * plain text with its buttons, so staff who check an edit see what students see.
 * `npm run --silent ask -- --json` reads one query per line from stdin and
 * writes one JSON line per query, for tools and checks.
 */
import { createInterface } from "node:readline";
import { answerQuestion, type AnsweredQuestion } from "../answers/answer.js";
import { readers } from "../bot/locale.js";
import { answerView } from "../bot/ui/answer-view.js";
import { htmlToText } from "../bot/ui/html.js";
import type { View } from "../bot/ui/view.js";
import { createI18n } from "../i18n.js";
import { Catalog } from "../knowledge/catalog.js";
import { KnowledgeError } from "../knowledge/problems.js";
import { mostlyCyrillic } from "../search/language.js";

const dir = process.env.KNOWLEDGE_DIR ?? "knowledge";
// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
const args = process.argv.slice(2);

function open(): Catalog {
  try {
    return new Catalog(dir);
  } catch (error) {
    // The base's problems, or one plain line for anything else: never a stack trace.
    console.error(error instanceof KnowledgeError ? error.message : `${dir}: the knowledge base could not be read: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const catalog = open();
const readerOf = readers({ i18n: createI18n(), catalog });

/** The answer as the chat would send it to someone who typed `query` (Uzbek in the script it was typed in). */
function answer(query: string): { answered: AnsweredQuestion; view: View } {
  const answered = answerQuestion(catalog, query);
  const ui = answered.lang === "uz" && mostlyCyrillic(query) ? "uz-cyrl" : answered.lang;
  return { answered, view: answerView(readerOf(ui), answered) };
}

const buttonsOf = (view: View): string[] => view.keyboard?.inline_keyboard.flat().map((b) => b.text) ?? [];

if (args.includes("--json")) {
  // One output line for every input line, blank ones included, so tools can pair them up.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const { answered, view } = answer(line);
    const { query, lang, ambiguous, results, facet } = answered;
    const hits = results.map(({ id, type, title, score }) => ({ id, type, title, score }));
    process.stdout.write(JSON.stringify({ query, lang, ambiguous, results: hits, facet, answer: htmlToText(view.html), buttons: buttonsOf(view) }) + "\n");
  }
} else if (args.length === 0) {
  console.error('Usage: npm run ask -- "your question"   or   npm run --silent ask -- --json < queries.txt');
  process.exit(2);
} else {
  const { view } = answer(args.join(" "));
  console.log(htmlToText(view.html));
  const buttons = view.keyboard?.inline_keyboard.map((row) => row.map((b) => `[${b.text}]`).join(" ")) ?? [];
  if (buttons.length > 0) console.log(`\n${buttons.join("\n")}`);
}
