/** The command-line tools, run as staff and scripts run them: as child processes. */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../fixtures/paths.js";
import { SLIPS } from "../fixtures/yaml-slips.js";

const TSX = join(ROOT, "node_modules/.bin/tsx");

async function run(script: string, args: string[], input = "", env: Record<string, string> = {}) {
  const child = execFile(TSX, [join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  child.stdin!.end(input);
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const broken = mkdtempSync(join(tmpdir(), "kb-broken-"));
cpSync(join(ROOT, "knowledge"), broken, { recursive: true });
const koica = join(broken, "programs/koica.yaml");
writeFileSync(koica, readFileSync(koica, "utf8").replace(/^title:\n  uz: .*\n/m, "title:\n"));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

/** A base with every YAML slip, each in a file of its own; the lines kb:check must print for them. */
const slipped = mkdtempSync(join(tmpdir(), "kb-slipped-"));
cpSync(join(ROOT, "knowledge"), slipped, { recursive: true });
const slipFiles = ["programs", "countries"].flatMap((folder) => readdirSync(join(slipped, folder)).sort().map((name) => join(slipped, folder, name)));
const slipLines = SLIPS.map((slip, i) => {
  const file = slipFiles[i]!;
  const { content, problem } = slip.make(readFileSync(file, "utf8"));
  writeFileSync(file, content);
  return `${file}${problem}`;
});
afterAll(() => rmSync(slipped, { recursive: true, force: true }));

describe("npm run ask", () => {
  it("answers 'erazmus' with the Erasmus Mundus card the chat sends, buttons included", async () => {
    const { code, stdout } = await run("src/cli/ask.ts", ["erazmus"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Erasmus Mundus\n/);
    expect(stdout).toContain("JDPU Yevropa Ittifoqining Erasmus Mundus ta'lim dasturlarida faol ishtirok etadi.");
    expect(stdout).toMatch(/^\[📄 Hujjatlar\] \[📅 Muddatlar\]$/m);
  });

  it("answers a question about a section with that section only, as the chat does", async () => {
    const { stdout } = await run("src/cli/ask.ts", ["when is the deadline for erasmus"]);
    expect(stdout).toBe(
      [
        "Erasmus Mundus",
        "",
        "Deadlines",
        "Deadlines are announced separately for each call — ask the department.",
        "The department has not yet published the deadlines for Erasmus Mundus.",
        "📞 Call the department: +998912090766",
        "",
        "[ℹ️ More details]",
        "[📄 Documents] [📝 How to apply]",
        "[🔔 Subscribe]",
        "",
      ].join("\n"),
    );
  });

  it("answers an Uzbek question in Uzbek, and Cyrillic in Cyrillic", async () => {
    const latin = await run("src/cli/ask.ts", ["Koreyada o'qish"]);
    expect(latin.stdout).toMatch(/^Janubiy Koreya\n/);
    expect(latin.stdout).toContain("hukumatlararo");
    const cyrillic = await run("src/cli/ask.ts", ["эразмус учун қандай ҳужжатлар керак"]);
    expect(cyrillic.stdout).toMatch(/^Erasmus Mundus\n\nҲужжатлар/);
    expect(cyrillic.stdout).toContain("• Хорижга чиқиш паспорти");
  });

  it("says honestly when it does not know, in the question's language, with the department's phone", async () => {
    const { code, stdout } = await run("src/cli/ask.ts", ["какая завтра погода"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Я не нашёл уверенного ответа/);
    expect(stdout).toContain("+998912090766");
  });

  it("--json reads one query per line and writes one JSON line each", async () => {
    const { code, stdout } = await run("src/cli/ask.ts", ["--json"], "erazmus\nКорея\n\nweather tomorrow\n");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    // One line per input line, the blank one included, so a tool can pair them up.
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatchObject({ query: "", results: [] });
    expect(lines[0]).toMatchObject({ query: "erazmus", ambiguous: false });
    expect(lines[0].results[0]).toMatchObject({ id: "erasmus-mundus", type: "program", title: "Erasmus Mundus" });
    expect(Object.keys(lines[0])).toEqual(["query", "lang", "ambiguous", "results", "facet", "answer", "buttons"]);
    expect(lines[0]).toMatchObject({ facet: "overview", buttons: expect.arrayContaining(["📄 Hujjatlar", "📅 Muddatlar"]) });
    expect(lines[0].answer).toMatch(/^Erasmus Mundus\n\n/);
    expect(Object.keys(lines[0].results[0])).toEqual(["id", "type", "title", "score"]);
    expect(lines[1]).toMatchObject({ query: "Корея", lang: "ru" });
    expect(lines[1].results[0]).toMatchObject({ id: "south-korea", title: "Южная Корея" });
    expect(lines[1].results.length).toBeLessThanOrEqual(5);
    expect(lines[3]).toMatchObject({ query: "weather tomorrow", lang: "en", ambiguous: false, results: [], facet: null });
    expect(lines[3].answer).toContain("I could not find a confident answer");
  });

  it("--json gives the facet, the plain answer and its buttons: a section, across programs, a country outside the partners", async () => {
    const { stdout } = await run("src/cli/ask.ts", ["--json"], "сколько стоит стажировка в Китае\nielts kerakmi\nYaponiyada o'qish uchun grant bormi?\n");
    const [section, across, japan] = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(section).toMatchObject({ facet: "cost", results: [{ id: "china-internship" }] });
    expect(section.answer).toContain("По программе «Стажировка в вузах Китая» отдел пока не сообщил стоимость.");
    expect(section.answer).toContain("+998912090766");
    expect(section.answer).not.toMatch(/<[a-z]/);
    expect(section.buttons).toEqual(["ℹ️ Подробнее", "👤 Кто может участвовать", "📝 Как подать заявку"]);
    expect(across.facet).toBe("language");
    expect(across.results.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(["erasmus-mundus", "koica", "china-internship"]));
    expect(across.answer).toContain("Erasmus Mundus, ITEC: IELTS 5,5, TOEFL 72");
    expect(japan).toMatchObject({ facet: "cost", results: [] });
    expect(japan.answer).toMatch(/^Yaponiya bo'limning hamkor davlatlari qatorida yo'q\./);
  });

  it("refuses a base with YAML slips, naming file, line and column, no stack trace", async () => {
    const { code, stderr } = await run("src/cli/ask.ts", ["koica"], "", { KNOWLEDGE_DIR: slipped });
    expect(code).toBe(1);
    for (const line of slipLines) expect(stderr).toContain(line);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a broken knowledge base with the file and field, no stack trace", async () => {
    const { code, stderr } = await run("src/cli/ask.ts", ["koica"], "", { KNOWLEDGE_DIR: broken });
    expect(code).toBe(1);
    expect(stderr).toMatch(/programs\/koica\.yaml: title\.uz: expected a text/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("npm run kb:check", () => {
  it("passes on the shipped base", async () => {
    const { code, stdout } = await run("src/cli/kb-check.ts", []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ knowledge: \d+ entries .* all valid/);
  });

  it("fails clearly on a broken base", async () => {
    const { code, stderr } = await run("src/cli/kb-check.ts", [broken]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/1 problem\(s\) to fix/);
    expect(stderr).toMatch(/programs\/koica\.yaml: title\.uz: expected a text/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("names the file, line and column of every YAML slip, in plain words, no stack trace", async () => {
    const { code, stderr } = await run("src/cli/kb-check.ts", [slipped]);
    expect(code).toBe(1);
    expect(stderr.split("\n").slice(1, -1)).toEqual(slipLines.map((line) => `  - ${line}`));
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
