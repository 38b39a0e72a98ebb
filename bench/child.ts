/** Running the bot as production runs it, for the benchmarks: its Node flags, a free port, its peak memory. */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** The Node flags in package.json's start script, so a bench runs what production runs. */
export function startFlags(): string[] {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  return [...start.matchAll(/--[\w-]+(?:=\S+)?/g)].map((m) => m[0]);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Peak resident memory of a process (Linux /proc VmHWM), MB. */
export const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
