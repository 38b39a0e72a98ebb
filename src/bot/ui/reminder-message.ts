/**
 * A deadline reminder as the background job sends it (src/bot/jobs/reminders.ts),
 * and the deadline lines it shares with the "Remind me" confirmation
 * (features/reminders.ts).
 */
import { InlineKeyboard } from "grammy";
import type { ProgramEntry } from "../../knowledge/schema.js";
import { formatDay } from "../../time/dates.js";
import { daysUntil } from "../../time/reminder-schedule.js";
import type { BotContext } from "../context.js";
import type { Reader } from "../locale.js";
import { callback } from "./callback-data.js";
import { escapeHtml } from "./html.js";
import { keyboardOf } from "./keyboard.js";
import type { View } from "./view.js";

type Translate = BotContext["t"];

export const daysLeft = (t: Translate, deadline: string, now: number) => t("remind-days-left", { days: daysUntil(deadline, now) });

/** A line about a deadline, marked when the dates are to be confirmed, with that deadline's own note under it. */
export function withDeadlineNote({ t, lang }: Reader, program: ProgramEntry, deadline: string, line: string): string {
  const { items, to_confirm } = program.program.deadlines;
  const note = items.find((item) => item.date === deadline)?.note[lang];
  return [to_confirm ? `${line} ${escapeHtml(t("card-marked-to-confirm"))}` : line, ...(note ? [escapeHtml(note)] : [])].join("\n");
}

/** The reminder itself: the program's card and "How to apply" one tap away, as new messages (the reminder stays). */
export function reminderMessage(r: Reader, program: ProgramEntry, deadline: string, now: number): View {
  const { t, lang } = r;
  const head = t("remind-message", { program: escapeHtml(program.title[lang]), deadline: formatDay(deadline, r.uiLang), left: daysLeft(t, deadline, now) });
  const keyboard = keyboardOf(
    [InlineKeyboard.text(t("remind-card-button", { program: program.title[lang] }), callback.reminderCard(program.id))],
    [InlineKeyboard.text(t("card-apply-button"), callback.applyStart(program.id))],
  );
  return { html: withDeadlineNote(r, program, deadline, head), keyboard };
}
