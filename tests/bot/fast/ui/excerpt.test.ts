/** ui/excerpt.ts: the start of a long text, ended with "…". */
import { describe, expect, it } from "vitest";
import { excerpt } from "../../../../src/bot/ui/excerpt.js";

describe("excerpt", () => {
  it("leaves a text of up to `max` characters as it is", () => {
    expect(excerpt("Erasmus", 7)).toBe("Erasmus");
    expect(excerpt("", 3)).toBe("");
  });

  it("cuts a longer text to `max` characters, the last one an ellipsis", () => {
    expect(excerpt("Erasmus Mundus", 8)).toBe("Erasmus…");
    expect(Array.from(excerpt("x".repeat(500), 100))).toHaveLength(100);
  });

  it("counts characters, not UTF-16 units: an emoji is never cut in half", () => {
    expect(excerpt("😀😀😀😀😀😀", 4)).toBe("😀😀😀…");
    expect(excerpt("Ўзбекистон", 5)).toBe("Ўзбе…");
  });
});
