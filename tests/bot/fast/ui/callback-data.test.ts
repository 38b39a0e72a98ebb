/**
 * ui/callback-data.ts: every button's data within Telegram's 64 bytes, for
 * every entry of the shipped knowledge, and read back by its pattern to what
 * it was built from, by that pattern only.
 */
import { describe, expect, it } from "vitest";
import { countryTopic, programTopic } from "../../../../src/broadcast/audience.js";
import {
  ANNOUNCEMENTS_PAGE,
  APPLY_CHOOSER_PAGE,
  callback,
  CANCEL_REMINDER_BUTTON,
  COUNTRIES_PAGE,
  ENTRY_BUTTON,
  FOLLOW_BUTTON,
  isPersonalButton,
  LANGUAGE_BUTTON,
  PROGRAMS_PAGE,
  REMIND_BUTTON,
  REMINDER_CARD_BUTTON,
  STAFF_BUTTON,
  STEP_PAGE,
  TOGGLE_TOPIC_BUTTON,
} from "../../../../src/bot/ui/callback-data.js";
import { UI_LANGS } from "../../../../src/storage/users.js";
import { sharedDeps } from "../composer-harness.js";

/** The patterns the features read these buttons with but keep to themselves (features/apply.ts, features/eligibility.ts). */
const APPLY_PAGE = /^ap:([^:]+):(\d+)$/;
const APPLY_START = /^aps:(.+)$/;
const TICK = /^ck:([^:]+):(\d+)$/;
const ELIGIBILITY_FOR = /^elg:(.+)$/;
const STEP = /^el:([^:]+):(.+)$/;

const PATTERNS = {
  LANGUAGE_BUTTON,
  ENTRY_BUTTON,
  PROGRAMS_PAGE,
  COUNTRIES_PAGE,
  APPLY_CHOOSER_PAGE,
  STEP_PAGE,
  ANNOUNCEMENTS_PAGE,
  TOGGLE_TOPIC_BUTTON,
  FOLLOW_BUTTON,
  REMIND_BUTTON,
  CANCEL_REMINDER_BUTTON,
  REMINDER_CARD_BUTTON,
  APPLY_PAGE,
  APPLY_START,
  TICK,
  ELIGIBILITY_FOR,
};

const { kb } = sharedDeps().catalog;
const ids = (type?: string) => kb.entries.filter((e) => type === undefined || e.type === type).map((e) => e.id);
/** Pages and document numbers far beyond any list's. */
const BIG = 999;

/** Each button the bot makes from the knowledge: its data, the pattern that reads it, and what it must read back. */
const cases: [string, string, keyof typeof PATTERNS, (string | undefined)[]][] = [
  ...UI_LANGS.map((lang): (typeof cases)[number] => [`language ${lang}`, callback.language(lang), "LANGUAGE_BUTTON", [lang]]),
  ...ids().flatMap((id): (typeof cases)[number][] => [
    [`entry ${id}`, callback.entry(id), "ENTRY_BUTTON", [id, undefined]],
    [`entry ${id} page`, callback.entry(id, BIG), "ENTRY_BUTTON", [id, String(BIG)]],
  ]),
  ...ids("program").flatMap((id): (typeof cases)[number][] => [
    [`eligibilityFor ${id}`, callback.eligibilityFor(id), "ELIGIBILITY_FOR", [id]],
    [`applyPage ${id}`, callback.applyPage(id, BIG), "APPLY_PAGE", [id, String(BIG)]],
    [`applyStart ${id}`, callback.applyStart(id), "APPLY_START", [id]],
    [`tick ${id}`, callback.tick(id, BIG), "TICK", [id, String(BIG)]],
    [`remind ${id}`, callback.remind(id), "REMIND_BUTTON", [id]],
    [`cancelReminder ${id}`, callback.cancelReminder(id), "CANCEL_REMINDER_BUTTON", [id]],
    [`reminderCard ${id}`, callback.reminderCard(id), "REMINDER_CARD_BUTTON", [id]],
    [`follow ${id}`, callback.follow(programTopic(id)), "FOLLOW_BUTTON", [programTopic(id)]],
    [`toggleTopic ${id}`, callback.toggleTopic(programTopic(id), BIG), "TOGGLE_TOPIC_BUTTON", [String(BIG), programTopic(id)]],
  ]),
  ...ids("country").flatMap((id): (typeof cases)[number][] => [
    [`follow ${id}`, callback.follow(countryTopic(id)), "FOLLOW_BUTTON", [countryTopic(id)]],
    [`toggleTopic ${id}`, callback.toggleTopic(countryTopic(id), BIG), "TOGGLE_TOPIC_BUTTON", [String(BIG), countryTopic(id)]],
  ]),
  ["programs page", callback.programs(BIG), "PROGRAMS_PAGE", [String(BIG)]],
  ["programs", callback.programs(), "PROGRAMS_PAGE", [undefined]],
  ["countries page", callback.countries(BIG), "COUNTRIES_PAGE", [String(BIG)]],
  ["countries", callback.countries(), "COUNTRIES_PAGE", [undefined]],
  ["apply chooser page", callback.applyChooser(BIG), "APPLY_CHOOSER_PAGE", [String(BIG)]],
  ["apply chooser", callback.applyChooser(), "APPLY_CHOOSER_PAGE", [undefined]],
  ["step page", callback.stepPage("country", BIG), "STEP_PAGE", ["country", String(BIG)]],
  ["announcements page", callback.announcements(BIG), "ANNOUNCEMENTS_PAGE", [String(BIG)]],
  ["toggle all", callback.toggleTopic("all", 0), "TOGGLE_TOPIC_BUTTON", ["0", "all"]],
];

describe("callback data", () => {
  it("covers the shipped knowledge", () => {
    expect(ids("program").length).toBeGreaterThan(0);
    expect(ids("country").length).toBeGreaterThan(0);
  });

  it.each(cases)("%s (%s) is within 64 bytes and read back by %s to what it was built from", (_, data, pattern, groups) => {
    expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(64);
    expect(PATTERNS[pattern].exec(data)?.slice(1)).toEqual(groups);
  });

  it("is read by one pattern only: no button is taken for another", () => {
    for (const [, data, pattern] of cases) {
      const readers = Object.entries(PATTERNS).filter(([, re]) => re.test(data)).map(([name]) => name);
      expect(readers, data).toEqual([pattern]);
    }
  });

  it("reads an eligibility answer's step and value, with countries for values", () => {
    for (const id of ids("country")) {
      const data = callback.step("country", id);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(STEP.exec(data)?.slice(1)).toEqual(["country", id]);
      expect(STEP_PAGE.test(data)).toBe(false);
    }
  });

  it("refuses to build data over 64 bytes, counting bytes, not characters", () => {
    expect(callback.entry("x".repeat(62))).toHaveLength(64);
    expect(() => callback.entry("x".repeat(63))).toThrow("callback_data over 64 bytes");
    // Cyrillic letters take two bytes each: 31 fit ("e:" + 62 bytes), 32 do not.
    expect(() => callback.entry("я".repeat(31))).not.toThrow();
    expect(() => callback.entry("я".repeat(32))).toThrow("callback_data over 64 bytes");
    expect(() => callback.staff(`ua:1:${"x".repeat(60)}`)).toThrow();
  });

  it("marks staff buttons for middleware/roles.ts, and only them", () => {
    expect(STAFF_BUTTON.test(callback.staff("bc:open:1"))).toBe(true);
    for (const [, data] of cases) expect(STAFF_BUTTON.test(data)).toBe(false);
  });

  it("tells personal buttons (refused in groups) from the rest", () => {
    const personal = cases.filter(([, data]) => isPersonalButton(data)).map(([, , pattern]) => pattern);
    expect(new Set(personal)).toEqual(new Set(["LANGUAGE_BUTTON", "TICK", "REMIND_BUTTON", "CANCEL_REMINDER_BUTTON", "FOLLOW_BUTTON", "TOGGLE_TOPIC_BUTTON", "ANNOUNCEMENTS_PAGE"]));
    for (const data of [callback.languages(), callback.stopAllTopics(), callback.stopAnnouncements(), callback.announcementsYes(), callback.announcementsNo()]) {
      expect(isPersonalButton(data), data).toBe(true);
    }
  });
});
