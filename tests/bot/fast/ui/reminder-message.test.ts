/** ui/reminder-message.ts: a deadline reminder as the background job sends it. */
import { describe, expect, it } from "vitest";
import { readers } from "../../../../src/bot/locale.js";
import { daysLeft, reminderMessage, withDeadlineNote } from "../../../../src/bot/ui/reminder-message.js";
import type { ProgramEntry } from "../../../../src/knowledge/schema.js";
import { sharedDeps } from "../composer-harness.js";

const readerOf = readers(sharedDeps());
const en = readerOf("en");
const { t } = en;
const shipped = sharedDeps().catalog.kb.byId.get("erasmus-mundus") as ProgramEntry;
/** 2026-02-19, 17:00 in Tashkent. */
const NOW = Date.parse("2026-02-19T12:00:00Z");

const withDeadlines = (toConfirm: boolean, title = shipped.title.en): ProgramEntry => ({
  ...shipped,
  title: { ...shipped.title, en: title },
  program: {
    ...shipped.program,
    deadlines: { to_confirm: toConfirm, items: [{ date: "2026-03-01", note: { uz: "Onlayn", ru: "Онлайн", en: "Apply online & early" } }, { date: "2026-04-01", note: { uz: "", ru: "", en: "" } }] },
  },
});

describe("reminderMessage", () => {
  it("names the program and the deadline, how far it is, its note, and offers the card and how to apply", () => {
    const view = reminderMessage(en, withDeadlines(false), "2026-03-01", NOW);
    expect(view.html).toBe("⏰ <b>Erasmus Mundus</b>: the deadline is 1 March 2026 (in 10 days).\nApply online &amp; early");
    expect(view.keyboard?.inline_keyboard).toEqual([
      [{ text: "🎓 Erasmus Mundus", callback_data: "remc:erasmus-mundus" }],
      [{ text: "📝 How to apply", callback_data: "aps:erasmus-mundus" }],
    ]);
  });

  it("marks dates to be confirmed, and escapes the program's title", () => {
    const view = reminderMessage(en, withDeadlines(true, "Erasmus <Mundus>"), "2026-03-01", NOW);
    expect(view.html.split("\n")[0]).toBe("⏰ <b>Erasmus &lt;Mundus&gt;</b>: the deadline is 1 March 2026 (in 10 days). (to be confirmed)");
  });

  it("writes the deadline as a reader of each language does", () => {
    const head = (ui: "uz" | "uz-cyrl" | "ru") => reminderMessage(readerOf(ui), withDeadlines(false), "2026-03-01", NOW).html.split("\n")[0];
    expect(head("uz")).toContain("1-mart, 2026");
    expect(head("uz-cyrl")).toContain("1-март, 2026");
    expect(head("ru")).toContain("1 марта 2026 г.");
  });

  it("leaves out an empty note", () => {
    expect(withDeadlineNote(en, withDeadlines(false), "2026-04-01", "line")).toBe("line");
  });
});

describe("daysLeft", () => {
  it("says today and tomorrow in words, by Tashkent's calendar", () => {
    expect(daysLeft(t, "2026-02-19", NOW)).toBe("today");
    expect(daysLeft(t, "2026-02-20", NOW)).toBe("tomorrow");
    // 20:00 UTC is already the next day in Tashkent.
    expect(daysLeft(t, "2026-02-20", Date.parse("2026-02-19T20:00:00Z"))).toBe("today");
  });
});
