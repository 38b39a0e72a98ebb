/**
 * The reminder job on its own clock: a reminder goes out REMINDER_DAYS before
 * the deadline at 09:00 Tashkent, not a minute earlier, once, also when a new
 * job (a restart) looks again.
 */
import { rmSync } from "node:fs";
import { Api } from "grammy";
import { afterAll, afterEach, expect, it } from "vitest";
import { FakeTelegram } from "../../../src/dev/fake-telegram/index.js";
import { createI18n } from "../../../src/i18n.js";
import { startReminderJob, type ReminderJob } from "../../../src/bot/jobs/reminders.js";
import { Catalog } from "../../../src/knowledge/catalog.js";
import { createLogger } from "../../../src/logger.js";
import { planReminder } from "../../../src/time/reminder-schedule.js";
import { openDatabase } from "../../../src/storage/database.js";
import { Store } from "../../../src/storage/store.js";
import type { BotContext } from "../../../src/bot/context.js";
import { knowledgeWithDeadlines } from "../../fixtures/knowledge-with-deadlines.js";
import { eventually } from "../harness.js";
import { TEST_RATE_LIMITS } from "../../fixtures/telegram-limits.js";

const DEADLINE = "2027-03-01";
/** The deadline as the reminder writes it, in the student's language (en). */
const DEADLINE_SHOWN = "1 March 2027";
const knowledge = knowledgeWithDeadlines({ "bspu-2plus2": [DEADLINE] });
afterAll(() => rmSync(knowledge, { recursive: true, force: true }));

let fake: FakeTelegram;
const jobs: ReminderJob[] = [];
afterEach(async () => {
  await Promise.all(jobs.splice(0).map((job) => job.stop()));
  await fake.stop();
});

it("sends a reminder at 09:00 Tashkent REMINDER_DAYS before the deadline, once, across a new job", async () => {
  fake = await FakeTelegram.start({ rateLimits: TEST_RATE_LIMITS });
  const student = fake.user({ languageCode: "en", startedBot: true });
  const store = new Store(openDatabase(":memory:"));
  store.users.see({ id: student.id, firstName: "Student", languageCode: "en" });
  store.flush();
  let clock = Date.parse("2027-02-20T12:00:00+05:00");
  const plan = planReminder([DEADLINE], 7, clock)!;
  expect(plan.remindAt).toBe(Date.parse("2027-02-22T09:00:00+05:00"));
  store.reminders.add(student.id, "bspu-2plus2", plan.deadline, plan.remindAt);

  const start = () =>
    jobs.push(
      startReminderJob({
        api: new Api(fake.token, { apiRoot: fake.apiRoot }),
        store,
        catalog: new Catalog(knowledge),
        i18n: createI18n<BotContext>(),
        logger: createLogger("silent"),
        intervalMs: 20,
        reminderDays: 7,
        now: () => clock,
      }),
    );
  start();
  clock = Date.parse("2027-02-22T08:59:00+05:00");
  await new Promise((r) => setTimeout(r, 150));
  expect(student.messages()).toEqual([]);

  clock = Date.parse("2027-02-22T09:00:00+05:00");
  const reminder = await eventually(() => student.messages()[0]);
  expect(reminder.text).toContain(`the deadline is ${DEADLINE_SHOWN} (in 7 days).`);

  await jobs[0]!.stop();
  start(); // as after a restart
  clock = Date.parse("2027-02-25T09:00:00+05:00");
  await new Promise((r) => setTimeout(r, 150));
  expect(student.messages()).toHaveLength(1);
  store.close();
});
