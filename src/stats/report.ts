/**
 * The /stats report, from plain figures: the text sections staff read on a
 * phone, and the charts where a picture reads faster than the numbers.
 * Pure: the figures are read elsewhere (storage), the texts come through `t`,
 * and the charts are specs for chart.ts.
 */
import type { Section } from "../knowledge/describe.js";
import type { DeliveryFigures } from "../storage/broadcasts.js";
import type { UserFigures } from "../storage/usage.js";
import type { Translate } from "../i18n.js";
import type { UiLang } from "../storage/users.js";
import { DAY_MS } from "../time/tashkent.js";
import { formatDays } from "../time/dates.js";
import type { BarChartSpec, StackedBarsSpec } from "./chart.js";

/** The periods the report speaks of (its texts name them). */
export const RECENT_DAYS = 30;
export const NEW_USERS_DAYS = 7;
export const TOP_ENTRIES = 10;
export const LATEST_BROADCASTS = 5;
/** "Was this helpful?": the weeks shown, this one included. */
export const HELPFUL_WEEKS = 8;

export const FLOWS = ["eligibility", "apply"] as const;
export type FlowName = (typeof FLOWS)[number];

export interface FlowFigures {
  started: number;
  completed: number;
}

export interface StatsData {
  users: UserFigures;
  /** Active subscribers per topic, most first; no title for "all announcements". */
  subscribers: { title?: string; count: number }[];
  /** The entries that answered the most questions in the last RECENT_DAYS, most first. */
  topEntries: { title: string; count: number }[];
  /** Questions without a confident answer in the last RECENT_DAYS, and those staff have not looked at yet. */
  unanswered: { recent: number; open: number };
  /** Started and completed in the last RECENT_DAYS. */
  flows: Record<FlowName, FlowFigures>;
  /** The students' votes on search answers per week (Tashkent, from its Monday, YYYY-MM-DD) of the last HELPFUL_WEEKS, oldest first; weeks without votes left out. */
  helpful: { week: string; helpful: number; votes: number }[];
  /** The latest broadcasts, newest first; `audience` as staff read it. */
  broadcasts: { id: number; audience: string; figures: DeliveryFigures }[];
}

export type Chart = { kind: "bars"; spec: BarChartSpec } | { kind: "stacked"; spec: StackedBarsSpec };

const LANGUAGE_KEYS = [
  ["uz", "stats-lang-uz"],
  ["uz-cyrl", "stats-lang-uz-cyrl"],
  ["ru", "stats-lang-ru"],
  ["en", "stats-lang-en"],
  ["none", "stats-lang-none"],
] as const;

const FLOW_KEYS: Record<FlowName, string> = { eligibility: "stats-flow-eligibility", apply: "stats-flow-apply" };

/** Green for delivered, red for blocked, orange for failed, grey for still waiting. */
const DELIVERY_SERIES = [
  ["sent", "stats-delivery-sent", "#54a24b"],
  ["blocked", "stats-delivery-blocked", "#e45756"],
  ["failed", "stats-delivery-failed", "#f58518"],
  ["pending", "stats-delivery-pending", "#bab0ac"],
] as const;

/**
 * Completed per started, in whole percent; undefined when nothing started.
 * At most 100: a flow started just before the period may be completed within it.
 */
export function completionRate({ started, completed }: FlowFigures): number | undefined {
  return started > 0 ? Math.min(100, Math.round((completed / started) * 100)) : undefined;
}

/** The report's title and sections in the reader's language (`ui` writes the dates), every text plain (the caller escapes them). */
export function statsSections(t: Translate, ui: UiLang, data: StatsData): { title: string; sections: Section[] } {
  const { users } = data;
  const active = users.total - users.blocked;
  const sections: Section[] = [
    {
      heading: t("stats-users", { count: users.total }),
      lines: [
        t("stats-users-active", { active, blocked: users.blocked }),
        t("stats-users-new", { count: users.newSince, days: NEW_USERS_DAYS }),
        t("stats-users-recent", { count: users.activeSince, days: NEW_USERS_DAYS }),
      ],
    },
    { heading: t("stats-languages"), lines: LANGUAGE_KEYS.map(([lang, key]) => t("stats-count-line", { name: t(key), count: users.byLang[lang] })) },
    {
      heading: t("stats-subscribers"),
      lines: data.subscribers.length > 0 ? data.subscribers.map((s) => t("stats-count-line", { name: s.title ?? t("stats-topic-all"), count: s.count })) : [t("stats-subscribers-none")],
    },
    {
      heading: t("stats-top-entries", { days: RECENT_DAYS }),
      lines: [
        ...(data.topEntries.length > 0 ? data.topEntries.map((e, i) => t("stats-top-line", { rank: i + 1, title: e.title, count: e.count })) : [t("stats-top-entries-none")]),
        // The command goes in as a variable: Uzbek Cyrillic transliterates the text around it, not it.
        t("stats-unanswered", { count: data.unanswered.recent, open: data.unanswered.open }),
      ],
    },
    {
      heading: t("stats-helpful", { weeks: HELPFUL_WEEKS }),
      lines: data.helpful.length > 0 ? data.helpful.map((w) => helpfulLine(t, ui, w)) : [t("stats-helpful-none")],
    },
    { heading: t("stats-flows", { days: RECENT_DAYS }), lines: FLOWS.map((flow) => flowLine(t, flow, data.flows[flow])) },
    {
      heading: t("stats-broadcasts"),
      lines: data.broadcasts.length > 0 ? data.broadcasts.map((b) => `${broadcastLabel(t, b.id)} · ${b.audience}\n${deliveryLine(t, b.figures)}`) : [t("stats-broadcasts-none")],
    },
  ];
  return { title: t("stats-title"), sections };
}

function flowLine(t: Translate, flow: FlowName, figures: FlowFigures): string {
  const rate = completionRate(figures);
  const name = t(FLOW_KEYS[flow]);
  return rate === undefined
    ? t("stats-flow-line-unstarted", { flow: name, completed: figures.completed })
    : t("stats-flow-line", { flow: name, started: figures.started, completed: figures.completed, rate });
}

/** "30 November – 6 December: 👍 3 of 5 (60%)": a week, Monday to Sunday, and its votes. */
function helpfulLine(t: Translate, ui: UiLang, { week, helpful, votes }: StatsData["helpful"][number]): string {
  const sunday = new Date(Date.parse(`${week}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
  return t("stats-helpful-line", { week: formatDays(week, sunday, ui), helpful, votes, rate: Math.round((helpful / votes) * 100) });
}

/** "#12": the id as is, not grouped like an amount. */
const broadcastLabel = (t: Translate, id: number) => t("stats-broadcast-label", { id: String(id) });

function deliveryLine(t: Translate, f: DeliveryFigures): string {
  return t("stats-delivery-line", { sent: f.sent, blocked: f.blocked, failed: f.failed, pending: f.pending });
}

/** The charts worth a picture; one with nothing to show is left out. */
export function statsCharts(t: Translate, data: StatsData): Chart[] {
  const charts: Chart[] = [];
  const emptyText = t("stats-chart-empty");
  if (data.users.total - data.users.blocked > 0) {
    const bars = LANGUAGE_KEYS.map(([lang, key]) => ({ label: t(key), value: data.users.byLang[lang] }));
    charts.push({ kind: "bars", spec: { title: t("stats-chart-languages"), bars, emptyText } });
  }
  if (data.topEntries.length > 0) {
    const bars = data.topEntries.slice(0, TOP_ENTRIES).map((e) => ({ label: e.title, value: e.count }));
    charts.push({ kind: "bars", spec: { title: t("stats-top-entries", { days: RECENT_DAYS }), bars, emptyText } });
  }
  if (data.broadcasts.length > 0) {
    const series = DELIVERY_SERIES.map(([, key, color]) => ({ name: t(key), color }));
    const bars = data.broadcasts.slice(0, LATEST_BROADCASTS).map((b) => ({ label: broadcastLabel(t, b.id), values: DELIVERY_SERIES.map(([field]) => b.figures[field]) }));
    charts.push({ kind: "stacked", spec: { title: t("stats-broadcasts"), series, bars, emptyText } });
  }
  return charts;
}
