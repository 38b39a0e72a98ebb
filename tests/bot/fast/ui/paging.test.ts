/** ui/paging.ts: long lists a page of 10 at a time, with Previous and Next. */
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../../src/bot/locale.js";
import { PAGE_SIZE, pageButtons, pageNumber, pageOf } from "../../../../src/bot/ui/paging.js";
import { createI18n } from "../../../../src/i18n.js";

const items = Array.from({ length: 25 }, (_, i) => i);
const t = translatorFor(createI18n(), "en");
const data = (n: number) => `programs:${n}`;
const buttons = (page: ReturnType<typeof pageOf>) => pageButtons(t, page, data).map((b) => [b.text, "callback_data" in b ? b.callback_data : undefined]);

describe("pageOf", () => {
  it("cuts a list into pages of 10", () => {
    expect(PAGE_SIZE).toBe(10);
    expect(pageOf(items, 0)).toEqual({ items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], index: 0, pages: 3 });
    expect(pageOf(items, 1).items).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(pageOf(items, 2)).toEqual({ items: [20, 21, 22, 23, 24], index: 2, pages: 3 });
    expect(pageOf(items.slice(0, 20), 1)).toEqual({ items: items.slice(10, 20), index: 1, pages: 2 });
  });

  it("gives the last page for a page past the end (the list shrank since the button was sent)", () => {
    expect(pageOf(items, 7)).toEqual({ items: [20, 21, 22, 23, 24], index: 2, pages: 3 });
  });

  it("gives the first page for a page before the start, or no page at all", () => {
    expect(pageOf(items, -1).index).toBe(0);
    expect(pageOf(items, Number.NaN).index).toBe(0);
    expect(pageOf(items, 1.7).index).toBe(1);
  });

  it("makes one empty page of an empty list", () => {
    expect(pageOf([], 3)).toEqual({ items: [], index: 0, pages: 1 });
  });
});

describe("pageButtons and pageNumber", () => {
  it("offer Next on the first page, both in the middle, Previous on the last, with each page's data", () => {
    expect(buttons(pageOf(items, 0))).toEqual([["Next ▶️", "programs:1"]]);
    expect(buttons(pageOf(items, 1))).toEqual([
      ["◀️ Previous", "programs:0"],
      ["Next ▶️", "programs:2"],
    ]);
    expect(buttons(pageOf(items, 2))).toEqual([["◀️ Previous", "programs:1"]]);
    expect(pageNumber(t, pageOf(items, 1))).toEqual(["Page 2 of 3"]);
  });

  it("offer nothing for a list on one page", () => {
    expect(buttons(pageOf(items.slice(0, 10), 0))).toEqual([]);
    expect(pageNumber(t, pageOf(items.slice(0, 10), 0))).toEqual([]);
  });
});
