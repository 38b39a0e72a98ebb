/**
 * Dates as a reader of each language writes them, through Intl:
 * "1-mart, 2027", "1 март, 2027", "1 марта 2027 г.", "1 March 2027".
 */
import type { UiLang } from "../storage/users.js";
import { daysUntil } from "./reminder-schedule.js";

const LOCALE: Record<UiLang, string> = { uz: "uz", "uz-cyrl": "uz-Cyrl", ru: "ru", en: "en-GB" };

const formats = new Map<UiLang, Intl.DateTimeFormat>();

/** A day (YYYY-MM-DD, as the knowledge writes it) in the reader's language. */
export function formatDay(day: string, ui: UiLang): string {
  let format = formats.get(ui);
  // The day is a calendar date, not a moment: read and written in UTC, it never shifts by a time zone.
  if (!format) formats.set(ui, (format = new Intl.DateTimeFormat(LOCALE[ui], { dateStyle: "long", timeZone: "UTC" })));
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** Whether a day (YYYY-MM-DD) is over, in Tashkent, where the department's deadlines fall. */
export const isPast = (day: string, now = Date.now()): boolean => daysUntil(day, now) < 0;
