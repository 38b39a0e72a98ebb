/**
 * A knowledge base of 5,000 entries: the bot in its own process, with the
 * Node flags of `npm start` (96 MB old space), starts, answers a question
 * through the fake Bot API, and its memory peaks under 200 MB; it also
 * survives a reload of the base (SIGHUP) once a reader of Uzbek in Cyrillic
 * script has made the base's Cyrillic copy. `npm run bench:scale` prints the
 * figures of the bot as `npm run build` compiles it.
 */
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, expect, it } from "vitest";
import { countsFor, writeLargeKnowledge } from "../fixtures/large-knowledge.js";
import { bundledMain, measureStart } from "../fixtures/scale.js";

const dir = writeLargeKnowledge(countsFor(5000));
let main: string | undefined;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (main) rmSync(dirname(main), { recursive: true, force: true });
});

it("starts on 5,000 entries with the production heap limit, answers, and peaks under 200 MB; a reload (SIGHUP) with a Cyrillic reader too", async () => {
  main = await bundledMain();
  const { answer, peakRssMb, reload } = await measureStart(dir, "koica", main, { reload: true });
  expect(answer.startsWith("KOICA")).toBe(true);
  expect(peakRssMb).toBeLessThan(200);
  expect(reload!.answer.startsWith("KOICA")).toBe(true);
  expect(reload!.peakRssMb).toBeLessThan(200);
}, 120_000);
