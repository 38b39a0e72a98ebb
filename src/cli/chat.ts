/**
 * `npm run chat`: the bot in the terminal. You write as a student; the bot's
 * answers appear with their buttons, and typing a number presses one of the
 * message you look at: the latest with buttons, whose buttons are numbered
 * ([1], [2]...). Older messages' buttons are shown without numbers, and a
 * number that is no button of that message is sent as text (a GPA, a year).
 * The same bot code as in production, talking to an in-process fake Telegram:
 * no token, no network. Staff try their knowledge edits here.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { startApp } from "../app.js";
import { loadConfig } from "../config.js";
import { FakeTelegram, type FakeMessage } from "../dev/fake-telegram/index.js";
import { KnowledgeError } from "../knowledge/problems.js";
import { createLogger } from "../logger.js";

/** After the bot's first reply, how long to wait for more before asking for input again. */
const QUIET_MS = 250;
const REPLY_TIMEOUT_MS = 5000;

const fake = await FakeTelegram.start({ botUsername: "jspu_playground_bot", botFirstName: "JSPU International" });
const dataDir = mkdtempSync(join(tmpdir(), "jspu-chat-"));
let app;
try {
  app = await startApp(
    loadConfig({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: join(dataDir, "playground.sqlite"),
      KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR || "./knowledge",
      PORT: "0",
      LOG_LEVEL: "silent",
    }),
    createLogger(process.env.LOG_LEVEL || "silent"),
  );
} catch (error) {
  console.error(error instanceof KnowledgeError ? error.message : error);
  await fake.stop();
  process.exit(1);
}

const student = fake.user({ firstName: process.env.CHAT_NAME || "Student", languageCode: process.env.CHAT_LANGUAGE || "uz" });
/** The message whose buttons the numbers press: the latest printed with buttons. */
let current: FakeMessage | undefined;
/** The bot's messages since the student last acted, printed together once it is quiet (see settle). */
let arrived: { message: FakeMessage; edited: boolean }[] = [];
let settling = false;
let activity = 0;

const indent = (text: string) => text.replace(/\n/g, "\n     ");

/** Prints what arrived; the last of it with buttons becomes the current message, and only its buttons get numbers. */
function printArrived(): void {
  const batch = arrived;
  arrived = [];
  const latest = batch.filter(({ message }) => message.buttons.length > 0).at(-1)?.message;
  if (latest) current = latest;
  else if (batch.some(({ message }) => message.messageId === current?.messageId)) current = undefined; // its buttons were taken away
  for (const { message, edited } of batch) {
    console.log(`\n${edited ? "bot (edited)" : "bot"}> ${indent(message.text)}`);
    let number = 0;
    for (const row of message.buttons) {
      const cells = row.map((button) => (message === latest ? `[${++number}] ${button.text}` : `· ${button.text}`));
      console.log(`     ${cells.join("   ")}`);
    }
  }
}

const arrive = (message: FakeMessage, edited: boolean) => {
  if (message.chatId !== student.chatId) return;
  activity++;
  arrived.push({ message, edited });
  if (!settling) printArrived(); // something the bot sent by itself (a reminder): shown at once
};
fake.on("message", (m) => arrive(m, false));
fake.on("edit", (m) => arrive(m, true));
fake.on("delete", ({ chatId, messageId }) => {
  if (chatId === current?.chatId && messageId === current.messageId) current = undefined;
});

/** Waits for the bot's reply to what was just done (its first message, then a short quiet), then prints it. */
async function settle(before: number): Promise<void> {
  settling = true;
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while (activity === before && Date.now() < deadline) await sleep(10);
  let seen = activity;
  for (;;) {
    await sleep(QUIET_MS);
    if (activity === seen) break;
    seen = activity;
  }
  settling = false;
  printArrived();
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The current message's button a number names, if it names one. */
const buttonNumbered = (input: string) => (/^\d+$/.test(input) ? current?.buttons.flat()[Number(input) - 1] : undefined);

async function act(input: string): Promise<void> {
  const before = activity;
  const button = buttonNumbered(input);
  if (button) {
    if (button.callbackData === undefined) return void console.log(button.url ? `(opens ${button.url})` : "(this button opens inline mode: type '@ words')");
    student.pressData(current!, button.callbackData);
  } else if (input.startsWith("@")) {
    const results = (await student.inline(input.replace(/^@\S*\s*/, ""))) as { title: string; description?: string }[];
    console.log(results.map((r, i) => `  ${i + 1}. ${r.title}${r.description ? ` — ${r.description}` : ""}`).join("\n") || "  (no results)");
    return;
  } else {
    student.sendNoWait(input);
  }
  await settle(before);
}

console.log("JSPU International Cooperation bot — local playground (no Telegram needed).");
console.log("Write as a student. A number presses the button marked with it: [1], [2]... are the buttons of the bot's latest");
console.log("message with buttons; buttons marked · are older ones. Any other number is sent as text. '@ words' tries inline");
console.log("search, Ctrl-D quits.");
const before = activity;
student.sendNoWait("/start");
await settle(before);

// At a terminal, a prompt; with input piped in (a script, a test), each line is echoed instead.
const interactive = Boolean(process.stdin.isTTY);
const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
rl.setPrompt("\nyou> ");
if (interactive) rl.prompt();
for await (const line of rl) {
  const input = line.trim();
  if (input === ":q" || input === "/quit") break;
  if (input !== "") {
    if (!interactive) console.log(`\nyou> ${input}`);
    await act(input);
  }
  if (interactive) rl.prompt();
}
rl.close();
await app.stop();
await fake.stop();
rmSync(dataDir, { recursive: true, force: true });
console.log("\nBye!");
