/**
 * A knowledge base of 5,000 entries: the bot in its own process, with the
 * Node flags of `npm start` (96 MB old space), starts, answers a question
 * through the fake Bot API, and its memory peaks under 200 MB. Run through
 * tsx, whose loader adds ~25 MB to what the compiled bot takes; `npm run
 * bench:scale` prints the compiled bot's figures.
 */
import { rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { countsFor, writeLargeKnowledge } from "../fixtures/large-knowledge.js";
import { measureStart } from "../fixtures/scale.js";

const dir = writeLargeKnowledge(countsFor(5000));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("starts on 5,000 entries with the production heap limit, answers, and peaks under 200 MB", async () => {
  const { answer, peakRssMb } = await measureStart(dir, "koica", "tsx");
  expect(answer.startsWith("KOICA")).toBe(true);
  expect(peakRssMb).toBeLessThan(200);
}, 120_000);
