/**
 * `npm run chat`: the bot in the terminal. You write as a student; the bot's
 * answers appear with their buttons numbered, and typing a number presses one.
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
/** The buttons last shown, numbered from 1, with the message they belong to. */
let shown: { message: FakeMessage; text: string; data?: string; url?: string }[] = [];
let activity = 0;

const print = (message: FakeMessage, edited: boolean) => {
  activity++;
  const head = edited ? "bot (edited)" : "bot";
  console.log(`\n${head}> ${message.text.replace(/\n/g, "\n     ")}`);
  if (message.buttons.length === 0) return;
  shown = [];
  for (const row of message.buttons) {
    const cells = row.map((button) => {
      shown.push({ message, text: button.text, data: button.callbackData, url: button.url });
      return `[${shown.length}] ${button.text}`;
    });
    console.log(`     ${cells.join("   ")}`);
  }
};
fake.on("message", (m) => m.chatId === student.chatId && print(m, false));
fake.on("edit", (m) => m.chatId === student.chatId && print(m, true));

/** Waits for the bot's reply to what was just done: its first message, then a short quiet. */
async function settle(before: number): Promise<void> {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while (activity === before && Date.now() < deadline) await sleep(10);
  let seen = activity;
  for (;;) {
    await sleep(QUIET_MS);
    if (activity === seen) return;
    seen = activity;
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function act(input: string): Promise<void> {
  const before = activity;
  if (/^\d+$/.test(input)) {
    const button = shown[Number(input) - 1];
    if (!button) return void console.log(`(no button ${input}; ${shown.length ? `choose 1-${shown.length}` : "there are no buttons"})`);
    if (button.url) return void console.log(`(opens ${button.url})`);
    student.pressData(button.message, button.data!);
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
console.log("Write as a student. Type a number to press a button, '@ words' for inline search, /start to begin, Ctrl-D to quit.");
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
