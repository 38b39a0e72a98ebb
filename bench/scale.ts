/**
 * `npm run bench:scale [-- SIZE...]`: the compiled bot, with the Node flags of
 * `npm start`, on generated knowledge bases of 3,000 and 5,000 entries (or
 * the sizes given): how long it takes to start (until it polls Telegram), its
 * first answer, and its peak memory; then a reload of the base (SIGHUP) once
 * a reader of Uzbek in Cyrillic script has asked, and the peak memory by
 * then. Goal: 5,000 entries start and reload within the 96 MB heap and peak
 * under 200 MB.
 */
import { rmSync } from "node:fs";
import { countsFor, writeLargeKnowledge } from "../tests/fixtures/large-knowledge.js";
import { measureStart } from "../tests/fixtures/scale.js";

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [3000, 5000];

console.log(`Scale: the compiled bot on generated knowledge bases, Node ${process.version}\n`);
console.log("| entries | start (s) | first answer (ms) | peak RSS (MB) | reload (s) | peak RSS after reload (MB) |");
console.log("|---|---|---|---|---|---|");
for (const size of sizes) {
  const dir = writeLargeKnowledge(countsFor(size));
  try {
    const { startMs, answer, answerMs, peakRssMb, reload } = await measureStart(dir, "koica", "dist", { reload: true, timeoutMs: 120_000 });
    if (!answer.startsWith("KOICA") || !reload!.answer.startsWith("KOICA")) throw new Error(`unexpected answer: ${answer.slice(0, 80)}`);
    const figures = [(startMs / 1000).toFixed(1), answerMs.toFixed(0), peakRssMb.toFixed(0), (reload!.ms / 1000).toFixed(1), reload!.peakRssMb.toFixed(0)];
    console.log(`| ${size.toLocaleString("en")} | ${figures.join(" | ")} |`);
  } catch (error) {
    console.log(`| ${size.toLocaleString("en")} | failed: ${String(error).split("\n").find((line) => /heap|exited|poll|reload/.test(line)) ?? error} | | | | |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log("\nGoal: 5,000 entries start and reload with --max-old-space-size=96 and peak under 200 MB.");
