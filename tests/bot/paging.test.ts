/**
 * Lists that grow with the knowledge base, on a base of 48 programs and 35
 * countries: the programs and countries lists, the announcements screen, the
 * /apply chooser, the eligibility question's countries, and the staff's lists
 * of a broadcast's topics and of entries to attach a question to show at most
 * 10 entries a page, a country's programs 2 a page (all on one when 4 or
 * fewer), and Next (then Previous) reach every entry exactly once. A network
 * program's many partner countries are named in its card's text and in its
 * countries section, whose buttons to them come 2 a page (all on one when 3
 * or fewer).
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { evaluateEligibility } from "../../src/eligibility/rules.js";
import { takesApplicants } from "../../src/knowledge/describe.js";
import { loadKnowledge, programsOf } from "../../src/knowledge/load.js";
import type { ProgramEntry } from "../../src/knowledge/schema.js";
import { writeLargeKnowledge } from "../fixtures/large-knowledge.js";
import { allButtons, withBot } from "./harness.js";

const dir = writeLargeKnowledge({ programs: 40, countries: 25 });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OWNER = 500;
const h = withBot({ KNOWLEDGE_DIR: dir, ADMIN_IDS: [OWNER] });

const kb = loadKnowledge(dir);
const titlesOf = (ids: Iterable<string>) => [...ids].map((id) => kb.byId.get(id)!.title.en);
const programs = titlesOf(programsOf(kb).map((p) => p.id));
const countries = titlesOf(kb.entries.filter((e) => e.type === "country").map((e) => e.id));
const countriesWithPrograms = titlesOf(new Set(programsOf(kb).flatMap((p) => p.program.countries)));

const NEXT = "Next ▶️";
const PREVIOUS = "◀️ Previous";

/**
 * From a list's first page, Next to the last page, then (unless `back` is
 * false) Previous back to the first, checking each page comes back the same,
 * and (when `numbered`) that the text says which page it is; the entries of
 * each page, by their button data (`isEntry`), and the message where it
 * stopped.
 */
async function pageThrough(
  user: FakeUser,
  first: FakeMessage,
  isEntry: (data: string) => boolean,
  { back = true, numbered = true } = {},
): Promise<string[][] & { last: FakeMessage }> {
  const entriesOn = (message: FakeMessage) =>
    message.buttons
      .flat()
      .filter((b) => b.callbackData !== undefined && isEntry(b.callbackData))
      .map((b) => b.text);
  const pages: string[][] = [];
  let message = first;
  for (;;) {
    pages.push(entriesOn(message));
    expect(entriesOn(message).length).toBeLessThanOrEqual(10);
    if (numbered) expect(message.text).toContain(`Page ${pages.length} of `);
    if (!allButtons(message).includes(NEXT)) break;
    const next = await user.press(message, NEXT);
    expect(next.messageId).toBe(message.messageId); // turned in place
    message = next;
  }
  for (let i = pages.length - 2; back && i >= 0; i--) {
    message = await user.press(message, PREVIOUS);
    expect(entriesOn(message)).toEqual(pages[i]);
  }
  if (back) expect(allButtons(message)).not.toContain(PREVIOUS);
  return Object.assign(pages, { last: message });
}

/** Every entry once, in pages of `size` (10 unless told) but the last. */
function expectEvery(pages: string[][], expected: string[], size = 10): void {
  expect(pages.flat().sort()).toEqual([...expected].sort());
  expect(pages.map((p) => p.length)).toEqual(Array.from({ length: Math.ceil(expected.length / size) }, (_, i) => Math.min(size, expected.length - size * i)));
}

describe("lists of a large knowledge base, a page at a time", () => {
  it("the programs list", async () => {
    expect(programs.length).toBeGreaterThan(30);
    const user = h.fake.user({ languageCode: "en" });
    const list = await user.send("/programs");
    expect(list.text).toContain("Page 1 of 5");
    const pages = await pageThrough(user, list, (data) => data.startsWith("e:"));
    expectEvery(pages, programs);
    // A program of a later page opens its card.
    const third = await user.press(await user.press(list, NEXT), NEXT);
    const card = await user.press(third, pages[2]![0]!);
    expect(card.text.startsWith(pages[2]![0]!)).toBe(true);
  });

  it("the countries list", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const list = await user.send("/countries");
    expectEvery(await pageThrough(user, list, (data) => data.startsWith("e:")), countries);
  });

  it("a country's programs, on its card", async () => {
    const popular = kb.byId.get("country-1")!;
    const itsPrograms = titlesOf(programsOf(kb).filter((p) => p.program.countries.includes(popular.id)).map((p) => p.id));
    expect(itsPrograms.length).toBeGreaterThan(10);
    const user = h.fake.user({ languageCode: "en" });
    const countriesList = await user.send("/countries");
    const card = await user.press(countriesList, popular.title.en);
    expect(card.text.startsWith(popular.title.en)).toBe(true);
    const pages = await pageThrough(user, card, (data) => /^e:program-\d+$/.test(data));
    // More than 4: 2 a page, so that the card keeps to 8 buttons with the pager, contacts, subscription and the way back.
    expectEvery(pages, itsPrograms, 2);
    expect(card.buttons.flat().length).toBeLessThanOrEqual(8);
    // The text names the page's programs, as the buttons do.
    expect(card.text).toContain(`• ${pages[0]![0]}`);
    expect(card.text).not.toContain(`• ${pages[1]![0]}`);
  });

  it("a program's partner countries: named in its card's text, and in its countries section one tap away", async () => {
    const network = kb.byId.get("program-1") as ProgramEntry;
    expect(network.program.countries.length).toBeGreaterThan(10);
    const names = titlesOf(network.program.countries);
    const user = h.fake.user({ languageCode: "en" });
    const card = await user.send("/start program-1");
    expect(card.text.startsWith(network.title.en)).toBe(true);
    // Every country named in the text, under its heading; no page of them.
    expect(card.text).toContain(`Partner countries\n${names.join(", ")}`);
    expect(card.text).not.toContain("Page ");
    // One button to them all, not one per country; the card keeps to 8 buttons.
    expect(card.buttons.flat().filter((b) => b.text.startsWith("🌍 "))).toEqual([expect.objectContaining({ text: "🌍 Countries", callbackData: "f:program-1:countries" })]);
    expect(card.buttons.flat().filter((b) => /^e:country-/.test(b.callbackData ?? ""))).toEqual([]);
    expect(card.buttons.flat().length).toBeLessThanOrEqual(8);

    const section = await user.press(card, "🌍 Countries");
    const pageCount = Math.ceil(names.length / 3);
    expect(section.text).toBe(`${network.title.en}\n\nCountries\n${names.join(", ")}\nPage 1 of ${pageCount}`);
    // The card a tap away and the countries 3 a page, the section's next sections giving way to the pager.
    const first = names.slice(0, 3).map((name) => `🌍 ${name}`);
    expect(allButtons(section)).toEqual(["ℹ️ More details", ...first, NEXT]);
    expect(section.buttons.flat().find((b) => b.text === NEXT)?.callbackData).toBe("f:program-1:countries:1");
    // Next (then Previous) turns the section in place and reaches every country once; the text names them all on every page, with its number.
    const pages = await pageThrough(user, section, (data) => /^e:country-\d+$/.test(data));
    expectEvery(pages, names.map((name) => `🌍 ${name}`), 3);
    expect(pages.last.text).toBe(section.text);
    expect(allButtons(pages.last)).toEqual(["ℹ️ More details", ...first, NEXT]);
    const country = await user.press(section, first[0]!);
    expect(country.text.startsWith(names[0]!)).toBe(true);
  });

  it("the announcements screen: programs, then countries, ten topics a page", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const screen = await user.send("/announcements");
    expect(allButtons(screen)).toContain("🌍 Partner countries"); // a jump to the countries' first page
    const pages = await pageThrough(user, screen, (data) => data.startsWith("sub:") && !data.endsWith(":all"));
    const off = (titles: string[]) => titles.map((title) => `▫️ ${title}`);
    expect(pages.flat()).toEqual([...off(programs), ...off(countries)]);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 8, 10, 10, 10, 5]);
  });

  it("a broadcast's programs and countries to choose from (staff), counted a page at a time", async () => {
    const topics = [...programsOf(kb), ...kb.entries.filter((e) => e.type === "country")];
    const onLastPage = topics[80]!;
    const student = h.fake.user({ languageCode: "en" });
    h.app.store.users.see({ id: student.id, firstName: "S" });
    h.app.store.flush();
    h.app.store.subscriptions.subscribe(student.id, `country:${onLastPage.id}`);
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const audience = await owner.send("/broadcast");
    const first = await owner.press(audience, "By program or country");
    // Forward only: there and back would be more presses than flood control lets one person make in 10 seconds.
    const pages = await pageThrough(owner, first, (data) => data.startsWith("s/bcf:t:"), { back: false });
    expectEvery(pages, topics.map((e) => `${e.title.en} (${e === onLastPage ? 1 : 0})`));
    const ask = await owner.press(pages.last, `${onLastPage.title.en} (1)`);
    expect(ask.text).toContain(`subscribers to ${onLastPage.title.en}`);
    await owner.send("/cancel");
  });

  it("the entries to attach an unanswered question to (staff)", async () => {
    const student = h.fake.user({ languageCode: "en" });
    await student.send("qwzx plmk");
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const list = await owner.send("/unanswered");
    const picker = await owner.press(list, /^1\. qwzx plmk/);
    // Forward only, within what flood control lets one person press in 10 seconds.
    const pages = await pageThrough(owner, picker, (data) => data.startsWith("s/ua:"), { back: false });
    expectEvery(
      pages.map((page) => page.map((title) => title.replace(/^⭐ /, ""))),
      kb.entries.map((e) => e.title.en),
    );
  });

  it("the /apply chooser", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const chooser = await user.send("/apply");
    const pages = await pageThrough(user, chooser, (data) => data.startsWith("ap:"));
    // The programs one applies to: KOICA, which brings foreign teachers to JSPU, is none.
    expectEvery(pages, titlesOf(programsOf(kb).filter(takesApplicants).map((p) => p.id)));
    // A program on the last page starts its steps.
    const last = pages.at(-1)!.at(-1)!;
    let page = chooser;
    for (let i = 1; i < pages.length; i++) page = await user.press(page, NEXT);
    const steps = await user.press(page, last);
    expect(steps.text).toContain(`How to apply: ${last}`);
  });

  it("the eligibility question's countries, inside the conversation: turning pages, then a country of a later page answers it", async () => {
    const user = h.fake.user({ languageCode: "en" });
    const role = await user.send("/eligibility");
    const field = await user.press(role, "Teacher or professor");
    const certificate = await user.press(field, "Skip"); // a teacher is not asked the GPA
    const interest = await user.press(certificate, "I don't have one");
    expect(interest.text).toContain("Is there a country you are most interested in?");
    const isCountry = (data: string) => data.startsWith("el:interest:") && !/:(page:\d+|any|back)$/.test(data);
    const pages = await pageThrough(user, interest, isCountry);
    expectEvery(pages, countriesWithPrograms);

    // "Any country", Back and Cancel stay on every page; a country of the last page is taken as the answer.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    let page = interest;
    for (let i = 1; i < pages.length; i++) {
      page = await user.press(page, NEXT);
      expect(allButtons(page)).toEqual(expect.arrayContaining(["Any country", "⬅️ Back", "✖️ Cancel"]));
    }
    const result = await user.press(page, pages.at(-1)![0]!);
    expect(result.messageId).not.toBe(interest.messageId);
    expect(allButtons(result)).toContain("🏠 Menu");

    // The answer names 10 programs a list at most and counts the rest: a large base must not outgrow one message.
    const verdicts = evaluateEligibility({ role: "teacher", certificates: [] }, programsOf(kb));
    const counts = { eligible: verdicts.filter((v) => v.verdict === "eligible").length, nearly: verdicts.filter((v) => v.verdict === "nearly").length };
    expect(Math.max(counts.eligible, counts.nearly)).toBeGreaterThan(10);
    const lists = result.text.split("\n\n");
    for (const [heading, count] of [["You qualify now for:", counts.eligible], ["Nearly — what is missing:", counts.nearly]] as const) {
      if (count === 0) continue;
      const lines = lists.find((list) => list.startsWith(heading))!.split("\n").slice(1);
      expect(lines.filter((line) => line.startsWith("• "))).toHaveLength(Math.min(10, count));
      if (count > 10) expect(lines.at(-1)).toBe(`…and ${count - 10} more.`);
    }
  });
});
