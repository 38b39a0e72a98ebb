/** ui/split.ts: Telegram's 4096-character limit, met by splitting at paragraphs, then lines, then words. */
import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, splitMessage } from "../../../../src/bot/ui/split.js";

const paragraph = (length: number, tag = "b") => `<${tag}>${"x".repeat(length - 2 * tag.length - 5)}</${tag}>`;

describe("splitMessage", () => {
  it("leaves a message of up to 4096 characters whole", () => {
    expect(MESSAGE_LIMIT).toBe(4096);
    const full = `${paragraph(2000)}\n\n${paragraph(2094)}`;
    expect(full).toHaveLength(4096);
    expect(splitMessage(full)).toEqual([full]);
  });

  it("splits one character over 4096 at the paragraph boundary, the blank line dropped", () => {
    const [a, b] = [paragraph(2000), paragraph(2095)];
    expect(splitMessage(`${a}\n\n${b}`)).toEqual([a, b]);
  });

  it("fills a part up to exactly 4096 characters", () => {
    const [a, b, c] = [paragraph(2000), paragraph(2094), paragraph(20)];
    expect(splitMessage(`${a}\n\n${b}\n\n${c}`)).toEqual([`${a}\n\n${b}`, c]);
  });

  it("packs as many whole paragraphs into each part as fit", () => {
    const ps = [paragraph(1500), paragraph(1500, "i"), paragraph(1500), paragraph(1000), paragraph(3000)];
    const parts = splitMessage(ps.join("\n\n"));
    expect(parts).toEqual([`${ps[0]}\n\n${ps[1]}`, `${ps[2]}\n\n${ps[3]}`, ps[4]]);
  });

  it("never cuts inside a tag: every part closes what it opens", () => {
    const ps = Array.from({ length: 12 }, (_, i) => `<b>Step ${i}</b>\n${"word ".repeat(100 + i * 10).trim()}`);
    for (const part of splitMessage(ps.join("\n\n"))) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.match(/<b>/g)?.length).toBe(part.match(/<\/b>/g)?.length);
      expect(part.startsWith("<b>Step ")).toBe(true);
    }
  });

  it("breaks a paragraph too long on its own at lines, then at spaces", () => {
    expect(splitMessage("aaaa\nbbbb\ncccc", 9)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(splitMessage("aaa bbb ccc ddd", 8)).toEqual(["aaa bbb", "ccc ddd"]);
    // Pieces are packed greedily, whatever separated them: "one" and "two" share a part.
    expect(splitMessage("one\n\ntwo three four\nfive", 10)).toEqual(["one\n\ntwo", "three four", "five"]);
  });

  it("cuts a single word longer than the limit", () => {
    expect(splitMessage("x".repeat(10_000))).toEqual(["x".repeat(4096), "x".repeat(4096), "x".repeat(1808)]);
  });

  it("loses nothing but the separators it splits at", () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${"lorem ipsum ".repeat(i * 3)}`).join("\n\n");
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("\n\n")).toBe(text);
  });
});
