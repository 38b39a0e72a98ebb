/** `npm run kb:check [DIR]`: staff run this after editing knowledge/. */
import { formatProblem } from "../knowledge/problems.js";
import { checkKnowledge, type CheckReport } from "../knowledge/check.js";
import { ENTRY_TYPES } from "../knowledge/schema.js";

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? "knowledge";
const { kb, problems } = check();

if (problems.length > 0) {
  console.error(`✗ ${dir}: ${problems.length} problem(s) to fix:`);
  for (const problem of problems) console.error(`  - ${formatProblem(problem)}`);
  process.exit(1);
}
const counts = ENTRY_TYPES.map((type) => `${kb!.entries.filter((e) => e.type === type).length} ${type}`);
console.log(`✓ ${dir}: ${kb!.entries.length} entries (${counts.join(", ")}), all valid.`);

/** The report; an error that is not a problem of the files ends the check with one plain line, no stack trace. */
function check(): CheckReport {
  try {
    return checkKnowledge(dir);
  } catch (error) {
    console.error(`✗ ${dir}: the check could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
