/**
 * When a deadline reminder is due. Deadlines are calendar days in Tashkent,
 * the department's time (UTC+5 all year: Uzbekistan has no daylight saving
 * time), and reminders go out at 09:00 there. Pure: `now` is always passed.
 */
import { DAY_MS, tashkentDate, tashkentTime } from "./tashkent.js";

/** Reminders arrive in the morning, not at midnight. */
export const REMINDER_HOUR = 9;

/** Whole days from today in Tashkent to `date`: 0 on the day itself, negative once it has passed. */
export const daysUntil = (date: string, now: number): number => Math.round((Date.parse(date) - Date.parse(tashkentDate(now))) / DAY_MS);

/** The earliest of `dates` that is today or later in Tashkent (a deadline is open all of its day). */
export function nextDeadline(dates: readonly string[], now: number): string | undefined {
  return dates.filter((date) => daysUntil(date, now) >= 0).sort()[0];
}

export interface ReminderPlan {
  deadline: string;
  /** When to send it: `daysBefore` days before the deadline at 09:00 in Tashkent, or now when that has passed. */
  remindAt: number;
}

/** A reminder for the next of a program's deadlines; undefined when none is today or later. */
export function planReminder(dates: readonly string[], daysBefore: number, now: number): ReminderPlan | undefined {
  const deadline = nextDeadline(dates, now);
  if (!deadline) return undefined;
  // The deadline closer than `daysBefore` days: the usual moment has passed, the reminder is due at once.
  const usual = tashkentTime(deadline, REMINDER_HOUR) - daysBefore * DAY_MS;
  return { deadline, remindAt: Math.max(usual, now) };
}
