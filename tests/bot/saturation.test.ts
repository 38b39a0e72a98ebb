/**
 * Saturation, as `npm run bench:bot` makes it: many students ask at once and
 * the bot answers them in order, the last ones long after the first. Every
 * question is answered, however late; one the bot cannot answer leaves a log
 * line saying why.
 */
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { ReplyWaiter } from "../../bench/replies.js";
import { startApp } from "../../src/app.js";
import { startBot, type Harness } from "./harness.js";

/** How long the bot may send nothing at all before a waiting question counts as unanswered. */
const QUIET_MS = 2000;

interface LogLine {
  level: number;
  msg: string;
  update_id?: number;
}

let h: Harness;
let lines: LogLine[];
let replies: ReplyWaiter;
afterEach(async () => {
  replies.close();
  expect(h.fake.rejected()).toEqual([]);
  await h.stop();
});

/** The bot, with its log lines kept (warnings and errors). */
async function start() {
  lines = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  h = await startBot();
  await h.app.stop();
  h.app = await startApp(h.config, logger);
  replies = new ReplyWaiter(h.fake, QUIET_MS);
}

it("answers a burst that takes longer than a wait for one answer: every student, late or not", async () => {
  await start();
  // Telegram slow under load: each answer takes a second to go out. With 100 updates in hand at
  // a time, the 300th answer cannot come before three of them: 3 s, longer than QUIET_MS.
  h.fake.injectFault({ method: "sendMessage", delayMs: 1000 });
  const students = Array.from({ length: 300 }, () => h.fake.user({ languageCode: "en" }));
  const latencies = await Promise.all(students.map((student) => replies.ask(student, "koica")));

  expect(latencies.filter((ms) => ms === undefined)).toHaveLength(0);
  expect(Math.max(...(latencies as number[]))).toBeGreaterThan(QUIET_MS); // the last answers came after a fixed wait would have given up
  expect(students.filter((s) => !s.lastMessage()?.text.startsWith("KOICA"))).toEqual([]);
  expect(lines).toEqual([]); // nothing dropped
});

it("logs why, for each question it could not answer", async () => {
  await start();
  const students = Array.from({ length: 100 }, () => h.fake.user({ languageCode: "en" }));
  const unreachable = students.filter((_, i) => i % 25 === 0);
  for (const s of unreachable) h.fake.injectFault({ method: "sendMessage", chatId: s.chatId, errorCode: 400, description: "Bad Request: chat not found" });
  const updateOf = new Map<number, number>();
  h.fake.on("update", (update) => updateOf.set(update.message!.chat.id, update.update_id));

  const latencies = await Promise.all(students.map((student) => replies.ask(student, "koica")));

  const unanswered = students.filter((_, i) => latencies[i] === undefined);
  expect(unanswered).toEqual(unreachable);
  const errors = lines.filter((l) => l.msg === "error while handling an update");
  expect(errors.map((l) => l.update_id).sort()).toEqual(unreachable.map((s) => updateOf.get(s.chatId)).sort());
});
