/** src/time/dates.ts: every date a person reads, as a reader of their language writes it. */
import { describe, expect, it } from "vitest";
import { formatDay, formatDays, formatTashkentMoment, isPast } from "../../src/time/dates.js";

/** Intl puts no-break and thin spaces where a writer would: compared here as plain spaces. */
const spaced = (text: string) => text.replace(/\s/gu, " ");

describe("a day", () => {
  it.each([
    ["uz", "1-mart, 2027"],
    ["uz-cyrl", "1-март, 2027"],
    ["ru", "1 марта 2027 г."],
    ["en", "1 March 2027"],
  ] as const)("in %s is %s", (ui, shown) => {
    expect(spaced(formatDay("2027-03-01", ui))).toBe(shown);
  });

  it("is a calendar day: the same whatever the clock's time zone", () => {
    expect(formatDay("2027-12-31", "en")).toBe("31 December 2027");
    expect(formatDay("2028-01-01", "en")).toBe("1 January 2028");
  });
});

describe("a moment", () => {
  it.each([
    ["uz", "1-mart, 2027, 09:00"],
    ["uz-cyrl", "1-март, 2027, 09:00"],
    ["ru", "1 марта 2027 г. в 09:00"],
    ["en", "1 March 2027 at 09:00"],
  ] as const)("in %s reads as in Tashkent: %s", (ui, shown) => {
    expect(spaced(formatTashkentMoment(Date.parse("2027-03-01T09:00:00+05:00"), ui))).toBe(shown);
  });

  it("is on Tashkent's calendar: 20:00 UTC is already the next day there", () => {
    expect(formatTashkentMoment(Date.parse("2027-02-28T20:00:00Z"), "en")).toBe("1 March 2027 at 01:00");
  });
});

describe("days from one to another", () => {
  it.each([
    ["uz", "30-noyabr – 6-dekabr"],
    ["ru", "30 ноября – 6 декабря"],
    ["en", "30 November – 6 December"],
  ] as const)("in %s, across a month: %s", (ui, shown) => {
    expect(spaced(formatDays("2026-11-30", "2026-12-06", ui))).toBe(shown);
  });

  it("name the month once within it", () => {
    expect(spaced(formatDays("2026-11-23", "2026-11-29", "ru"))).toBe("23–29 ноября");
    expect(spaced(formatDays("2026-11-23", "2026-11-29", "en"))).toBe("23 – 29 November");
  });
});

describe("isPast", () => {
  it("is true from the day after, in Tashkent", () => {
    expect(isPast("2027-03-01", Date.parse("2027-03-01T23:59:00+05:00"))).toBe(false);
    expect(isPast("2027-03-01", Date.parse("2027-03-02T00:00:00+05:00"))).toBe(true);
  });
});
