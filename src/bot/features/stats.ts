/**
 * /stats (staff): users, subscribers, the most asked entries, the
 * questionnaires and the latest announcements, as a text in the staff
 * member's language, then the charts as pictures (one photo, or an album).
 * The figures are read here; src/stats/report.ts words and charts them.
 */
import { Composer, InputFile, InputMediaBuilder } from "grammy";
import { topicEntry } from "../../broadcast/audience.js";
import { renderBarChart, renderStackedBars } from "../../stats/chart.js";
import { FLOWS, HELPFUL_WEEKS, LATEST_BROADCASTS, NEW_USERS_DAYS, RECENT_DAYS, statsCharts, statsSections, TOP_ENTRIES, type Chart, type StatsData } from "../../stats/report.js";
import { firstWeekOf } from "../../storage/answers.js";
import { firstDayOf } from "../../storage/usage.js";
import { tashkentTime } from "../../time/tashkent.js";
import type { Store } from "../../storage/store.js";
import { audienceLabel } from "../jobs/delivery/view.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { reply, sectionsToHtml } from "../ui/view.js";

export function statsFeature({ store }: Pick<BotDeps, "store">) {
  const feature = new Composer<BotContext>();

  // Students are refused before this (STAFF_COMMANDS in middleware/roles.ts).
  feature.chatType("private").command("stats", async (ctx) => {
    // Users seen a moment ago are still in the Store's batch: count them too.
    store.flush();
    const data = collectStats(ctx, store);
    const { title, sections } = statsSections(ctx.t, ctx.uiLang, data);
    await reply(ctx, { html: sectionsToHtml(title, sections) });
    await sendCharts(ctx, statsCharts(ctx.t, data));
  });

  return feature;
}

/** Everything the report shows, titles in the staff member's language and script. */
function collectStats(ctx: BotContext, store: Store, now = Date.now()): StatsData {
  const { kb } = ctx;
  const title = (id: string) => kb.byId.get(id)?.title[ctx.lang] ?? id;
  const since = firstDayOf(RECENT_DAYS, now);
  return {
    users: store.usage.users(NEW_USERS_DAYS, now),
    subscribers: store.subscriptions.countByTopic().map(({ topic, count }) => {
      const entry = topicEntry(topic);
      return entry ? { title: title(entry.id), count } : { count };
    }),
    topEntries: store.usage.top("entry-answered", since, TOP_ENTRIES).map(({ subject, count }) => ({ title: title(subject), count })),
    unanswered: { recent: store.usage.unansweredSince(tashkentTime(since, 0)), open: store.learning.countOpen() },
    flows: Object.fromEntries(
      FLOWS.map((flow) => [flow, { started: store.usage.total("flow-started", flow, since), completed: store.usage.total("flow-completed", flow, since) }]),
    ) as StatsData["flows"],
    helpful: store.answers.helpfulByWeek(tashkentTime(firstWeekOf(HELPFUL_WEEKS, now), 0)),
    broadcasts: store.broadcasts.recent(LATEST_BROADCASTS).map((b) => ({
      id: b.id,
      audience: audienceLabel(ctx, b.audience),
      figures: store.broadcasts.figures(b.id),
    })),
  };
}

/** Each chart as a PNG (rendered here, about 50 ms each), captioned with its title; two or more go as one album. */
async function sendCharts(ctx: BotContext, charts: Chart[]): Promise<void> {
  const photos = charts.map((chart, i) => ({
    file: new InputFile(chart.kind === "bars" ? renderBarChart(chart.spec) : renderStackedBars(chart.spec), `stats-${i + 1}.png`),
    caption: chart.spec.title,
  }));
  if (photos.length === 1) await ctx.replyWithPhoto(photos[0]!.file, { caption: photos[0]!.caption });
  else if (photos.length > 1) await ctx.replyWithMediaGroup(photos.map(({ file, caption }) => InputMediaBuilder.photo(file, { caption })));
}
