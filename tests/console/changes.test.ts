/**
 * What History says a publish changed (src/console/page/changes.js, a browser
 * module with no DOM use of its own): field by field with the form's labels,
 * items added or removed whole, names instead of the file's codes, in uz, ru, en.
 */
import { beforeAll, describe, expect, it } from "vitest";

type Change = { label: string; kind: string; text?: string; from?: string; to?: string };
let changesBetween: (before: unknown, after: unknown) => Change[];
let setLanguage: (lang: string) => void;
let problemMessage: (message: string) => string;

beforeAll(async () => {
  // labels.js sets the page's lang on <html>.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  // @ts-expect-error: the page's plain browser modules have no types.
  ({ changesBetween } = (await import("../../src/console/page/changes.js")) as never);
  // @ts-expect-error: as above.
  ({ setLanguage, problemMessage } = (await import("../../src/console/page/labels.js")) as never);
});

const before = {
  title: { uz: "Erasmus Mundus", ru: "Erasmus Mundus", en: "Erasmus Mundus" },
  program: {
    eligibility: { roles: ["bachelor", "master"], languages: [{ exam: "ielts", min: 5.5 }], min_gpa: { value: 4, scale: 5 } },
    deadlines: { to_confirm: true, items: [{ date: "2027-03-01", note: { uz: "Arizalar qabuli", ru: "Приём заявок", en: "Applications open" } }] },
    documents: { items: [{ id: "passport", text: { uz: "Pasport", ru: "Паспорт", en: "Passport" } }, { id: "cv", text: { uz: "CV", ru: "Резюме", en: "CV" } }] },
  },
};

function edited() {
  const after = structuredClone(before);
  after.program.eligibility.roles = ["master", "teacher"];
  after.program.eligibility.languages.unshift({ exam: "toefl", min: 72 });
  after.program.eligibility.min_gpa.scale = 100;
  after.program.deadlines.to_confirm = false;
  after.program.deadlines.items.unshift({ date: "2027-01-15", note: { uz: "Ro'yxatdan o'tish", ru: "Регистрация", en: "Registration" } });
  after.program.deadlines.items[1]!.date = "2027-03-15";
  after.program.documents.items.splice(0, 1);
  return after;
}

const read = (changes: Change[]) => changes.map((c) => `${c.label}: ${c.kind === "changed" ? `${c.from} → ${c.to}` : `${c.kind} ${c.text}`}`);

describe("what a publish changed", () => {
  it("reads field by field, in English", () => {
    setLanguage("en");
    expect(read(changesBetween(before, edited()))).toEqual([
      "Who can apply › Who: removed Bachelor students",
      "Who can apply › Who: added Teachers",
      "Who can apply › Language certificates (any one): added TOEFL (score 0–120) — 72",
      "Who can apply › Minimum GPA › Scale: out of 5 → out of 100",
      "Deadlines › To be confirmed: yes → no",
      "Deadlines: added 15 January 2027 — Registration",
      "Deadlines › 2 › Date: 1 March 2027 → 15 March 2027",
      "Documents: removed Passport",
    ]);
  });

  it("in Russian and Uzbek, with their dates", () => {
    setLanguage("ru");
    expect(read(changesBetween(before, edited()))).toContain("Сроки: added 15 января 2027 г. — Регистрация");
    setLanguage("uz");
    const uz = read(changesBetween(before, edited()));
    expect(uz).toContain("Muddatlar › 2 › Sana: 1-mart, 2027 → 15-mart, 2027");
    expect(uz).toContain("Kim qatnasha oladi › Eng kam GPA › Shkala: 5 ballik → 100 ballik");
  });

  it("says nothing when only the file's layout changed", () => {
    expect(changesBetween(before, structuredClone(before))).toEqual([]);
  });
});

describe("the knowledge check's messages in the page", () => {
  it("in plain words in the staff member's language, values kept", () => {
    setLanguage("ru");
    expect(problemMessage("expected a date as YYYY-MM-DD")).toBe("Выберите дату.");
    expect(problemMessage("expected min between 0 and 9 for ielts")).toBe("Для IELTS укажите число от 0 до 9.");
    setLanguage("uz");
    expect(problemMessage("expected a level from A2 to C1 for national")).toBe("Milliy sertifikat uchun A2 dan C1 gacha daraja yozing.");
    setLanguage("en");
    expect(problemMessage('links to "old-topic", which no entry has as its id')).toBe('There is no entry "old-topic" to link to: choose one from the list.');
    expect(problemMessage("something the page does not know")).toBe("something the page does not know");
  });
});
