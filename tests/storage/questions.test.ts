import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/storage/database.js";
import { QuestionStore } from "../../src/storage/questions.js";

let db: Db;
let questions: QuestionStore;
beforeEach(() => {
  db = openDatabase(":memory:");
  questions = new QuestionStore(db);
});
afterEach(() => db.close());

describe("questions", () => {
  it("are found by their staff chat post, and answered once (the first answer is kept)", () => {
    const asked = questions.ask(7, "When is the KOICA call?", "ru", 3, 1000);
    if (asked.kind !== "asked") throw new Error(asked.kind);
    questions.attachPost(asked.question.id, -100, 55);
    expect(questions.byPost(-100, 55)).toMatchObject({ id: asked.question.id, userId: 7, text: "When is the KOICA call?", lang: "ru", answeredAt: null });
    expect(questions.byPost(-100, 56)).toBeUndefined();

    questions.markAnswered(asked.question.id, 42, 2000);
    questions.markAnswered(asked.question.id, 43, 3000);
    expect(questions.byPost(-100, 55)).toMatchObject({ answeredAt: 2000, answeredBy: 42 });
    expect(questions.open(10)).toEqual([]);
  });

  it("refuses a fourth open question and the same question twice, per student", () => {
    for (const text of ["one?", "two?", "three?"]) expect(questions.ask(7, text, "uz", 3).kind).toBe("asked");
    expect(questions.ask(7, "two?", "uz", 3)).toMatchObject({ kind: "duplicate", question: { text: "two?" } });
    expect(questions.ask(7, "four?", "uz", 3)).toEqual({ kind: "too-many", open: 3 });
    expect(questions.ask(8, "four?", "uz", 3).kind).toBe("asked");

    const [first] = questions.open(10);
    questions.markAnswered(first!.id, 42);
    expect(questions.ask(7, "four?", "uz", 3).kind).toBe("asked");
  });

  it("lists the open ones oldest first, and forgets one that never reached the staff chat", () => {
    const ids = [3000, 1000, 2000].map((at, i) => {
      const asked = questions.ask(i, `q${i}`, "en", 3, at);
      return asked.kind === "asked" ? asked.question.id : -1;
    });
    expect(questions.open(2).map((q) => q.askedAt)).toEqual([1000, 2000]);
    expect(questions.countOpen()).toBe(3);
    questions.remove(ids[0]!);
    expect(questions.countOpen()).toBe(2);
  });
});
