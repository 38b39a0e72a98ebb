import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Catalog } from "../../src/knowledge/catalog.js";
import { withLearnedAliases } from "../../src/knowledge/learned-aliases.js";
import { topic } from "../fixtures/entries.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";

describe("withLearnedAliases", () => {
  it("adds each alias to its entry and language once, and leaves other entries as they were", () => {
    const summer = topic("summer", "Summer", ["summer"]);
    const other = topic("other", "Other");
    const merged = withLearnedAliases(
      [summer, other],
      [
        { entryId: "summer", lang: "uz", alias: "yozgi maktab" },
        { entryId: "summer", lang: "uz", alias: "Summer!" },
        { entryId: "summer", lang: "ru", alias: "летняя школа" },
        { entryId: "gone", lang: "en", alias: "anything" },
      ],
    );
    expect(merged[0]!.aliases).toEqual({ uz: ["summer", "yozgi maktab"], ru: ["летняя школа"], en: [] });
    expect(summer.aliases.uz).toEqual(["summer"]);
    expect(merged[1]).toBe(other);
  });
});

describe("Catalog.learn", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kb-learn-"));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("answers a learned query at once, and keeps the learned aliases across a reload", () => {
    const catalog = new Catalog(dir);
    expect(catalog.search("yozgi maktab").results).toEqual([]);
    catalog.learn([{ entryId: "exchange-programs", lang: "uz", alias: "yozgi maktab" }]);
    expect(catalog.search("yozgi maktab").results[0]?.id).toBe("exchange-programs");
    expect(catalog.search("Yozgi maktablar haqida").results[0]?.id).toBe("exchange-programs");
    catalog.reload();
    expect(catalog.search("yozgi maktab").results[0]?.id).toBe("exchange-programs");
    // The base itself is the files' own: cards and kb:check see no learned alias.
    expect(catalog.kb.byId.get("exchange-programs")!.aliases.uz).not.toContain("yozgi maktab");
  });
});
