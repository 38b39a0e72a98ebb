import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/bot/locale.js";
import { createI18n } from "../../src/i18n.js";
import { renderStackedBars, stackedBarsSvg } from "../../src/stats/chart.js";
import { completionRate, statsCharts, statsSections, type StatsData } from "../../src/stats/report.js";

const i18n = createI18n();
const en = translatorFor(i18n, "en");
const ru = translatorFor(i18n, "ru");

const figures = (sent: number, blocked: number, failed: number, pending: number) => ({ total: sent + blocked + failed + pending, sent, blocked, failed, pending });

const data: StatsData = {
  users: { total: 1250, blocked: 50, byLang: { uz: 700, "uz-cyrl": 100, ru: 300, en: 60, none: 40 }, newSince: 12, activeSince: 340 },
  subscribers: [{ count: 400 }, { title: "Erasmus Mundus", count: 35 }, { title: "South Korea", count: 7 }],
  topEntries: [
    { title: "Erasmus Mundus", count: 34 },
    { title: "KOICA <Korea>", count: 20 },
  ],
  unanswered: { recent: 9, open: 4 },
  flows: { eligibility: { started: 20, completed: 12 }, apply: { started: 3, completed: 1 } },
  helpful: [
    { week: "2026-11-23", helpful: 2, votes: 3 },
    { week: "2026-11-30", helpful: 1350, votes: 1500 },
  ],
  broadcasts: [
    { id: 12, audience: "subscribers to KOICA", figures: figures(100, 3, 1, 0) },
    { id: 11, audience: "subscribers to all announcements", figures: figures(380, 10, 0, 10) },
  ],
};

const empty: StatsData = {
  users: { total: 0, blocked: 0, byLang: { uz: 0, "uz-cyrl": 0, ru: 0, en: 0, none: 0 }, newSince: 0, activeSince: 0 },
  subscribers: [],
  topEntries: [],
  unanswered: { recent: 0, open: 0 },
  flows: { eligibility: { started: 0, completed: 0 }, apply: { started: 0, completed: 0 } },
  helpful: [],
  broadcasts: [],
};

describe("completion rate", () => {
  it("is completed per started in whole percent, none when nothing started, at most 100", () => {
    expect(completionRate({ started: 20, completed: 12 })).toBe(60);
    expect(completionRate({ started: 3, completed: 1 })).toBe(33);
    expect(completionRate({ started: 3, completed: 2 })).toBe(67);
    expect(completionRate({ started: 0, completed: 0 })).toBeUndefined();
    expect(completionRate({ started: 0, completed: 2 })).toBeUndefined();
    expect(completionRate({ started: 2, completed: 3 })).toBe(100);
  });
});

describe("the text", () => {
  it("has every figure staff expect, in sections", () => {
    const { title, sections } = statsSections(en, "en", data);
    expect(title).toBe("📊 Statistics");
    expect(sections).toEqual([
      {
        heading: "👥 Users: 1,250",
        lines: ["Active: 1,200 · blocked the bot: 50", "New in the last 7 days: 12", "Used the bot in the last 7 days: 340"],
      },
      {
        heading: "🌐 Languages (users who have not blocked the bot)",
        lines: ["• Uzbek (Latin): 700", "• Uzbek (Cyrillic): 100", "• Russian: 300", "• English: 60", "• Not chosen yet: 40"],
      },
      { heading: "🔔 Subscribers to announcements", lines: ["• All announcements: 400", "• Erasmus Mundus: 35", "• South Korea: 7"] },
      {
        heading: "❓ Most asked, last 30 days",
        lines: ["1. Erasmus Mundus — 34", "2. KOICA <Korea> — 20", "Without a confident answer: 9 (waiting for review: 4, see /unanswered)"],
      },
      { heading: "👍 Helpful answers, last 8 weeks", lines: ["• 23\u2009–\u200929 November: 👍 2 of 3 (67%)", "• 30 November\u2009–\u20096 December: 👍 1,350 of 1,500 (90%)"] },
      {
        heading: "🧭 Questionnaires, last 30 days",
        lines: ["• Am I eligible?: started 20, finished 12 (60%)", "• How to apply: started 3, finished 1 (33%)"],
      },
      {
        heading: "📣 Latest announcements",
        lines: [
          "#12 · subscribers to KOICA\nsent 100 · blocked 3 · failed 1 · remaining 0",
          "#11 · subscribers to all announcements\nsent 380 · blocked 10 · failed 0 · remaining 10",
        ],
      },
    ]);
  });

  it("says so where there is nothing yet", () => {
    const lines = statsSections(en, "en", empty).sections.flatMap((s) => s.lines);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Nobody has subscribed yet.",
        "No typed question has been answered yet.",
        "Without a confident answer: 0 (waiting for review: 0, see /unanswered)",
        "No answer has been rated yet.",
        "• Am I eligible?: started 0, finished 0",
        "No announcements yet.",
      ]),
    );
  });

  it("is in the staff member's language, ids not grouped like amounts", () => {
    const { title, sections } = statsSections(ru, "ru", { ...data, broadcasts: [{ id: 1234, audience: "подписчики KOICA", figures: figures(5, 0, 0, 0) }] });
    expect(title).toBe("📊 Статистика");
    expect(sections[4]!).toEqual({ heading: "👍 Полезные ответы за последние 8 недель", lines: ["• 23–29 ноября: 👍 2 из 3 (67%)", "• 30 ноября – 6 декабря: 👍 1\u00a0350 из 1\u00a0500 (90%)"] });
    expect(sections[5]!.lines[0]).toBe("• Подхожу ли я?: начали 20, завершили 12 (60%)");
    expect(sections[6]!.lines[0]).toMatch(/^№1234 · подписчики KOICA\nотправлено 5 · /);
  });

  it("in Uzbek Cyrillic, keeps the command and the titles as they are", () => {
    const t = translatorFor(createI18n(), "uz-cyrl");
    const top = statsSections(t, "uz-cyrl", data).sections[3]!;
    expect(top.heading).toBe("❓ Сўнгги 30 кунда энг кўп сўралган");
    expect(top.lines).toEqual(["1. Erasmus Mundus — 34", "2. KOICA <Korea> — 20", "Ишончли жавобсиз қолган: 9 (кўриб чиқилиши кутилмоқда: 4, /unanswered)"]);
  });
});

describe("the charts", () => {
  it("show the languages, the most asked entries and the latest announcements' delivery", () => {
    const charts = statsCharts(en, data);
    expect(charts.map((c) => [c.kind, c.spec.title])).toEqual([
      ["bars", "Users by language"],
      ["bars", "❓ Most asked, last 30 days"],
      ["stacked", "📣 Latest announcements"],
    ]);
    const [languages, entries, broadcasts] = charts;
    expect(languages!.kind === "bars" && languages!.spec.bars).toEqual([
      { label: "Uzbek (Latin)", value: 700 },
      { label: "Uzbek (Cyrillic)", value: 100 },
      { label: "Russian", value: 300 },
      { label: "English", value: 60 },
      { label: "Not chosen yet", value: 40 },
    ]);
    expect(entries!.kind === "bars" && entries!.spec.bars).toEqual([
      { label: "Erasmus Mundus", value: 34 },
      { label: "KOICA <Korea>", value: 20 },
    ]);
    if (broadcasts!.kind !== "stacked") throw new Error("expected stacked bars");
    expect(broadcasts!.spec.series.map((s) => s.name)).toEqual(["Sent", "Blocked the bot", "Failed", "Remaining"]);
    expect(broadcasts!.spec.bars).toEqual([
      { label: "#12", values: [100, 3, 1, 0] },
      { label: "#11", values: [380, 10, 0, 10] },
    ]);
    // A spec the renderer takes: the colours are real, the totals drawn.
    expect(stackedBarsSvg(broadcasts!.spec)).toContain(">400</text>");
    expect(renderStackedBars(broadcasts!.spec).subarray(1, 4).toString()).toBe("PNG");
  });

  it("leave out a chart with nothing to show, and show at most the latest 5 announcements", () => {
    expect(statsCharts(en, empty)).toEqual([]);
    const allBlocked = { ...empty, users: { ...empty.users, total: 3, blocked: 3 } };
    expect(statsCharts(en, allBlocked)).toEqual([]);
    const many = { ...empty, broadcasts: Array.from({ length: 7 }, (_, i) => ({ id: 7 - i, audience: "x", figures: figures(1, 0, 0, 0) })) };
    const [only] = statsCharts(en, many);
    expect(only!.kind === "stacked" && only!.spec.bars.map((b) => b.label)).toEqual(["#7", "#6", "#5", "#4", "#3"]);
  });
});
