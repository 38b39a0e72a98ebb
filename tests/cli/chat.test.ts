/** `npm run chat`, driven the way a newcomer uses it: a question, then button numbers. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../fixtures/paths.js";

function chat(input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli/chat.ts")], { cwd: ROOT, timeout: 30_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin!.end(input);
  });
}

it("lets a newcomer ask 'erasmus haqida' and tap through to the contacts", async () => {
  const output = await chat("erasmus haqida\n5\n");
  expect(output).toContain("bot> Assalomu alaykum, Student!");
  expect(output).toMatch(/\[1\] 🎓 Dasturlar\s+\[2\] 🌍 Hamkor davlatlar/);
  expect(output).toContain("bot> Erasmus Mundus");
  // The program card's buttons, then "Was this helpful?"; [5] is the contacts.
  expect(output).toMatch(
    /\[1\] 📄 Hujjatlar\s+\[2\] 📅 Muddatlar\s+\[3\] 📝 Ariza topshirish\s+\[4\] ✅ Men mos kelamanmi\?\s+\[5\] 📞 Aloqa\s+\[6\] 🔔 Obuna bo'lish\s+\[7\] ⬅️ Dasturlar\s+\[8\] 👍 Foydali\s+\[9\] 👎 Yordam bermadi/,
  );
  expect(output).toContain("bot (edited)> Xalqaro hamkorlik bo'limi bilan bog'lanish");
  expect(output).toContain("+998912090766");
  expect(output.trim().endsWith("Bye!")).toBe(true);
}, 40_000);

it("says so when a number is not a button", async () => {
  const output = await chat("9\n");
  expect(output).toContain("(no button 9; choose 1-3)"); // the last message is the once-only announcements question
}, 40_000);
