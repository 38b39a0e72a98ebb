/**
 * Every date a person reads is written as a reader of their language writes
 * it ("1-mart, 2027", "1 марта 2027 г.", "1 March 2027"), never 2027-03-01:
 * a program's deadlines, a deadline reminder, and a scheduled announcement's card.
 */
import { describe, expect, it } from "vitest";
import { readers } from "../../../../src/bot/locale.js";
import { broadcastView } from "../../../../src/bot/jobs/delivery/view.js";
import { sectionView } from "../../../../src/bot/ui/answer-view.js";
import { htmlToText } from "../../../../src/bot/ui/html.js";
import { reminderMessage } from "../../../../src/bot/ui/reminder-message.js";
import type { ProgramEntry } from "../../../../src/knowledge/schema.js";
import type { Broadcast } from "../../../../src/storage/broadcasts.js";
import { sharedDeps } from "../composer-harness.js";

const readerOf = readers(sharedDeps());
const shipped = sharedDeps().catalog.kb.byId.get("erasmus-mundus") as ProgramEntry;
const withDeadline: ProgramEntry = {
  ...shipped,
  program: { ...shipped.program, deadlines: { to_confirm: false, items: [{ date: "2027-03-01", note: { uz: "Hujjatlar qabuli", ru: "Приём документов", en: "Applications close" } }] } },
};
/** 2027-02-19 in Tashkent: ten days before the deadline. */
const NOW = Date.parse("2027-02-19T12:00:00+05:00");

const scheduled: Broadcast = {
  id: 3,
  createdBy: 500,
  audience: { topic: "all" },
  sourceChatId: 500,
  messageIds: [1],
  status: "scheduled",
  scheduledAt: Date.parse("2027-03-01T09:00:00+05:00"),
  createdAt: NOW,
  startedAt: null,
  finishedAt: null,
  progress: { chatId: 500, messageId: 2 },
  lang: "en",
  resendOf: null,
  problem: null,
};
const noFigures = { figures: { total: 0, sent: 0, blocked: 0, failed: 0, pending: 0 } };

/** Intl's no-break and thin spaces, read as plain spaces. */
const spaced = (text: string) => text.replace(/\s/gu, (space) => (space === "\n" ? "\n" : " "));
const ISO_DATE = /\d{4}-\d\d-\d\d/;

describe.each([
  ["uz", "1-mart, 2027", "1-mart, 2027, 09:00 ga rejalashtirilgan"],
  ["uz-cyrl", "1-март, 2027", "1-март, 2027, 09:00 га режалаштирилган"],
  ["ru", "1 марта 2027 г.", "Запланировано на 1 марта 2027 г. в 09:00"],
  ["en", "1 March 2027", "Scheduled for 1 March 2027 at 09:00"],
] as const)("in %s", (ui, day, scheduledFor) => {
  const reader = readerOf(ui);

  it("a program's deadlines name the day in words", () => {
    const text = spaced(htmlToText(sectionView(reader, withDeadline, "deadlines").html));
    expect(text).toContain(`\n${day}: ${withDeadline.program.deadlines.items[0]!.note[reader.lang]}`);
    expect(text).not.toMatch(ISO_DATE);
  });

  it("a deadline that is over says so", () => {
    const over: ProgramEntry = { ...withDeadline, program: { ...withDeadline.program, deadlines: { ...withDeadline.program.deadlines, items: [{ ...withDeadline.program.deadlines.items[0]!, date: "2020-03-01" }] } } };
    const line = spaced(htmlToText(sectionView(reader, over, "deadlines").html)).split("\n").find((l) => l.includes("2020"));
    expect(line).toBe(`${day.replace("2027", "2020")}: ${withDeadline.program.deadlines.items[0]!.note[reader.lang]} ${reader.t("deadline-passed")}`);
  });

  it("a deadline reminder names the day in words", () => {
    const text = spaced(htmlToText(reminderMessage(reader, withDeadline, "2027-03-01", NOW).html));
    expect(text).toContain(day);
    expect(text).not.toMatch(ISO_DATE);
  });

  it("a scheduled announcement's card names the day and the time", () => {
    const text = spaced(htmlToText(broadcastView(reader, scheduled, noFigures).html));
    expect(text).toContain(scheduledFor);
    expect(text).not.toMatch(/\d\d\.\d\d\.\d{4}|\d{4}-\d\d-\d\d/);
  });
});
