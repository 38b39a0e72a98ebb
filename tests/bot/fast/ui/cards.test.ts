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

  it("shows a program's card: its title in bold, and how to apply, contacts, eligibility, reminder, subscription and the way back one tap away", () => {
    const view = entryView(en, kb, erasmus);
    expect(view.html.startsWith(`<b>${erasmus.title.en}</b>`)).toBe(true);
    expect(data(view)).toEqual(
      expect.arrayContaining(["ap:erasmus-mundus:0", "elg:erasmus-mundus", "rem:erasmus-mundus", "fol:program:erasmus-mundus", "programs", "menu"]),
    );
    expect(texts(view).at(-1)).toEqual(["⬅️ Programs", "🏠 Menu"]);
  });

  it("shows a country's card with its programs and the way back to the countries", () => {
    const country = kb.entries.find((e) => e.type === "country" && kb.related.get(e.id)?.some((id) => kb.byId.get(id)?.type === "program"))!;
    const view = entryView(en, kb, country);
    expect(texts(view).at(-1)).toEqual(["⬅️ Countries", "🏠 Menu"]);
    expect(data(view)).toContain(`fol:country:${country.id}`);
  });

  it("renders a card once per knowledge base, language and page", () => {
    expect(entryView(en, kb, erasmus)).toBe(entryView(en, kb, erasmus));
    expect(entryView(readers(sharedDeps())("ru"), kb, erasmus)).not.toBe(entryView(en, kb, erasmus));
  });

  it("makes the phone numbers of a contact's details tappable (written without spaces)", () => {
    const contact = kb.byId.get("international-department")!;
    expect(entryView(en, kb, contact).html).toContain("+998912090766");
  });
});
