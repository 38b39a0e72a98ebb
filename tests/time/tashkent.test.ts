/** Times staff type and read, in Tashkent (UTC+5, no daylight saving time). */
import { describe, expect, it } from "vitest";
import { formatTashkent, parseTashkentTime, tashkentDate, tashkentTime } from "../../src/time/tashkent.js";

// 28 November 2026, 20:00 in Tashkent.
const NOW = Date.parse("2026-11-28T20:00:00+05:00");
const at = (iso: string) => ({ ok: true, at: Date.parse(iso) });

describe("Tashkent time", () => {
  it("formats and dates in Tashkent, not UTC", () => {
    expect(formatTashkent(Date.parse("2026-12-01T09:00:00+05:00"))).toBe("01.12.2026 09:00");
    expect(tashkentDate(Date.parse("2026-11-28T23:30:00Z"))).toBe("2026-11-29");
    expect(tashkentTime("2026-12-01", 9)).toBe(Date.parse("2026-12-01T09:00:00+05:00"));
  });

  it.each([
    ["2026-12-01 09:00", "2026-12-01T09:00:00+05:00"],
    ["01.12.2026 9:00", "2026-12-01T09:00:00+05:00"],
    ["1/12/2026 09.30", "2026-12-01T09:30:00+05:00"],
    ["01.12 09:00", "2026-12-01T09:00:00+05:00"],
    ["01.01 08:00", "2027-01-01T08:00:00+05:00"], // this year's has passed: next year's
    ["21:15", "2026-11-28T21:15:00+05:00"], // later today
    ["07:00", "2026-11-29T07:00:00+05:00"], // already passed today: tomorrow
  ])("reads %j", (text, iso) => {
    expect(parseTashkentTime(text, NOW)).toEqual(at(iso));
  });

  it.each([
    ["tomorrow", "format"],
    ["31.02.2027 09:00", "format"],
    ["01.12.2026 24:00", "format"],
    ["01.11.2026 09:00", "past"],
    ["28.11.2026 19:59", "past"],
    ["01.12.2028 09:00", "too-far"],
  ])("refuses %j (%s)", (text, reason) => {
    expect(parseTashkentTime(text, NOW)).toEqual({ ok: false, reason });
  });
});
