/**
 * "Remind me" on a program's card: a reminder REMINDER_DAYS before the next
 * deadline, at 09:00 Tashkent time (src/time/reminder-schedule.ts), sent by the
 * background job (src/bot/jobs/reminders.ts). When the deadline is closer than
 * that, the student is told how many days are left and reminded at once.
 * Without a published date, the student is subscribed to the program's
 * announcements instead: the department announces its deadlines. The
 * reminder itself is ui/reminder-message.ts.
 */
import { Composer, InlineKeyboard } from "grammy";
import { programTopic } from "../../broadcast/audience.js";
import type { ProgramEntry } from "../../knowledge/schema.js";
import { planReminder } from "../../time/reminder-schedule.js";
import { tashkentDate } from "../../time/tashkent.js";
import type { Reminder } from "../../storage/reminders.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { rememberLanguage } from "../locale.js";
import { callback } from "../ui/callback-data.js";
import { entryView, homeButton } from "../ui/cards.js";
import { escapeHtml } from "../ui/html.js";
import { keyboardOf } from "../ui/keyboard.js";
import { formatDay } from "../../time/dates.js";
import { daysLeft, withDeadlineNote } from "../ui/reminder-message.js";
import { staleButton } from "../ui/stale-button.js";
import { reply, show, type View } from "../ui/view.js";

export function remindersFeature({ store, settings }: Pick<BotDeps, "store" | "settings">) {
  const feature = new Composer<BotContext>();
  const programOf = (ctx: BotContext, id: string) => {
    const entry = ctx.kb.byId.get(id);
    return entry?.type === "program" ? entry : undefined;
  };

  feature.callbackQuery(callback.remind.pattern, async (ctx) => {
    const program = programOf(ctx, callback.remind.read(ctx.match).id);
    if (!program || !ctx.from) return staleButton(ctx);
    // The reminder, or the program's announcements when it has no date, go out in the user's language.
    rememberLanguage(ctx, store);
    const now = Date.now();
    const plan = planReminder(program.program.deadlines.items.map((item) => item.date), settings.reminderDays, now);
    if (!plan) {
      if (ctx.user) store.subscriptions.subscribe(ctx.user.id, programTopic(program.id));
      return show(ctx, { html: ctx.t("remind-no-date", { program: escapeHtml(program.title[ctx.lang]) }), keyboard: keyboardOf(backRow(ctx, program)) });
    }
    const added = store.reminders.add(ctx.from.id, program.id, plan.deadline, plan.remindAt);
    await show(ctx, confirmation(ctx, program, store.reminders.find(ctx.from.id, program.id, plan.deadline)!, added, now));
  });

  feature.callbackQuery(callback.cancelReminder.pattern, async (ctx) => {
    const program = programOf(ctx, callback.cancelReminder.read(ctx.match).id);
    if (!program || !ctx.from) return staleButton(ctx);
    store.reminders.cancel(ctx.from.id, program.id);
    await show(ctx, { html: ctx.t("remind-cancelled", { program: escapeHtml(program.title[ctx.lang]) }), keyboard: keyboardOf(backRow(ctx, program)) });
  });

  feature.callbackQuery(callback.reminderCard.pattern, async (ctx) => {
    const program = programOf(ctx, callback.reminderCard.read(ctx.match).id);
    if (!program) return staleButton(ctx);
    await reply(ctx, entryView(ctx, ctx.kb, program));
  });

  return feature;
}

/** What was set (or was already): the deadline, and when the reminder comes. */
function confirmation(ctx: BotContext, program: ProgramEntry, reminder: Reminder, added: boolean, now: number): View {
  const title = escapeHtml(program.title[ctx.lang]);
  const when =
    reminder.sentAt !== null
      ? ctx.t("remind-already-sent")
      : reminder.remindAt > now
        ? ctx.t("remind-when", { date: formatDay(tashkentDate(reminder.remindAt), ctx.uiLang) })
        : ctx.t("remind-now");
  const line = ctx.t("remind-deadline", { deadline: formatDay(reminder.deadline, ctx.uiLang), left: daysLeft(ctx.t, reminder.deadline, now) });
  const deadline = withDeadlineNote(ctx, program, reminder.deadline, line);
  const html = [ctx.t(added ? "remind-set" : "remind-already-set", { program: title }), deadline, when].join("\n");
  const cancel = reminder.sentAt === null ? [InlineKeyboard.text(ctx.t("remind-cancel-button"), callback.cancelReminder(program.id))] : [];
  return { html, keyboard: keyboardOf(cancel, backRow(ctx, program)) };
}

const backRow = (ctx: BotContext, program: ProgramEntry) => [InlineKeyboard.text(ctx.t("nav-back-card"), callback.entry(program.id)), homeButton(ctx)];
