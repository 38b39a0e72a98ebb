/**
 * `npm run ask -- "question"` prints the answer a student would get.
 * `npm run --silent ask -- --json` reads one query per line from stdin and
 * writes one JSON line per query, for tools and checks.
 */
import { createInterface } from "node:readline";
import { translatorFor } from "../bot/locale.js";
import { createI18n } from "../i18n.js";
import { describeEntry, descriptionToText } from "../knowledge/describe.js";
import { Catalog } from "../knowledge/catalog.js";
import { KnowledgeError } from "../knowledge/problems.js";

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
const { kb } = catalog;

if (args.includes("--json")) {
  // One output line for every input line, blank ones included, so tools can pair them up.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(JSON.stringify(catalog.search(line)) + "\n");
  }
} else if (args.length === 0) {
  console.error('Usage: npm run ask -- "your question"   or   npm run --silent ask -- --json < queries.txt');
  process.exit(2);
} else {
  const { lang, results, ambiguous } = catalog.search(args.join(" "));
  const t = translatorFor(createI18n(), lang);
  const [best, ...others] = results;
  if (!best) {
    console.log(t("search-no-answer"));
    const contact = kb.byId.get("international-department");
    if (contact) console.log("\n" + descriptionToText(describeEntry(kb, contact, lang, t)));
  } else {
    console.log(descriptionToText(describeEntry(kb, kb.byId.get(best.id)!, lang, t)));
    const alternatives = others.slice(0, 3);
    if (alternatives.length > 0) {
      console.log(`\n${t(ambiguous ? "search-did-you-mean" : "search-alternatives")} ${alternatives.map((r) => r.title).join(" · ")}`);
    }
  }
}
