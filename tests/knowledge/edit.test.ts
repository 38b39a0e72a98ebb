import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { entryTemplate, KnowledgeFiles, revisionOf } from "../../src/knowledge/edit.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

/** A crash between writing the temporary file and renaming it over the entry's file. */
const crash = vi.hoisted(() => ({ onRename: false }));
vi.mock("node:fs", async (original) => {
  const real = await original<typeof import("node:fs")>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (crash.onRename) throw new Error("the power went out");
      real.renameSync(from, to);
    },
  };
});

let dir: string;
let files: KnowledgeFiles;
const erasmusPath = () => join(dir, "programs/erasmus-mundus.yaml");
const withDeadline = (date: unknown) => {
  const { entry } = files.read("erasmus-mundus")!;
  const program = entry!.program as { deadlines: { items: unknown[] } };
  program.deadlines.items = [{ date, note: { uz: "Ariza", ru: "Заявка", en: "Application" } }];
  return entry;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "jspu-kb-"));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  files = new KnowledgeFiles(dir);
  crash.onRename = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("KnowledgeFiles", () => {
  it("reads an entry as its file has it, with a revision that follows edits by hand", () => {
    const { entry, revision, type } = files.read("erasmus-mundus")!;
    expect(type).toBe("program");
    expect(entry!.updated).toBe("2026-11-28");
    expect(revision).toBe(revisionOf(readFileSync(erasmusPath(), "utf8")));
    fs.appendFileSync(erasmusPath(), "# checked again\n");
    expect(files.read("erasmus-mundus")!.revision).not.toBe(revision);
    expect(files.read("no-such-entry")).toBeUndefined();
    expect(files.list().find((e) => e.id === "koica")).toMatchObject({ type: "program", title: { en: expect.any(String) } });
  });

  it("saves at the current revision, and refuses a stale one with the entry as it is now", () => {
    const { revision } = files.read("erasmus-mundus")!;
    const saved = files.save("erasmus-mundus", withDeadline("2027-03-01"), revision);
    expect(saved).toMatchObject({ ok: true, revision: revisionOf(readFileSync(erasmusPath(), "utf8")) });
    expect(loadKnowledge(dir).byId.get("erasmus-mundus")).toMatchObject({ program: { deadlines: { items: [{ date: "2027-03-01" }] } } });
    const stale = files.save("erasmus-mundus", withDeadline("2027-04-01"), revision);
    expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { revision: saved.ok && saved.revision } });
    expect(stale.ok === false && stale.reason === "conflict" && stale.current.entry).toMatchObject({ program: { deadlines: { items: [{ date: "2027-03-01" }] } } });
  });

  it("refuses an invalid entry with each problem's field, and writes nothing", () => {
    const before = readFileSync(erasmusPath(), "utf8");
    const { revision } = files.read("erasmus-mundus")!;
    const entry = withDeadline("1 March");
    (entry as { links: string[] }).links = ["exchange-programs", "no-such-entry"];
    expect(files.save("erasmus-mundus", entry, revision)).toEqual({
      ok: false,
      reason: "invalid",
      problems: [{ path: "program.deadlines.items.0.date", message: "expected a date as YYYY-MM-DD" }],
    });
    // A link to a missing entry is refused on its own, once the schema is satisfied.
    expect(files.save("erasmus-mundus", { ...withDeadline("2027-03-01"), links: ["no-such-entry"] }, revision)).toEqual({
      ok: false,
      reason: "invalid",
      problems: [{ path: "links.0", message: 'links to "no-such-entry", which no entry has as its id' }],
    });
    expect(readFileSync(erasmusPath(), "utf8")).toBe(before);
    expect(readdirSync(join(dir, "programs")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves the old file whole when it crashes between the temporary file and the rename", () => {
    const before = readFileSync(erasmusPath(), "utf8");
    crash.onRename = true;
    expect(() => files.save("erasmus-mundus", withDeadline("2027-03-01"), revisionOf(before))).toThrow("the power went out");
    expect(readFileSync(erasmusPath(), "utf8")).toBe(before);
    expect(readdirSync(join(dir, "programs")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("creates an entry from its type's template, found by the loader, and refuses an id taken", () => {
    const created = files.create({ ...entryTemplate("topic", "summer-school"), title: { uz: "Yozgi maktab", ru: "Летняя школа", en: "Summer school" } });
    expect(created).toMatchObject({ ok: true, id: "summer-school", before: null });
    expect(loadKnowledge(dir).byId.get("summer-school")?.title.en).toBe("Summer school");
    expect(files.create(entryTemplate("topic", "summer-school"))).toEqual({ ok: false, reason: "exists" });
    expect(files.create(entryTemplate("program", "new-program"))).toMatchObject({ ok: true });
    // A contact needs a phone, which a template never invents.
    expect(files.create(entryTemplate("contact", "new-office"))).toMatchObject({ ok: false, reason: "invalid", problems: [{ path: "contact.phones" }] });
  });

  it("archives an entry nothing links to, and refuses one that others link to, naming them", () => {
    const linked = files.archive("south-korea");
    expect(linked).toMatchObject({ ok: false, reason: "linked" });
    expect(linked.ok === false && linked.reason === "linked" && linked.linkedFrom.map((e) => e.id)).toContain("koica");
    expect(existsSync(join(dir, "countries/south-korea.yaml"))).toBe(true);

    files.create(entryTemplate("topic", "summer-school"));
    expect(files.archive("summer-school")).toMatchObject({ ok: true, after: null });
    expect(existsSync(join(dir, "archive/topics/summer-school.yaml"))).toBe(true);
    expect(loadKnowledge(dir).byId.has("summer-school")).toBe(false);
    // The entries the bot relies on stay.
    expect(files.archive("about-department")).toMatchObject({ ok: false });
  });
});
