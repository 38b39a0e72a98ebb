/** ui/questions.ts: "Ask the department" where the rest of the bot meets it, and a student as staff see them. */
import { describe, expect, it } from "vitest";
import { askButton, canAskDepartment, markQuestionsOffered, studentName } from "../../../../src/bot/ui/questions.js";
import { readers } from "../../../../src/bot/locale.js";
import { command, composerHarness, press, botMessage, sharedDeps } from "../composer-harness.js";

describe("markQuestionsOffered", () => {
  it("offers asking the department in private chats only", async () => {
    const h = composerHarness({ use: [markQuestionsOffered, (ctx) => ctx.reply(String(canAskDepartment(ctx)))] });
    const said = async (update: Parameters<typeof h.send>[0]) => (await h.send(update))[0]?.payload.text;
    expect(await said(command("menu"))).toBe("true");
    expect(await said(command("menu", { group: true }))).toBe("false");
    expect(await said(press("menu", { message: botMessage({ chat: "group" }) }))).toBe("false");
  });

  it("is not offered where nobody marked it", () => {
    expect(canAskDepartment({})).toBe(false);
  });
});

describe("askButton", () => {
  it("starts typing a question", () => {
    expect(askButton(readers(sharedDeps())("en"))).toEqual({ text: "✉️ Ask the department", callback_data: "q:new" });
  });
});

describe("studentName", () => {
  const FSI = "\u2068";
  const PDI = "\u2069";

  it("names a student by their name and @username, each isolated and escaped", () => {
    expect(studentName({ firstName: "Aziz", lastName: "<Karimov>", username: "aziz_j" }, 5)).toBe(`${FSI}Aziz &lt;Karimov&gt;${PDI} (${FSI}@aziz_j${PDI})`);
    expect(studentName({ firstName: "Aziz", username: null }, 5)).toBe(`${FSI}Aziz${PDI}`);
  });

  it("names a student the bot does not know by their id", () => {
    expect(studentName(undefined, 12345)).toBe("id 12345");
    expect(studentName({ firstName: "" }, 12345)).toBe("id 12345");
  });
});
