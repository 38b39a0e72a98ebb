import { CONTRACT } from "./contract.js";
import { loadKnowledge, type FileChanges, type KnowledgeBase } from "./load.js";
import { KnowledgeError, type KnowledgeProblem } from "./problems.js";
import { ENTRY_TYPES } from "./schema.js";

export interface CheckReport {
  kb?: KnowledgeBase;
  problems: KnowledgeProblem[];
}

/**
 * Everything `npm run kb:check` verifies: a clean load, plus every contract id
 * present with its type. `changes`: files as a save would leave them, checked before it writes.
 */
export function checkKnowledge(dir: string, changes?: FileChanges): CheckReport {
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledge(dir, changes);
  } catch (error) {
    if (error instanceof KnowledgeError) return { problems: error.problems };
    throw error;
  }
  const problems: KnowledgeProblem[] = [];
  for (const type of ENTRY_TYPES) {
    for (const id of CONTRACT[type]) {
      const entry = kb.byId.get(id);
      if (!entry) problems.push({ file: dir, message: `the ${type} "${id}" is missing: the bot relies on it` });
      else if (entry.type !== type) problems.push({ file: dir, message: `"${id}" must be a ${type}, it is a ${entry.type}` });
    }
  }
  return { kb, problems };
}
