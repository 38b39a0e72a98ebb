/** Every user-visible string exists in every language, and every key the code uses exists. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECTION_FACETS } from "../src/answers/facets.js";
import { EXAMS, LANGS, ROLES } from "../src/knowledge/schema.js";
import { UI_LANGS } from "../src/storage/users.js";
import { COMMANDS } from "../src/bot/commands.js";
import { OWNER_COMMANDS, STAFF_COMMANDS } from "../src/bot/middleware/roles.js";
import { LOCALES_DIR } from "../src/i18n.js";
import { ROOT } from "./fixtures/paths.js";

/** A language's keys, from all its files (locales/<lang>/*.ftl, one per audience). */
const keysOf = (lang: string) =>
  new Set(
    readdirSync(join(LOCALES_DIR, lang))
      .filter((file) => file.endsWith(".ftl"))
      .flatMap((file) => [...readFileSync(join(LOCALES_DIR, lang, file), "utf8").matchAll(/^([a-z][\w-]*)\s*=/gm)].map((m) => m[1]!)),
  );

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

/** Keys named in the code: t("key"), plus the families built from data (role-<role>, exam-<exam>, ...). */
function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles(join(ROOT, "src"))) {
    for (const m of readFileSync(file, "utf8").matchAll(/\b(?:t|translate)\(\s*"([a-z][\w-]*)"/g)) used.add(m[1]!);
  }
  ROLES.forEach((role) => used.add(`role-${role}`));
  Object.keys(EXAMS).forEach((exam) => used.add(`exam-${exam}`));
  ["greeting", "thanks", "identity"].forEach((kind) => used.add(`smalltalk-${kind}`));
  [...COMMANDS, ...STAFF_COMMANDS, ...OWNER_COMMANDS].forEach((cmd) => used.add(`cmd-${cmd}`));
  Object.keys(EXAMS).forEach((exam) => used.add(`exam-name-${exam}`));
  UI_LANGS.forEach((lang) => used.add(`language-name-${lang}`));
  ROLES.forEach((role) => used.add(`elig-role-${role}`));
  ["not-a-number", "out-of-range"].forEach((reason) => used.add(`elig-gpa-${reason}`));
  SECTION_FACETS.forEach((facet) => ["facet", "facet-button", "facet-missing"].forEach((family) => used.add(`${family}-${facet}`)));
  return used;
}

describe("locales", () => {
  const all = new Set(LANGS.flatMap((lang) => [...keysOf(lang)]));

  it.each(LANGS)("%s has every key of the other languages", (lang) => {
    const own = keysOf(lang);
    expect([...all].filter((key) => !own.has(key))).toEqual([]);
  });

  it("has every key the code uses", () => {
    expect([...keysUsedInCode()].filter((key) => !all.has(key))).toEqual([]);
  });

  it("has no key the code never uses", () => {
    // A key is used when the code names it anywhere, also in t(cond ? "a" : "b").
    const literals = new Set(sourceFiles(join(ROOT, "src")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"([a-z][\w-]*)"/g)].map((m) => m[1]!)));
    const used = new Set([...keysUsedInCode(), ...literals]);
    expect([...all].filter((key) => !used.has(key))).toEqual([]);
  });
});
