/**
 * `npm run bench:bot`: simulated students through the fake Bot API server,
 * the bot on long polling in its own process (the compiled `npm start`),
 * side by side with a bare grammY bot that answers every message with a fixed
 * text. Two loads, each on fresh bot processes:
 *
 * - paced: 1,000 users × 10 free-text questions, each user thinking 0.5-1.5 s
 *   (seeded) after an answer before the next question — students typing as
 *   fast as people do, within the bot's per-user flood limit;
 * - saturation: 10,000 users × 1 question, all at once: raw capacity.
 *
 * Each bot process first answers 3,000 warm-up questions (not measured). Reports throughput (updates/s), latency from update to reply (p50, p99,
 * the slowest), the bot process's peak RSS, and the warnings and errors it
 * logged (an update dropped on purpose is logged). A question is unanswered
 * only if the bot goes quiet for 15 s while it waits (replies.ts): the last of
 * 10,000 questions sent at once is answered late, not never.
 * Goal: >= 80% of the bare bot's throughput, p99 < 50 ms, peak RSS < 150 MB.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { FakeTelegram, type FakeUser } from "../src/dev/fake-telegram/index.js";
import { loadQueries } from "../tests/search/evaluate.js";
import { freePort, peakRssMb, sleep, startFlags } from "./child.js";
import { ReplyWaiter } from "./replies.js";

/** Questions still waiting when the bot has sent nothing for this long are unanswered. */
const QUIET_MS = 15_000;
const WARM_UP_USERS = 300;
const WARM_UP_QUESTIONS = 10;
const questions = loadQueries("queries.yaml").filter((q) => q.expect.length > 0);
const languageOf = { en: "en", ru: "ru", "uz-latn": "uz", "uz-cyrl": "uz" } as const;

interface Load {
  name: string;
  users: number;
  questionsEach: number;
  /** Think time before each next question, ms. */
  think: (random: () => number) => number;
}

const LOADS: Load[] = [
  { name: "paced", users: 1000, questionsEach: 10, think: (random) => 500 + 1000 * random() },
  { name: "saturation", users: 10_000, questionsEach: 1, think: () => 0 },
];

/** Each bot as it runs in production: the JSPU bot with the Node flags of `npm start`. */
const BOTS = [
  { name: "bare grammY, fixed reply", args: ["bench/bare-bot.mjs"] },
  { name: "JSPU bot", args: [...startFlags(), "dist/src/main.js"] },
];

function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

async function run(bot: (typeof BOTS)[number], load: Load) {
  const fake = await FakeTelegram.start();
  const dir = mkdtempSync(join(tmpdir(), "bench-bot-"));
  const child = spawn(process.execPath, bot.args, {
    env: {
      ...process.env,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: join(dir, "bench.sqlite"),
      PORT: String(await freePort()),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // pino's levels: 40 warn, 50 error, 60 fatal.
  let logged = 0;
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (/"level":[456]0\b/.test(line)) logged++;
  });
  const replies = new ReplyWaiter(fake, QUIET_MS);
  try {
    for (const deadline = Date.now() + 30_000; !fake.isPolling(); await sleep(20)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${bot.name} did not start polling`);
    }
    // Warm-up, not measured: a fresh process answers its first thousands of
    // questions slower while the JIT compiles the hot paths (steady state is what is measured).
    const warmUp = Array.from({ length: WARM_UP_USERS }, (_, i) => fake.user({ languageCode: languageOf[questions[i % questions.length]!.group] }));
    await Promise.all(
      warmUp.map(async (user, i) => {
        for (let k = 0; k < WARM_UP_QUESTIONS; k++) {
          await replies.ask(user, questions[(i * WARM_UP_QUESTIONS + k + 7) % questions.length]!.q);
          await sleep(500); // a person at a brisk pace, within the flood limit
        }
      }),
    );
    const random = seeded(42);
    const users: FakeUser[] = Array.from({ length: load.users }, (_, i) =>
      fake.user({ firstName: `Student ${i}`, languageCode: languageOf[questions[i % questions.length]!.group] }),
    );
    const latencies: number[] = [];
    let unanswered = 0;
    logged = 0; // what the measured load made the bot log
    const started = performance.now();
    await Promise.all(
      users.map(async (user, u) => {
        // Students arrive spread over one think time, not all in the same millisecond.
        await sleep(load.think(random) * random());
        for (let k = 0; k < load.questionsEach; k++) {
          if (k > 0) await sleep(load.think(random));
          const latency = await replies.ask(user, questions[(u * load.questionsEach + k) % questions.length]!.q);
          if (latency === undefined) unanswered++;
          else latencies.push(latency);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    const slowest = (latencies.at(-1) ?? NaN) / 1000;
    return { replies: latencies.length, unanswered, logged, seconds, throughput: latencies.length / seconds, p50: at(0.5), p99: at(0.99), slowest, rss: peakRssMb(child.pid!) };
  } finally {
    replies.close();
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Bot benchmark: long polling through the fake Bot API, Node ${process.version}\n`);
console.log("| load | bot | replies | unanswered | warnings logged | time (s) | updates/s | p50 (ms) | p99 (ms) | slowest (s) | peak RSS (MB) |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
const ratios: string[] = [];
for (const load of LOADS) {
  const [bare, ours] = [await run(BOTS[0]!, load), await run(BOTS[1]!, load)];
  for (const [bot, r] of [[BOTS[0]!, bare], [BOTS[1]!, ours]] as const) {
    const label = `${load.name}: ${load.users.toLocaleString("en")} × ${load.questionsEach}`;
    console.log(
      `| ${label} | ${bot.name} | ${r.replies} | ${r.unanswered} | ${r.logged} | ${r.seconds.toFixed(1)} | ${r.throughput.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.slowest.toFixed(1)} | ${r.rss.toFixed(0)} |`,
    );
  }
  ratios.push(`${load.name}: the JSPU bot keeps ${((100 * ours.throughput) / bare.throughput).toFixed(0)}% of the bare bot's throughput`);
}
console.log(`\n${ratios.join("\n")}`);
console.log("Goal: >= 80% of the bare bot's throughput, p99 < 50 ms, peak RSS < 150 MB.");
