/**
 * The database stops taking writes (a full disk): students are still
 * answered, what must not be lost is kept and written once the disk takes
 * writes again, and what cannot be kept (a subscription) fails out loud.
 */
import Database from "better-sqlite3";
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { startApp } from "../../src/app.js";
import type { Db } from "../../src/storage/database.js";
import type { Store } from "../../src/storage/store.js";
import { eventually, startBot, type Harness } from "./harness.js";

const ERROR = "Sorry, something went wrong on my side. Please try again in a moment.";
const QUESTION = "Would you like announcements from the department: new programs, calls for applications, deadlines?";

let h: Harness;
afterEach(async () => {
  expect(h.fake.rejected()).toEqual([]);
  await h.stop();
});

/** The bot's own connection: PRAGMAs hold per connection. */
const connectionOf = (store: Store) => (store as unknown as { db: Db }).db;

it("answers students while writes fail, writes what it kept once they work again, and refuses a subscription out loud", async () => {
  const lines: { level: number; msg: string; [field: string]: unknown }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  h = await startBot();
  await h.app.stop();
  h.app = await startApp(h.config, logger);
  const updateIds: number[] = [];
  h.fake.on("update", (update) => updateIds.push(update.update_id));

  connectionOf(h.app.store).pragma("query_only = ON"); // no write succeeds from now on
  const student = h.fake.user({ languageCode: "en", firstName: "Dilnoza" });
  expect((await student.send("/start")).text).toContain("Hello, Dilnoza!"); // the language it remembers is not written
  const question = await student.nextMessage();
  expect(question.text).toBe(QUESTION);
  expect((await student.send("koica")).text.startsWith("KOICA")).toBe(true); // its usage count is not written
  expect((await student.send("qwertyuiop zxcvb")).text).toContain("I could not find a confident answer"); // nor the unanswered query
  // A subscription cannot wait in memory: the student is told it failed.
  expect((await student.press(question, "Yes, all")).text).toBe(ERROR);
  expect(student.messages().filter((m) => m.text === ERROR)).toHaveLength(1);

  // Reported without flooding: the statistics once for all (the first to fail: the answer kept for "Was this helpful?",
  // the usage count written a few ms later, or the unanswered query), the batch once per try.
  const dropped = lines.filter((l) => l.msg.startsWith("could not write a statistic"));
  expect(dropped.map((l) => l.dropped)).toEqual([1]);
  expect(["search answer", "usage count", "unanswered query"]).toContain(dropped[0]!.what);
  expect(lines.filter((l) => l.msg.startsWith("could not write to the database")).length).toBeGreaterThan(0);

  // Read from a separate connection, as a backup or a restart would.
  const reader = new Database(h.config.DATABASE_PATH, { readonly: true });
  const userRow = () => reader.prepare("SELECT first_name, lang, subscription_asked FROM users WHERE id = ?").get(student.id);
  const handled = () => (reader.prepare(`SELECT COUNT(*) AS n FROM handled_updates WHERE update_id IN (${updateIds.join(", ")})`).get() as { n: number }).n;
  expect(userRow()).toBeUndefined();
  expect(handled()).toBe(0);

  connectionOf(h.app.store).pragma("query_only = OFF"); // space again
  await eventually(() => handled() === updateIds.length, 10_000);
  expect(userRow()).toEqual({ first_name: "Dilnoza", lang: "en", subscription_asked: 1 });
  expect(lines.some((l) => l.msg.startsWith("the database takes writes again"))).toBe(true);
  reader.close();

  // And the subscription works now.
  const done = await student.press(question, "Yes, all");
  expect(done.text).toContain("you will get every announcement");
  expect(h.app.store.subscriptions.topicsOf(student.id)).toEqual(["all"]);
});
