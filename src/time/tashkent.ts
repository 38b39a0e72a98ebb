/**
 * The department's time zone, in which staff type and read times and
 * deadlines are counted. Tashkent is UTC+5 all year (Uzbekistan has no
 * daylight saving time), so a fixed offset is exact and needs no time zone
 * database in the image. Pure.
 */
export const TASHKENT_OFFSET_MS = 5 * 3600_000;
export const DAY_MS = 24 * 3600_000;

/** The calendar day in Tashkent at `ms`, as YYYY-MM-DD. */
export const tashkentDate = (ms: number): string => new Date(ms + TASHKENT_OFFSET_MS).toISOString().slice(0, 10);

/** The moment a Tashkent calendar day (YYYY-MM-DD) reaches `hour`:00. */
export const tashkentTime = (date: string, hour: number): number => Date.parse(`${date}T00:00:00Z`) + hour * 3600_000 - TASHKENT_OFFSET_MS;

/** A schedule further ahead than this is most likely a typo in the year. */
const MAX_AHEAD_MS = 366 * 24 * 3600_000;

export type ParsedTime = { ok: true; at: number } | { ok: false; reason: "format" | "past" | "too-far" };

const pad = (n: number) => String(n).padStart(2, "0");

/** "01.12.2026 09:00" in Tashkent time. */
export function formatTashkent(ms: number): string {
  const d = new Date(ms + TASHKENT_OFFSET_MS);
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * Reads a time typed by staff: "2026-12-01 09:00", "01.12.2026 9:00",
 * "01.12 09:00" (this year, or next if that has passed), or "09:00" (today,
 * or tomorrow if that has passed). Must be in the future.
 */
export function parseTashkentTime(text: string, now: number): ParsedTime {
  const input = text.trim().replace(/\s+/g, " ");
  const local = new Date(now + TASHKENT_OFFSET_MS);
  const today = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  let m: RegExpExecArray | null;
  let date: { year: number; month: number; day: number; yearGiven: boolean } | undefined;
  let time: string;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](.+)$/.exec(input))) {
    date = { year: +m[1]!, month: +m[2]!, day: +m[3]!, yearGiven: true };
    time = m[4]!;
  } else if ((m = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))? (.+)$/.exec(input))) {
    date = { year: m[3] ? +m[3] : today.year, month: +m[2]!, day: +m[1]!, yearGiven: m[3] !== undefined };
    time = m[4]!;
  } else time = input;
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  if (!t) return { ok: false, reason: "format" };
  const hours = +t[1]!;
  const minutes = +t[2]!;
  if (hours > 23 || minutes > 59) return { ok: false, reason: "format" };

  const at = (year: number, month: number, day: number) => {
    const ms = Date.UTC(year, month - 1, day, hours, minutes) - TASHKENT_OFFSET_MS;
    const check = new Date(ms + TASHKENT_OFFSET_MS);
    return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? ms : undefined; // no 31.02
  };
  let result: number | undefined;
  if (!date) {
    result = at(today.year, today.month, today.day);
    if (result !== undefined && result <= now) result += 24 * 3600_000;
  } else {
    result = at(date.year, date.month, date.day);
    if (result !== undefined && result <= now && !date.yearGiven) result = at(date.year + 1, date.month, date.day);
  }
  if (result === undefined) return { ok: false, reason: "format" };
  if (result <= now) return { ok: false, reason: "past" };
  if (result - now > MAX_AHEAD_MS) return { ok: false, reason: "too-far" };
  return { ok: true, at: result };
}
