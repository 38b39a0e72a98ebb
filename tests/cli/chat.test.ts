/**
 * `npm run chat`, driven the way a newcomer uses it: a question, then button
 * numbers. Only the buttons of the latest message with buttons have numbers;
 * any other number goes to the bot as text.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { translatorFor } from "../../src/bot/locale.js";
import { createI18n } from "../../src/i18n.js";
import { ROOT } from "../fixtures/paths.js";

const TSX = join(ROOT, "node_modules/.bin/tsx");
const CHAT = join(ROOT, "src/cli/chat.ts");
const t = translatorFor(createI18n(), "uz");

/** The whole session for `input` piped in at once. */
function chat(input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(TSX, [CHAT], { cwd: ROOT, timeout: 30_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin!.end(input);
  });
}

/** Playgrounds still running: a failed test leaves none behind. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill();
  running.clear();
});

/** The playground driven a line at a time, to press buttons by what they say rather than by where they are. */
function playground() {
  const child = spawn(TSX, [CHAT], { cwd: ROOT });
  running.add(child);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Waits for the bot's reply: the playground prints it all at once, when the bot has gone quiet. */
  async function reply(from: number): Promise<string> {
    for (let waited = 0; !/\nbot/.test(output.slice(from)); waited += 20) {
      if (waited > 15_000) throw new Error(`no reply after: ${output.slice(from)}`);
      await sleep(20);
    }
    await sleep(100);
    return output.slice(from);
  }
  return {
    started: () => reply(0),
    async type(line: string): Promise<string> {
      const from = output.length;
      child.stdin.write(`${line}\n`);
      return reply(from);
    },
    /** Types the number the last reply shows beside `label`. */
    async press(label: string): Promise<string> {
      const lastReply = output.slice(output.lastIndexOf("\nbot"));
      const shown = [...lastReply.matchAll(/\[(\d+)\] ([^\n]+?)(?= {3}\[|\n|$)/g)].find((m) => m[2] === label);
      if (!shown) throw new Error(`no numbered button "${label}" in: ${lastReply}`);
      return this.type(shown[1]!);
    },
    async quit(): Promise<string> {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.stdin.end();
      await exited;
      running.delete(child);
      return output;
    },
  };
}

it("lets a newcomer ask 'erasmus haqida' and tap through to the contacts", async () => {
  const output = await chat("erasmus haqida\n5\n");
  expect(output).toContain("bot> Assalomu alaykum, Student!");
  expect(output).toContain("bot> Erasmus Mundus");
  // The program card's buttons, then "Was this helpful?"; [5] is the contacts.
  expect(output).toMatch(
    /\[1\] 📄 Hujjatlar\s+\[2\] 📅 Muddatlar\s+\[3\] 📝 Ariza topshirish\s+\[4\] ✅ Men mos kelamanmi\?\s+\[5\] 📞 Aloqa\s+\[6\] 🔔 Obuna bo'lish\s+\[7\] ⬅️ Dasturlar\s+\[8\] 👍 Foydali\s+\[9\] 👎 Yordam bermadi/,
  );
  expect(output).toContain("bot (edited)> Xalqaro hamkorlik bo'limi bilan bog'lanish");
  expect(output).toContain("+998912090766");
  expect(output.trim().endsWith("Bye!")).toBe(true);
}, 40_000);

it("numbers only the buttons of the latest message: /start's menu shows its buttons unnumbered, the question after it numbered", async () => {
  const output = await chat("");
  const [menu, question] = output.split("\nbot> ").slice(1);
  expect(menu).toContain(t("menu-title"));
  expect(menu).toMatch(/\n {5}· 🎓 Dasturlar {3}· 🌍 Hamkor davlatlar\n/);
  expect(menu).not.toMatch(/\[\d+\]/);
  expect(question).toContain(t("subs-question"));
  expect(question).toMatch(new RegExp(`\\[1\\] ${t("subs-yes-all")}\\n {5}\\[2\\] ${t("subs-choose-topics")}\\n {5}\\[3\\] ${t("subs-no-thanks")}`));
}, 40_000);

it("presses a number of the latest message, and sends any other number to the bot as text", async () => {
  const session = playground();
  await session.started();
  // 3 is "No, thanks" under the question, not the menu's third button above it.
  expect(await session.type("3")).toContain(t("subs-declined"));
  // 85 is no button: the bot gets it as a question (and finds nothing to answer), nobody is subscribed.
  const answer = await session.type("85");
  expect(answer).toContain(`bot> ${t("search-no-answer")}`);
  expect(answer).not.toContain(t("subs-subscribed-all"));
  await session.quit();
}, 40_000);

it("takes a number typed as a GPA as the GPA", async () => {
  const session = playground();
  await session.started();
  await session.type("/eligibility");
  await session.press(t("elig-role-bachelor"));
  await session.press("2"); // the year of study
  await session.press(t("elig-skip")); // the field of study
  expect(await session.press(t("elig-scale-100"))).toContain(t("elig-ask-gpa", { scale: 100, example: "85" }).split(",")[0]!);
  // Not a button of the question (it has Back and Cancel): the bot reads it as the GPA and asks the next question.
  expect(await session.type("85")).toContain(`bot> ${t("elig-ask-certificate")}`);
  await session.quit();
}, 40_000);
