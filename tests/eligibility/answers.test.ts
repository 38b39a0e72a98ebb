/** src/eligibility/answers.ts: typed answers read as people type them, and what is a question instead. */
import { describe, expect, it } from "vitest";
import { isQuestion, parseCertificate, parseGpa, parseScale, parseScore, parseYear } from "../../src/eligibility/answers.js";

describe("a GPA", () => {
  it.each([
    ["4.2", 5, { value: 4.2, scale: 5 }],
    ["4,2", 5, { value: 4.2, scale: 5 }],
    ["85", 100, { value: 85, scale: 100 }],
    ["85/100", 5, { value: 85, scale: 100 }],
    ["4.5 out of 5", 100, { value: 4.5, scale: 5 }],
    // Units and words around the number.
    ["85 ball", 100, { value: 85, scale: 100 }],
    ["85 балл", 100, { value: 85, scale: 100 }],
    ["85 баллов", 100, { value: 85, scale: 100 }],
    ["85 points", 100, { value: 85, scale: 100 }],
    ["GPA 4.3", 5, { value: 4.3, scale: 5 }],
    ["gpa: 85", 100, { value: 85, scale: 100 }],
    ["my GPA is 4.5", 5, { value: 4.5, scale: 5 }],
    ["o'rtacha ballim 4,6", 5, { value: 4.6, scale: 5 }],
    // The scale written with it wins over the one chosen.
    ["4,3 из 5", 100, { value: 4.3, scale: 5 }],
    ["4.3 out of 5", 100, { value: 4.3, scale: 5 }],
    ["4.3 dan 5", 100, { value: 4.3, scale: 5 }],
    ["5 dan 4,3", 100, { value: 4.3, scale: 5 }],
    ["100 dan 85", 5, { value: 85, scale: 100 }],
    ["5 ballik tizimda 4.3", 100, { value: 4.3, scale: 5 }],
    ["4.3 (5-балльная шкала)", 100, { value: 4.3, scale: 5 }],
  ] as const)("%j on a %d scale", (text, scale, value) => {
    expect(parseGpa(text, scale)).toEqual({ ok: true, value });
  });

  it.each([
    ["7", 5, "out-of-range"],
    ["0", 5, "out-of-range"],
    ["-3", 100, "out-of-range"],
    ["120 ball", 100, "out-of-range"],
    ["4.3 из 4", 5, "not-a-number"], // a scale the bot does not know
    ["a lot", 5, "not-a-number"],
    ["", 5, "not-a-number"],
    ["what documents do I need for 2+2?", 5, "not-a-number"],
    ["3 or 4", 5, "not-a-number"],
  ] as const)("%j on a %d scale is refused as %s", (text, scale, reason) => {
    expect(parseGpa(text, scale)).toEqual({ ok: false, reason });
  });

  describe("typed before its scale is chosen: the scale that fits", () => {
    it.each([
      ["85", { value: 85, scale: 100 }],
      ["85 ball", { value: 85, scale: 100 }],
      ["5.5", { value: 5.5, scale: 100 }], // over 5: only the 100 scale fits
      ["4,3", { value: 4.3, scale: 5 }],
      ["4.3", { value: 4.3, scale: 5 }],
      ["5.0", { value: 5, scale: 5 }],
      // A whole 4 or 5: out of 5 (4 out of 100 is no GPA anybody reports).
      ["4", { value: 4, scale: 5 }],
      ["5", { value: 5, scale: 5 }],
      ["4,3 из 5", { value: 4.3, scale: 5 }],
    ] as const)("%j is %j", (text, value) => {
      expect(parseGpa(text)).toEqual({ ok: true, value });
    });

    it("over 100 fits no scale", () => {
      expect(parseGpa("150")).toEqual({ ok: false, reason: "out-of-range" });
    });
  });

  it("at the scale question, a bare 5 or 100, or a scale in words, is the scale, not a GPA", () => {
    expect(parseScale("5")).toBe(5);
    expect(parseScale("100")).toBe(100);
    expect(parseScale("5 ballik")).toBe(5);
    expect(parseScale("из 100")).toBe(100);
    expect(parseScale("100-балльная")).toBe(100);
    for (const gpa of ["4", "4,3", "85", "85 ball", "5.0", "4.3 out of 5"]) expect(parseScale(gpa), gpa).toBeUndefined();
  });
});

describe("a score or level", () => {
  it.each([
    ["ielts", "6,5", 6.5],
    ["ielts", "IELTS 6.5", 6.5],
    ["ielts", "ielts: 7", 7],
    ["ielts", "band 6.5", 6.5],
    ["toefl", "95", 95],
    ["toefl", "TOEFL 95 ball", 95],
    ["hsk", "HSK 4", 4],
    ["hsk", "4-daraja", 4],
    ["topik", "level 3", 3],
    ["topik", "3 уровень", 3],
    ["hsk", "4-го уровня", 4],
    ["russian", "ТРКИ 2", 2],
    // CEFR levels, in Latin letters or the Cyrillic ones that look or sound alike.
    ["cefr", "B2", 4],
    ["cefr", "b2", 4],
    ["cefr", "В2", 4],
    ["cefr", "c1", 5],
    ["cefr", "CEFR A1", 1],
    ["national", "Б1", 3],
    ["national", "milliy sertifikat C1", 5],
    ["national", "уровень В2", 4],
  ] as const)("%s %j is %d", (exam, text, value) => {
    expect(parseScore(exam, text)).toEqual({ ok: true, value });
  });

  it.each([
    ["ielts", "-1", "out-of-range"],
    ["ielts", "10", "out-of-range"],
    ["topik", "0", "out-of-range"],
    ["hsk", "four", "not-a-number"],
    // Scores an exam cannot give: IELTS goes by halves, levels are whole.
    ["ielts", "6.3", "out-of-range"],
    ["topik", "3.5", "out-of-range"],
    // The national certificate gives A2 to C1.
    ["national", "C2", "out-of-range"],
    ["national", "A1", "out-of-range"],
    ["cefr", "B3", "not-a-number"],
    ["cefr", "B2 or C1", "not-a-number"],
    ["cefr", "6.5", "not-a-number"],
  ] as const)("%s %j is refused as %s", (exam, text, reason) => {
    expect(parseScore(exam, text)).toEqual({ ok: false, reason });
  });
});

describe("a certificate named with its result, where the flow asks which one", () => {
  it.each([
    ["IELTS 6.5", { exam: "ielts", score: 6.5 }],
    ["toefl 95", { exam: "toefl", score: 95 }],
    ["HSK 4", { exam: "hsk", score: 4 }],
    ["CEFR B2", { exam: "cefr", score: 4 }],
    ["milliy sertifikat B2", { exam: "national", score: 4 }],
    ["Национальный сертификат В2", { exam: "national", score: 4 }],
  ] as const)("%j is %j", (text, certificate) => {
    expect(parseCertificate(text)).toEqual(certificate);
  });

  it.each(["ielts", "B2", "IELTS 10", "sertifikat B2", "IELTS 6.5 and TOEFL 90", "I have one"])("%j is not one", (text) => {
    expect(parseCertificate(text)).toBeUndefined();
  });
});

describe("a year of study", () => {
  it.each([
    ["2", 2],
    ["2-kurs", 2],
    ["3 kurs", 3],
    ["2 курс", 2],
    ["2-курсда", 2],
    ["2nd year", 2],
    ["year 3", 3],
  ] as const)("%j is %d", (text, year) => {
    expect(parseYear(text, 6)).toBe(year);
  });

  it.each(["7", "0", "2.5", "second", "2 and 3"])("%j is none", (text) => {
    expect(parseYear(text, 6)).toBeUndefined();
  });
});

describe("a question typed instead of an answer", () => {
  it.each([
    "telefon raqami kerak",
    "what documents do I need for erasmus?",
    "Erasmusga qanday hujjatlar kerak",
    "ҳужжатлар қанча",
    "сколько стоит 2+2",
    "нужен ли IELTS",
    "can teachers apply",
    "is there a grant",
    "koica nima",
  ])("%j is one", (text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each(["qwerty", "😀", "Matematika", "Ingliz tili", "English philology", "Boshlang'ich ta'lim", "85 ball", "IELTS 6.5", "bilmayman", "I am a teacher"])(
    "%j is not",
    (text) => {
      expect(isQuestion(text)).toBe(false);
    },
  );
});
