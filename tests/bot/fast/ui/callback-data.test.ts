/**
 * ui/callback-data.ts: every kind of button's data within Telegram's 64
 * bytes, for every entry of the shipped knowledge, read back by its own kind
 * to the fields it was built from, and by no other kind; the data already in
 * users' chats still read the same.
 */
import { describe, expect, it } from "vitest";
import { countryTopic, programTopic } from "../../../../src/broadcast/audience.js";
import { SECTION_FACETS } from "../../../../src/answers/facets.js";
import { callback, isPersonalButton, isStaffButton, STAFF_BUTTON } from "../../../../src/bot/ui/callback-data.js";
import { UI_LANGS } from "../../../../src/storage/users.js";
import { sharedDeps } from "../composer-harness.js";

type KindName = Exclude<keyof typeof callback, "staff">;
interface Kind {
  (...values: unknown[]): string;
  pattern: RegExp;
  parse(data: string | undefined): Record<string, unknown> | undefined;
}
const kind = (name: KindName) => callback[name] as unknown as Kind;
const KINDS = (Object.keys(callback) as (keyof typeof callback)[]).filter((name): name is KindName => name !== "staff");

const { kb } = sharedDeps().catalog;
const ids = (type?: string) => kb.entries.filter((e) => type === undefined || e.type === type).map((e) => e.id);
/** Pages, document numbers and database ids far beyond any real one. */
const BIG = 99_999;
const BIG_ID = 2_147_483_647;

/** Each kind's buttons as the bot makes them: the values given, and the fields they must read back as. */
const samples: [KindName, unknown[], Record<string, unknown>][] = [
  ["menu", [], {}],
  ["languages", [], {}],
  ...UI_LANGS.map((lang): (typeof samples)[number] => ["language", [lang], { lang }]),
  ["programs", [], { page: 0 }],
  ["programs", [BIG], { page: BIG }],
  ["countries", [], { page: 0 }],
  ["countries", [BIG], { page: BIG }],
  ...ids().flatMap((id): (typeof samples)[number][] => [
    ["flowMore", [id], { id }],
    ["entry", [id], { id, page: 0 }],
    ["entry", [id, BIG], { id, page: BIG }],
  ]),
  ["eligibility", [], {}],
  ...ids("program").flatMap((id): (typeof samples)[number][] => [
    ["eligibilityFor", [id], { id }],
    ["applyPage", [id, BIG], { id, page: BIG }],
    ["applyStart", [id], { id }],
    ["tick", [id, BIG], { id, document: BIG }],
    ["remind", [id], { id }],
    ["cancelReminder", [id], { id }],
    ["reminderCard", [id], { id }],
    ["follow", [programTopic(id)], { topic: programTopic(id) }],
    ["toggleTopic", [BIG, programTopic(id)], { page: BIG, topic: programTopic(id) }],
    ...SECTION_FACETS.map((facet): (typeof samples)[number] => ["facet", [id, facet], { id, facet, page: 0 }]),
    ["facet", [id, "countries", BIG], { id, facet: "countries", page: BIG }],
  ]),
  ...ids("country").flatMap((id): (typeof samples)[number][] => [
    ["flowAnswer", ["country", id], { step: "country", value: id }],
    ["follow", [countryTopic(id)], { topic: countryTopic(id) }],
    ["toggleTopic", [BIG, countryTopic(id)], { page: BIG, topic: countryTopic(id) }],
  ]),
  ["flowAnswer", ["gpa", "back"], { step: "gpa", value: "back" }],
  ["flowPage", ["country", BIG], { step: "country", page: BIG }],
  ["flowCancel", [], {}],
  ["flowContinue", [], {}],
  ["applyChooser", [], { page: 0 }],
  ["applyChooser", [BIG], { page: BIG }],
  ["announcements", [], { page: 0 }],
  ["announcements", [BIG], { page: BIG }],
  ["toggleTopic", [0, "all"], { page: 0, topic: "all" }],
  ["stopAllTopics", [], {}],
  ["stopAnnouncements", [], {}],
  ["announcementsYes", [], {}],
  ["announcementsNo", [], {}],
  ["questionWrite", [], {}],
  ["questionAsk", [BIG_ID], { log: BIG_ID }],
  ["questionSend", [BIG_ID], { log: BIG_ID }],
  ["questionCancel", [], {}],
  ["feedback", [BIG_ID, "y"], { answer: BIG_ID, vote: "y" }],
  ["feedback", [BIG_ID, "n"], { answer: BIG_ID, vote: "n" }],
  ["staffAdd", [], {}],
  ["staffRemove", [9_999_999_999], { user: 9_999_999_999 }],
  ["unanswered", [], {}],
  ["unansweredGroup", [BIG_ID, BIG], { group: BIG_ID, page: BIG }],
  ["unansweredPage", [BIG_ID, BIG], { picker: BIG_ID, page: BIG }],
  ...ids().map((id): (typeof samples)[number] => ["unansweredAttach", [BIG_ID, id], { picker: BIG_ID, entry: id }]),
  ["unansweredDismiss", [BIG_ID], { picker: BIG_ID }],
  ...(["open", "pause", "resume", "cancel", "cancel!", "resend"] as const).map((action): (typeof samples)[number] => ["broadcast", [action, BIG_ID], { action, id: BIG_ID }]),
  ["broadcastStep", ["now"], { value: "now" }],
  ["broadcastTopicsPage", [3], { page: 3 }],
  ...ids("program").map((id): (typeof samples)[number] => ["broadcastTopic", [`program:${id}`], { topic: `program:${id}` }]),
  ...UI_LANGS.map((lang): (typeof samples)[number] => ["broadcastLanguage", [lang], { lang }]),
  ...ids("program").map((id): (typeof samples)[number] => ["broadcastDeadlines", [id], { program: id }]),
];

/**
 * A flow's page turn reads as an answer too ("el:country:page:2": value "page:2"): the flow
 * looks for a page turn first, and takes an answer only among its choices (features/eligibility.ts).
 */
const ALSO_READ_BY: Partial<Record<KindName, KindName[]>> = {
  flowPage: ["flowAnswer"],
  // Read before flowAnswer by the flow, as flowPage is: no step is called "more".
  flowMore: ["flowAnswer"],
  // The audience step's choices are /broadcast's choices too (features/broadcast/audience.ts reads them apart).
  broadcastTopicsPage: ["broadcastStep"],
  broadcastTopic: ["broadcastStep"],
  broadcastLanguage: ["broadcastStep"],
};

describe("callback data", () => {
  it("has samples of every kind of button", () => {
    expect(new Set(samples.map(([name]) => name))).toEqual(new Set(KINDS));
    expect(ids("program").length).toBeGreaterThan(0);
    expect(ids("country").length).toBeGreaterThan(0);
  });

  it.each(samples)("%s %j is within 64 bytes and reads back as %j", (name, values, fields) => {
    const data = kind(name)(...values);
    expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(64);
    expect(kind(name).parse(data)).toEqual(fields);
    expect(data).toMatch(kind(name).pattern);
  });

  it("is read by its own kind only: no press is taken for another button", () => {
    for (const [name, values] of samples) {
      const data = kind(name)(...values);
      const readers = KINDS.filter((other) => kind(other).parse(data) !== undefined);
      expect(readers, data).toEqual(expect.arrayContaining([name]));
      expect(readers.filter((other) => other !== name && !ALSO_READ_BY[name]?.includes(other)), data).toEqual([]);
    }
  });

  it("reads the data already in users' chats byte for byte", () => {
    expect(callback.programs()).toBe("programs");
    expect(callback.programs(0)).toBe("programs");
    expect(callback.programs.parse("programs:2")).toEqual({ page: 2 });
    expect(callback.entry("koica")).toBe("e:koica");
    expect(callback.entry.parse("e:koica:1")).toEqual({ id: "koica", page: 1 });
    expect(callback.announcements()).toBe("subs:0");
    expect(callback.toggleTopic.parse("sub:1:program:koica")).toEqual({ page: 1, topic: "program:koica" });
    expect(callback.flowPage.parse("el:country:page:2")).toEqual({ step: "country", page: 2 });
    expect(callback.flowCancel()).toBe("el:cancel");
    expect(callback.questionWrite()).toBe("q:new");
    expect(callback.feedback(12, "n")).toBe("fb:12:n");
    expect(callback.broadcast.parse("s/bc:cancel!:7")).toEqual({ action: "cancel!", id: 7 });
    expect(callback.applyPage.parse("ap:koica:0")).toEqual({ id: "koica", page: 0 });
    expect(callback.broadcastTopicsPage(2)).toBe("s/bcf:tp:2");
    expect(callback.broadcastTopic("program:koica")).toBe("s/bcf:t:program:koica");
    expect(callback.broadcastLanguage("uz-cyrl")).toBe("s/bcf:l:uz-cyrl");
  });

  it("reads nothing from data of another shape", () => {
    expect(callback.entry.parse("e:")).toBeUndefined();
    expect(callback.entry.parse("e:koica:x")).toBeUndefined();
    expect(callback.programs.parse("programs:")).toBeUndefined();
    expect(callback.broadcast.parse("s/bc:explode:7")).toBeUndefined();
    expect(callback.tick.parse("ck:koica:-1")).toBeUndefined();
    expect(callback.menu.parse(undefined)).toBeUndefined();
  });

  it("refuses to build data over 64 bytes, counting bytes, not characters", () => {
    expect(callback.entry("x".repeat(62))).toHaveLength(64);
    expect(() => callback.entry("x".repeat(63))).toThrow("callback_data over 64 bytes");
    // Cyrillic letters take two bytes each: 31 fit ("e:" + 62 bytes), 32 do not.
    expect(() => callback.entry("я".repeat(31))).not.toThrow();
    expect(() => callback.entry("я".repeat(32))).toThrow("callback_data over 64 bytes");
    expect(() => callback.staff(`ua:1:${"x".repeat(60)}`)).toThrow("callback_data over 64 bytes");
  });

  it("marks staff buttons for middleware/roles.ts, and only them", () => {
    for (const [name, values] of samples) {
      const data = kind(name)(...values);
      expect(isStaffButton(data), data).toBe(STAFF_BUTTON.test(data));
      expect(isStaffButton(data), data).toBe(/^(staff|unanswered|broadcast)/.test(name));
    }
  });

  it("tells personal buttons (refused in groups) from the rest", () => {
    const personal = new Set(samples.filter(([name, values]) => isPersonalButton(kind(name)(...values))).map(([name]) => name));
    expect(personal).toEqual(
      new Set(["languages", "language", "announcements", "toggleTopic", "follow", "stopAllTopics", "stopAnnouncements", "announcementsYes", "announcementsNo", "remind", "cancelReminder", "tick"]),
    );
  });
});
