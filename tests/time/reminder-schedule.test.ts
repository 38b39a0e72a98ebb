import { describe, expect, it } from "vitest";
import { daysUntil, nextDeadline, planReminder } from "../../src/time/reminder-schedule.js";
import { tashkentDate } from "../../src/time/tashkent.js";

/** A moment given in Tashkent time (UTC+5). */
const tashkent = (local: string) => Date.parse(`${local}+05:00`);

describe("Tashkent calendar days", () => {
  it("start at midnight in Tashkent, five hours before UTC's", () => {
    expect(tashkentDate(Date.parse("2027-02-28T18:59:59Z"))).toBe("2027-02-28");
    expect(tashkentDate(Date.parse("2027-02-28T19:00:00Z"))).toBe("2027-03-01"); // 00:00 in Tashkent, still Feb 28 in UTC
    expect(daysUntil("2027-03-01", Date.parse("2027-02-28T19:30:00Z"))).toBe(0);
    expect(daysUntil("2027-03-01", Date.parse("2027-02-28T18:30:00Z"))).toBe(1);
  });

  it("count whole days to a deadline: 0 on the day, negative after", () => {
    expect(daysUntil("2027-03-01", tashkent("2027-02-22T23:59"))).toBe(7);
    expect(daysUntil("2027-03-01", tashkent("2027-03-01T23:59"))).toBe(0);
    expect(daysUntil("2027-03-01", tashkent("2027-03-02T00:00"))).toBe(-1);
    expect(daysUntil("2028-03-01", tashkent("2028-02-28T12:00"))).toBe(2); // a leap year
  });

  it("pick the next deadline that is still open (today counts)", () => {
    const dates = ["2027-09-01", "2027-03-01", "2026-11-01"];
    expect(nextDeadline(dates, tashkent("2027-01-10T10:00"))).toBe("2027-03-01");
    expect(nextDeadline(dates, tashkent("2027-03-01T20:00"))).toBe("2027-03-01");
    expect(nextDeadline(dates, tashkent("2027-03-02T00:00"))).toBe("2027-09-01");
    expect(nextDeadline(dates, tashkent("2027-09-02T00:00"))).toBeUndefined();
  });
});

describe("planning a reminder", () => {
  const deadline = "2027-03-01";

  it("is due N days before the deadline, at 09:00 in Tashkent", () => {
    const plan = planReminder([deadline], 7, tashkent("2027-01-10T15:00"));
    expect(plan).toEqual({ deadline, remindAt: tashkent("2027-02-22T09:00") });
    expect(new Date(plan!.remindAt).toISOString()).toBe("2027-02-22T04:00:00.000Z");
  });

  it("exactly N days before: due at 09:00 that morning, at once from 09:00 on", () => {
    expect(planReminder([deadline], 7, tashkent("2027-02-22T08:59"))).toMatchObject({ remindAt: tashkent("2027-02-22T09:00") });
    const at = tashkent("2027-02-22T09:00");
    expect(planReminder([deadline], 7, at)).toEqual({ deadline, remindAt: at });
  });

  it("closer than N days: due at once, with the days left", () => {
    const now = tashkent("2027-02-26T18:00");
    expect(planReminder([deadline], 7, now)).toEqual({ deadline, remindAt: now });
  });

  it("on the deadline's own day: due at once, 0 days left", () => {
    const now = tashkent("2027-03-01T22:00");
    expect(planReminder([deadline], 1, now)).toEqual({ deadline, remindAt: now });
  });

  it("after the deadline: none, or the next deadline's", () => {
    expect(planReminder([deadline], 7, tashkent("2027-03-02T00:00"))).toBeUndefined();
    expect(planReminder([], 7, tashkent("2027-01-01T00:00"))).toBeUndefined();
    expect(planReminder([deadline, "2027-09-01"], 7, tashkent("2027-03-05T10:00"))).toMatchObject({ deadline: "2027-09-01", remindAt: tashkent("2027-08-25T09:00") });
  });

  it("uses Tashkent's midnight, not UTC's, for the day of the deadline", () => {
    // 23:30 UTC on Feb 28 is already March 1 in Tashkent: the deadline day itself.
    const now = Date.parse("2027-02-28T23:30:00Z");
    expect(daysUntil(deadline, now)).toBe(0);
    expect(planReminder([deadline], 1, now)).toEqual({ deadline, remindAt: now });
    // 1 day before at 09:00 Tashkent is 04:00 UTC on Feb 28.
    expect(planReminder([deadline], 1, Date.parse("2027-02-28T03:59:00Z"))).toMatchObject({ remindAt: Date.parse("2027-02-28T04:00:00Z") });
  });
});
