/** ui/cards.ts: knowledge entries as screens, with the next step one tap away, and the lists a page at a time. */
import { describe, expect, it } from "vitest";
import { readers } from "../../../../src/bot/locale.js";
import { entryView, listView } from "../../../../src/bot/ui/cards.js";
import type { View } from "../../../../src/bot/ui/view.js";
import type { KnowledgeBase } from "../../../../src/knowledge/load.js";
import type { ProgramEntry } from "../../../../src/knowledge/schema.js";
import { sharedDeps } from "../composer-harness.js";

const en = readers(sharedDeps())("en");
const { kb } = sharedDeps().catalog;
const texts = (view: View) => view.keyboard?.inline_keyboard.map((row) => row.map((b) => b.text)) ?? [];
const data = (view: View) => view.keyboard?.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : undefined)) ?? [];
const programs = kb.entries.filter((e): e is ProgramEntry => e.type === "program");

describe("listView", () => {
  it("lists every program on one page while there are 10 or fewer, one to a row, then the menu", () => {
    const view = listView(en, kb, "program");
    expect(programs.length).toBeLessThanOrEqual(10);
    expect(texts(view)).toEqual([...programs.map((p) => [p.title.en]), ["🏠 Menu"]]);
    expect(view.html).toBe(en.t("programs-title"));
  });

  it("lists countries two to a row", () => {
    const rows = texts(listView(en, kb, "country"));
    expect(rows.slice(0, -1).every((row) => row.length <= 2)).toBe(true);
    expect(rows.at(-1)).toEqual(["🏠 Menu"]);
  });

  it("pages a long list: 10 programs a page, Previous and Next, the page's number in the text", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...programs[0]!, id: `p${i}`, title: { ...programs[0]!.title, en: `Program ${i}` } }));
    const big: KnowledgeBase = { ...kb, entries: many };
    const second = listView(en, big, "program", 1);
    expect(texts(second)).toEqual([...Array.from({ length: 10 }, (_, i) => [`Program ${i + 10}`]), ["◀️ Previous", "Next ▶️"], ["🏠 Menu"]]);
    expect(data(second).slice(-3)).toEqual(["programs", "programs:2", "menu"]);
    expect(second.html).toBe(`${en.t("programs-title")}\n\nPage 2 of 3`);
    expect(texts(listView(en, big, "program", 9)).at(-2)).toEqual(["◀️ Previous"]);
  });
});

describe("entryView", () => {
  const erasmus = kb.byId.get("erasmus-mundus")!;

  it("shows a program's card: its title in bold, and its documents, deadlines, how to apply, eligibility, contacts, subscription and the way back one tap away, 8 buttons at most", () => {
    const view = entryView(en, kb, erasmus);
    expect(view.html.startsWith(`<b>${erasmus.title.en}</b>`)).toBe(true);
    expect(texts(view)).toEqual([
      ["📄 Documents", "📅 Deadlines"],
      ["📝 How to apply", "✅ Am I eligible?"],
      ["📞 Contacts", "🔔 Subscribe"],
      ["⬅️ Programs"],
    ]);
    expect(data(view)).toEqual([
      "f:erasmus-mundus:documents",
      "f:erasmus-mundus:deadlines",
      "ap:erasmus-mundus:0",
      "elg:erasmus-mundus",
      "e:international-department",
      "fol:program:erasmus-mundus",
      "programs",
    ]);
    // No partner countries: none named, no button to them.
    expect(view.html).not.toContain("Partner countries");
  });

  it("names a program's one partner country in its text, with a button to it beside the way back", () => {
    const koica = kb.byId.get("koica") as ProgramEntry;
    expect(koica.program.countries).toEqual(["south-korea"]);
    const view = entryView(en, kb, koica);
    expect(view.html).toContain("<b>Partner countries</b>\nSouth Korea");
    expect(texts(view).at(-1)).toEqual(["🌍 South Korea", "⬅️ Programs"]);
    expect(data(view).slice(-2)).toEqual(["e:south-korea", "programs"]);
  });

  it("names a program's several partner countries in its text, with one button to its countries section", () => {
    const erasmus = kb.byId.get("erasmus-mundus") as ProgramEntry;
    const several: ProgramEntry = { ...erasmus, program: { ...erasmus.program, countries: ["south-korea", "china", "india"] } };
    const base: KnowledgeBase = { ...kb, byId: new Map([...kb.byId, [erasmus.id, several]]) };
    const view = entryView(en, base, several);
    expect(view.html).toContain("<b>Partner countries</b>\nSouth Korea, China, India");
    expect(texts(view).at(-1)).toEqual(["🌍 Countries", "⬅️ Programs"]);
    expect(data(view).slice(-2)).toEqual(["f:erasmus-mundus:countries", "programs"]);
    expect(data(view).length).toBe(8);
  });

  it("shows a country's card with its programs, contacts, subscription and the way back to the countries", () => {
    const belarus = kb.byId.get("belarus")!;
    const view = entryView(en, kb, belarus);
    expect(texts(view)).toEqual([
      ['Joint "2+2" program with BSPU'],
      ['Joint "3+1" program with BSPU'],
      ["📞 Contacts", "🔔 Subscribe"],
      ["⬅️ Countries", "🏠 Menu"],
    ]);
    expect(data(view)).toEqual(["e:bspu-2plus2", "e:bspu-3plus1", "e:international-department", "fol:country:belarus", "countries", "menu"]);
    expect(view.html).toContain("<b>Programs</b>\n• Joint &quot;2+2&quot; program with BSPU\n• Joint &quot;3+1&quot; program with BSPU");
  });

  it("shows a topic's card with up to 6 related entries, its own links first, then contacts and the menu", () => {
    const topic = kb.byId.get("partner-countries")!;
    expect(kb.related.get(topic.id)!.length).toBeGreaterThan(6);
    const rows = texts(entryView(en, kb, topic));
    expect(rows.flat().length).toBe(8);
    expect(rows.at(-1)).toEqual(["📞 Contacts", "🏠 Menu"]);
    // The topic's own links first, in the order staff wrote them: "Partner countries" lists its countries.
    expect(rows[0]).toEqual(["South Korea", "United Kingdom (England)"]);
  });

  it("keeps every card of the shipped knowledge to 8 buttons at most", () => {
    for (const entry of kb.entries) expect(data(entryView(en, kb, entry)).length, entry.id).toBeLessThanOrEqual(8);
  });

  it("renders a card once per knowledge base, language and page", () => {
    expect(entryView(en, kb, erasmus)).toBe(entryView(en, kb, erasmus));
    expect(entryView(readers(sharedDeps())("ru"), kb, erasmus)).not.toBe(entryView(en, kb, erasmus));
  });

  it("makes the phone numbers of a contact's details tappable (written without spaces), says each once, and offers the menu", () => {
    const contact = kb.byId.get("international-department")!;
    const view = entryView(en, kb, contact);
    expect(view.html.split("+998912090766").length - 1).toBe(1);
    expect(view.html).not.toContain("+998 91");
    expect(texts(view)).toEqual([["🏠 Menu"]]);
  });
});
