import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AnswerStore, firstWeekOf } from "../../src/storage/answers.js";
import { BestEffortWrites } from "../../src/storage/best-effort.js";
import { openDatabase, type Db } from "../../src/storage/database.js";
import { tashkentTime } from "../../src/time/tashkent.js";

let db: Db;
let answers: AnswerStore;
const reported: unknown[] = [];
const bestEffort = new BestEffortWrites({ warn: (fields: unknown) => reported.push(fields), info: () => {}, error: () => {} } as never);
beforeEach(() => {
  db = openDatabase(":memory:");
  answers = new AnswerStore(db, bestEffort);
});
afterEach(() => db.close());

/** A Tashkent moment: "2026-12-07 00:00" is a Monday's first minute there (Sunday 19:00 UTC). */
const at = (date: string, hour: number, minute = 0) => tashkentTime(date, hour) + minute * 60_000;

describe("search answers", () => {
  it("are written together a moment later, before any read; a new store starts its ids well past the last written, so ids lost in a crash are never given again", async () => {
    const first = answers.record({ userId: 7, query: "koica", lang: "en", entryIds: ["koica"] });
    const second = answers.record({ userId: 7, query: "erasmus", lang: "en", entryIds: ["erasmus-mundus"] });
    expect(second).toBe(first + 1);
    const count = () => (db.prepare("SELECT COUNT(*) AS n FROM search_answers").get() as { n: number }).n;
    expect(count()).toBe(0); // not yet: in memory
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(count()).toBe(2); // both in one batch
    const lost = answers.record({ userId: 7, query: "undp", lang: "en", entryIds: ["undp"] }); // the process dies before its batch
    const restarted = new AnswerStore(db, bestEffort);
    const next = restarted.record({ userId: 7, query: "china", lang: "en", entryIds: ["china"] });
    expect(next).toBeGreaterThan(lost);
    expect(restarted.markHelpful(lost, 7, true)).toBeUndefined();
    expect(restarted.markHelpful(next, 7, true)).toMatchObject({ query: "china", changed: true });
  });

  it("are recorded with what was shown, and rated once, by the asker only", () => {
    const id = answers.record({ userId: 7, query: "  erazmus\u200b grant ", lang: "uz", facet: "deadlines", entryIds: ["erasmus-mundus", "koica"] }, 1000);
    expect(answers.markHelpful(id, 8, false, 2000)).toBeUndefined(); // someone else's
    expect(answers.markHelpful(id + 1, 7, false, 2000)).toBeUndefined(); // no such answer
    expect(answers.markHelpful(id, 7, false, 3000)).toEqual({
      id,
      userId: 7,
      query: "erazmus grant",
      queryCut: false,
      lang: "uz",
      facet: "deadlines",
      entryIds: ["erasmus-mundus", "koica"],
      askedAt: 1000,
      helpful: false,
      answeredAt: 3000,
      changed: true,
    });
    // A second press, either way, changes nothing and says so.
    expect(answers.markHelpful(id, 7, true, 4000)).toMatchObject({ helpful: false, answeredAt: 3000, changed: false });
    expect(answers.markHelpful(id, 7, false, 5000)).toMatchObject({ helpful: false, answeredAt: 3000, changed: false });
  });

  it("keep no more of the question than the unanswered log would (200 characters), never half a character", () => {
    const long = answers.record({ userId: 1, query: "a".repeat(199) + "😀 and more", lang: "en", entryIds: ["koica"] });
    const marked = answers.markHelpful(long, 1, true)!;
    expect(marked.query).toBe("a".repeat(199));
    expect(marked.queryCut).toBe(true);
    expect(marked.facet).toBeNull();
    const exact = answers.record({ userId: 1, query: "b".repeat(200), lang: "en", entryIds: [] });
    expect(answers.markHelpful(exact, 1, true)).toMatchObject({ query: "b".repeat(200), queryCut: false });
  });

  it("count the votes per week, Monday to Sunday in Tashkent, oldest first, weeks without votes left out", () => {
    const vote = (when: number, helpful: boolean | undefined) => {
      const id = answers.record({ userId: 1, query: "q", lang: "en", entryIds: ["koica"] }, when);
      if (helpful !== undefined) answers.markHelpful(id, 1, helpful, when + 1);
    };
    vote(at("2026-11-22", 23, 59), true); // a Sunday night in Tashkent: the week of 16.11, before `since`
    vote(at("2026-11-23", 0), true); // Monday 00:00 in Tashkent (Sunday 19:00 UTC): the week of 23.11
    vote(at("2026-11-29", 23, 59), false);
    vote(at("2026-11-25", 12), undefined); // not rated: not a vote
    vote(at("2026-12-06", 10), true); // nothing rated the week of 30.11
    vote(at("2026-12-07", 9), true);
    vote(at("2026-12-08", 9), false);
    vote(at("2026-12-09", 9), true);
    expect(answers.helpfulByWeek(at("2026-11-23", 0))).toEqual([
      { week: "2026-11-23", helpful: 1, votes: 2 },
      { week: "2026-11-30", helpful: 1, votes: 1 },
      { week: "2026-12-07", helpful: 2, votes: 3 },
    ]);
  });

  it("the first of the last N weeks starts on a Monday in Tashkent", () => {
    // Wednesday 09.12.2026: this week from Monday 07.12; 8 weeks back from Monday 19.10.
    expect(firstWeekOf(1, at("2026-12-09", 12))).toBe("2026-12-07");
    expect(firstWeekOf(8, at("2026-12-09", 12))).toBe("2026-10-19");
    // Monday 00:30 in Tashkent is still Sunday in UTC: the week is Tashkent's.
    expect(firstWeekOf(1, at("2026-12-07", 0, 30))).toBe("2026-12-07");
    // Sunday 23:30 in Tashkent: the week that began on Monday 30.11.
    expect(firstWeekOf(1, at("2026-12-06", 23, 30))).toBe("2026-11-30");
  });
});
