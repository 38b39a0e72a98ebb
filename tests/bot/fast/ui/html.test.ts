/** ui/html.ts: Telegram's HTML parse mode, every outside text escaped. */
import { describe, expect, it } from "vitest";
import { bold, escapeHtml, italic } from "../../../../src/bot/ui/html.js";

describe("escapeHtml", () => {
  it("escapes the four characters Telegram's HTML reads", () => {
    expect(escapeHtml(`<b>"Tom" & Jerry</b>`)).toBe("&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;");
  });

  it("escapes an ampersand first: an escape in the text stays visible as typed", () => {
    expect(escapeHtml("&lt; is <")).toBe("&amp;lt; is &lt;");
  });

  it("leaves everything else, apostrophes (oʻ o' o‘) included", () => {
    const text = "Oʻzbekiston, o'qish, o‘qituvchi — Ўзбекистон 🇺🇿";
    expect(escapeHtml(text)).toBe(text);
  });
});

describe("bold and italic", () => {
  it("wrap an escaped text", () => {
    expect(bold("KOICA <Korea>")).toBe("<b>KOICA &lt;Korea&gt;</b>");
    expect(italic("a & b")).toBe("<i>a &amp; b</i>");
  });
});
