/** ui/bidi.ts: a user's name cannot reorder the staff text around it. */
import { describe, expect, it } from "vitest";
import { isolate } from "../../../../src/bot/ui/bidi.js";

const FSI = "\u2068";
const PDI = "\u2069";

describe("isolate", () => {
  it("sets a name between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE", () => {
    expect(isolate("Dilnoza")).toBe(`${FSI}Dilnoza${PDI}`);
    expect(isolate("")).toBe(`${FSI}${PDI}`);
  });

  it("keeps a right-to-left override or script inside the isolate, where it reorders nothing outside", () => {
    expect(isolate("\u202Egnp.exe")).toBe(`${FSI}\u202Egnp.exe${PDI}`);
    expect(isolate("محمد")).toBe(`${FSI}محمد${PDI}`);
  });

  it("drops isolate marks inside the name, so none can close ours early or open another", () => {
    expect(isolate(`Ali${PDI}\u202E evil`)).toBe(`${FSI}Ali\u202E evil${PDI}`);
    expect(isolate("\u2066a\u2067b\u2068c\u2069")).toBe(`${FSI}abc${PDI}`);
  });
});
