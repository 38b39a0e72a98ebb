/**
 * docker/entrypoint.sh, run with sh in a temporary folder (no Docker engine
 * needed): the first start seeds KNOWLEDGE_DIR from the image's copy, whole
 * or not at all, and a start killed in the middle of the copy seeds it on the
 * next start.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR, ROOT } from "../fixtures/paths.js";

const SCRIPT = join(ROOT, "docker/entrypoint.sh");

let temp: string;
let data: string;
let knowledge: string;

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), "jspu-entrypoint-"));
  data = join(temp, "data");
  mkdirSync(data);
  knowledge = join(data, "knowledge");
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

/** The entrypoint running `true` (instead of the bot), seeding from the test's copy of the knowledge. */
function start(path = process.env.PATH) {
  return spawnSync("sh", [SCRIPT, "true"], { env: { PATH: path, KNOWLEDGE_DIR: knowledge, SEED_KNOWLEDGE_DIR: KNOWLEDGE_DIR }, encoding: "utf8" });
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length))
    .sort();

describe("docker/entrypoint.sh", () => {
  it("seeds the knowledge folder on the first start, leaving nothing else beside it, and never again", () => {
    const first = start();
    expect(first.status, first.stderr).toBe(0);
    expect(files(knowledge)).toEqual(files(KNOWLEDGE_DIR));
    expect(readdirSync(data)).toEqual(["knowledge"]);

    // An edit the department made survives the next start.
    writeFileSync(join(knowledge, "edited.txt"), "kept");
    expect(start().status).toBe(0);
    expect(existsSync(join(knowledge, "edited.txt"))).toBe(true);
  });

  it("seeds on the next start when the first was killed in the middle of the copy", () => {
    // A cp that has copied one file when the container is killed (the shell running the script dies with it).
    const bin = join(temp, "bin");
    mkdirSync(bin);
    const cp = join(bin, "cp");
    writeFileSync(cp, '#!/bin/sh\nfor last; do :; done\nmkdir -p "$last"\necho partial > "$last/half-copied.yaml"\nkill -KILL $PPID\nexit 1\n');
    chmodSync(cp, 0o755);
    const killed = start(`${bin}:${process.env.PATH}`);
    expect(killed.signal).toBe("SIGKILL");

    const next = start();
    expect(next.status, next.stderr).toBe(0);
    expect(files(knowledge)).toEqual(files(KNOWLEDGE_DIR));
    expect(readdirSync(data)).toEqual(["knowledge"]);
  });
});
