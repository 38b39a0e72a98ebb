import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/storage/database.js";
import { LearningStore } from "../../src/storage/learning.js";

let db: Db;
let learning: LearningStore;
beforeEach(() => {
  db = openDatabase(":memory:");
  learning = new LearningStore(db);
});
afterEach(() => db.close());

describe("unanswered queries", () => {
  it("are counted by normal form, shown by their latest wording, most asked first", () => {
    learning.log(1, "yozgi maktab", "maktab ozg", "uz");
    learning.log(2, "Maktab yozgi?", "maktab ozg", "uz");
    learning.log(3, "летняя школа", "letn shkol", "ru");
    const latest = learning.log(undefined, "yozgi maktablar", "maktab ozg", "uz");
    expect(learning.openForms(10)).toEqual([
      { id: latest, query: "yozgi maktablar", lang: "uz", normalized: "maktab ozg", count: 3 },
      { id: 3, query: "летняя школа", lang: "ru", normalized: "letn shkol", count: 1 },
    ]);
    expect(learning.get(latest)).toEqual({ id: latest, userId: null, query: "yozgi maktablar", normalized: "maktab ozg", lang: "uz", resolved: false });
  });

  it("once resolved (attached or dismissed) leave the open list, every query of the form", () => {
    const id = learning.log(1, "yozgi maktab", "maktab ozg", "uz");
    learning.log(2, "yozgi maktab", "maktab ozg", "uz");
    learning.log(3, "летняя школа", "letn shkol", "ru");
    expect(learning.resolve(["maktab ozg"], "exchange-programs", 42)).toBe(2);
    expect(learning.resolve(["letn shkol"], null, 42)).toBe(1);
    expect(learning.openForms(10)).toEqual([]);
    expect(learning.countOpen()).toBe(0);
    expect(learning.get(id)?.resolved).toBe(true);
    // A later repeat is a new open query.
    learning.log(4, "yozgi maktab", "maktab ozg", "uz");
    expect(learning.countOpen()).toBe(1);
  });

  it("are forgotten once dealt with long ago; the open ones stay", () => {
    learning.log(1, "yozgi maktab", "maktab ozg", "uz");
    learning.log(2, "летняя школа", "letn shkol", "ru");
    learning.resolve(["maktab ozg"], null, 42);
    const day = 24 * 3600_000;
    expect(learning.forgetResolved(90 * day, Date.now() + 89 * day)).toBe(0);
    expect(learning.forgetResolved(90 * day, Date.now() + 91 * day)).toBe(1);
    expect(learning.openForms(10).map((f) => f.normalized)).toEqual(["letn shkol"]);
  });
});

describe("a /unanswered picker", () => {
  it("keeps the wordings it showed, counted as they are asked; is gone once any of its forms is dealt with, and after 90 days", () => {
    learning.log(1, "yozgi maktab", "maktab ozg", "uz");
    learning.log(2, "yozgi maktablar", "maktab ozg", "uz");
    learning.log(3, "yozgi mactab", "mactab ozg", "uz");
    const picker = learning.savePicker(learning.openForms(10));
    learning.log(4, "yozgi maktabb va ham yana", "maktab ozg", "uz");
    expect(learning.pickerForms(picker)).toEqual([
      { id: 2, query: "yozgi maktablar", lang: "uz", normalized: "maktab ozg", count: 3 },
      { id: 3, query: "yozgi mactab", lang: "uz", normalized: "mactab ozg", count: 1 },
    ]);
    const day = 24 * 3600_000;
    learning.forgetResolved(90 * day, Date.now() + 89 * day);
    expect(learning.pickerForms(picker)).toHaveLength(2);
    learning.forgetResolved(90 * day, Date.now() + 91 * day);
    expect(learning.pickerForms(picker)).toBeUndefined();

    const again = learning.savePicker(learning.openForms(10));
    learning.resolve(["mactab ozg"], null, 42);
    expect(learning.pickerForms(again)).toBeUndefined();
    expect(learning.pickerForms(again + 1)).toBeUndefined();
  });
});

describe("learned aliases", () => {
  it("are kept once each, and exported once", () => {
    const alias = { entryId: "exchange-programs", lang: "uz" as const, alias: "yozgi maktab" };
    expect(learning.learnAlias(alias, 42)).toBe(true);
    expect(learning.learnAlias(alias, 43)).toBe(false);
    learning.learnAlias({ entryId: "koica", lang: "ru", alias: "волонтёры из кореи" }, 42);
    expect(learning.aliases()).toHaveLength(2);
    expect(learning.unexportedAliases()).toEqual([alias, { entryId: "koica", lang: "ru", alias: "волонтёры из кореи" }]);

    learning.markExported([alias]);
    expect(learning.unexportedAliases().map((a) => a.entryId)).toEqual(["koica"]);
    expect(learning.aliases()).toHaveLength(2);
  });
});
