/**
 * Dates as a reader of each language writes them, through Intl:
 * "1-mart, 2027", "1-март, 2027", "1 марта 2027 г.", "1 March 2027".
 * Every date a person reads goes through here, never as YYYY-MM-DD.
 */
import type { UiLang } from "../storage/users.js";
import { uzbekTextToCyrillic } from "../text/translit.js";
import { daysUntil } from "./reminder-schedule.js";
import { TASHKENT_OFFSET_MS } from "./tashkent.js";

/**
 * Uzbek in Cyrillic is the Latin date converted, as all the bot's Uzbek Cyrillic is ("1-март, 2027", "1-январь"):
 * ICU's uz-Cyrl drops the hyphen ("1 март") and writes the months without the soft sign ("январ").
 */
const LOCALE: Record<UiLang, string> = { uz: "uz", "uz-cyrl": "uz", ru: "ru", en: "en-GB" };
const inScript = (text: string, ui: UiLang) => (ui === "uz-cyrl" ? uzbekTextToCyrillic(text) : text);

// Calendar days and Tashkent times are both written as UTC, shifted where needed: no time zone database involved.
const STYLES = {
  day: { dateStyle: "long", timeZone: "UTC" },
  moment: { dateStyle: "long", timeStyle: "short", timeZone: "UTC" },
  span: { day: "numeric", month: "long", timeZone: "UTC" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(style: keyof typeof STYLES, ui: UiLang): Intl.DateTimeFormat {
  const key = `${style}:${ui}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(LOCALE[ui], STYLES[style])));
  return format;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Days already written, by language: a program's deadlines are formatted for
 * every deadline answer, across-programs list and /apply page (Intl, and for
 * Uzbek Cyrillic a conversion: a few microseconds each). Few: the knowledge's
 * deadlines and the days of reminders.
 */
const days = new Map<string, string>();

/** A day (YYYY-MM-DD, as the knowledge writes it) in the reader's language: a calendar date, not a moment, so it never shifts. */
export function formatDay(day: string, ui: UiLang): string {
  const key = `${ui}:${day}`;
  let text = days.get(key);
  if (text === undefined) days.set(key, (text = inScript(formatOf("day", ui).format(dayStart(day)), ui)));
  return text;
}

/** A moment as it reads in Tashkent, date and time: "1 December 2026 at 09:00", "1-dekabr, 2026, 09:00". */
export const formatTashkentMoment = (ms: number, ui: UiLang): string => inScript(formatOf("moment", ui).format(new Date(ms + TASHKENT_OFFSET_MS)), ui);

/** Days `from` to `to` (YYYY-MM-DD), without the year: "30 November – 6 December", "23–29 ноября". */
export const formatDays = (from: string, to: string, ui: UiLang): string => inScript(formatOf("span", ui).formatRange(dayStart(from), dayStart(to)), ui);

/** Whether a day (YYYY-MM-DD) is over, in Tashkent, where the department's deadlines fall. */
export const isPast = (day: string, now = Date.now()): boolean => daysUntil(day, now) < 0;
