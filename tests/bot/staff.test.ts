/** Roles: what students cannot do or see, and how owners add and remove staff. */
import { describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { allButtons, eventually, withBot } from "./harness.js";

const OWNER = 500;
const staffScope = (id: number) => ({ type: "chat", chat_id: id });

describe("staff tools are the staff's only", () => {
  const h = withBot({ ADMIN_IDS: [OWNER] });

  it.each(["/broadcast", "/broadcasts", "/questions", "/unanswered", "/stats"])("a student typing %s is refused", async (command) => {
    const student = h.fake.user({ languageCode: "en" });
    expect((await student.send(command)).text).toBe("This is for the department's staff only.");
  });

  it("a student cannot press a staff button, even a forged one, and nothing happens", async () => {
    const student = h.fake.user({ languageCode: "ru" });
    const menu = await student.send("/start");
    for (const data of ["s/bc:pause:1", "s/bc:cancel!:1", "s/bcf:now", "s/st:add", "s/st:rm:500"]) {
      const query = student.pressData(menu, data);
      const answer = await eventually(() => h.fake.callbackAnswer(query));
      expect(answer).toEqual(expect.objectContaining({ text: "Это только для сотрудников отдела.", showAlert: true }));
    }
    expect(h.app.store.staff.list()).toEqual([]);
  });

  it("students never see the staff commands; staff see them in their own chat only", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    await owner.send("/start");
    const students = h.fake.commands("en")!.map((c) => c.command);
    expect(students).not.toContain("broadcast");
    expect(h.fake.commands("")!.map((c) => c.command)).not.toContain("broadcast");
    const own = await eventually(() => h.fake.commands("", staffScope(OWNER)));
    expect(own.map((c) => c.command)).toEqual(expect.arrayContaining(["broadcast", "broadcasts", "questions", "unanswered", "stats", "staff"]));
  });

  it("an owner adds a staff member with the contact chooser; they may then broadcast, and lose it when removed", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const colleague = h.fake.user({ firstName: "Dilnoza", languageCode: "en" });
    expect((await colleague.send("/broadcast")).text).toBe("This is for the department's staff only.");

    const list = await owner.send("/staff");
    expect(list.text).toContain("Staff members: 0");
    const prompt = await owner.press(list, "➕ Add a staff member");
    expect(owner.keyboard()).toEqual([["👤 Choose a person"], ["✖️ Cancel"]]);
    expect(prompt.text).toContain("Choose the person");
    await owner.shareUser(1, colleague);
    const updated = await eventually(() => h.fake.messages(OWNER).find((m) => m.text.startsWith("Staff members: 1")));
    // Names are isolated (ui/bidi.ts): a right-to-left character in one cannot reorder the line.
    expect(updated.text).toContain(`• \u2068Dilnoza\u2069 (${colleague.id})`);
    expect(h.fake.messages(OWNER).some((m) => m.text === "✅ \u2068Dilnoza\u2069 is now staff.")).toBe(true);
    expect(h.fake.commands("", staffScope(colleague.id))!.map((c) => c.command)).toContain("broadcast");
    expect(h.fake.commands("", staffScope(colleague.id))!.map((c) => c.command)).not.toContain("staff");

    expect((await colleague.send("/broadcast")).text).toContain("Who should receive it?");
    await colleague.send("/cancel");
    // Staff are not owners: they cannot manage staff.
    expect((await colleague.send("/staff")).text).toBe("Only the bot's owners (ADMIN_IDS) can do this.");

    const removed = await owner.press(updated, "➖ Remove \u2068Dilnoza\u2069");
    expect(removed.text).toContain("Staff members: 0");
    expect(allButtons(removed)).toEqual(["➕ Add a staff member"]);
    expect(h.fake.commands("", staffScope(colleague.id))).toBeUndefined();
    expect((await colleague.send("/broadcast")).text).toBe("This is for the department's staff only.");
  });

  it("shows a staff member's name as they wrote it, markup and all: in the staff list, the note and the Remove button", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    // Read as Telegram HTML, "&" and "<Karimov>" would make Telegram refuse the list, "<b>Ali</b>" would turn bold and "&amp;" would read "&".
    const name = '<b>Ali</b> & "Co" <Karimov> &amp; Sons';
    const colleague = h.fake.user({ firstName: '<b>Ali</b> & "Co"', lastName: "<Karimov> &amp; Sons", languageCode: "en" });
    await owner.press(await owner.send("/staff"), "➕ Add a staff member");
    await owner.shareUser(1, colleague);
    const list = await eventually(() => h.fake.messages(OWNER).find((m) => m.text.startsWith("Staff members: 1")));
    expect(list.text).toContain(`\n• \u2068${name}\u2069 (${colleague.id})\n`);
    expect(allButtons(list)).toContain(`➖ Remove \u2068${name}\u2069`);
    expect(h.fake.messages(OWNER).some((m) => m.text.startsWith(`✅ \u2068${name}\u2069 is now staff.`))).toBe(true);
  });

  it("/chatid in a group tells an owner the value for STAFF_CHAT_ID, and a student nothing", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const student = h.fake.user({ languageCode: "en" });
    const group = h.fake.group({ title: "International department staff", privacyMode: true });
    expect(await group.say(student, "/chatid@jspu_test_bot")).toBe(true);
    expect(group.messages().at(-1)!.text).toBe("Only the bot's owners (ADMIN_IDS) can do this.");
    expect(await group.say(owner, "/chatid@jspu_test_bot")).toBe(true);
    expect(group.messages().at(-1)!.text).toContain(`STAFF_CHAT_ID=${group.id}`);
  });

  it("someone taken out of ADMIN_IDS gets the students' menu back at the next start", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    await owner.send("/start");
    await eventually(() => h.fake.commands("", staffScope(OWNER)));
    h.config.ADMIN_IDS = [];
    await h.restart();
    expect(h.fake.commands("", staffScope(OWNER))).toBeUndefined();
    expect((await owner.send("/broadcast")).text).toBe("This is for the department's staff only.");
  });

  it("staff stay staff after a restart", async () => {
    const colleague = h.fake.user({ languageCode: "en" });
    h.app.store.staff.add(colleague.id, "Aziz", OWNER);
    await h.restart();
    expect((await colleague.send("/broadcast")).text).toContain("Who should receive it?");
  });
});

describe("a /broadcast left midway by someone who lost the right to it", () => {
  const h = withBot({ ADMIN_IDS: [OWNER] });
  const PREVIEW = "Check before sending";

  /** The owner adds `colleague` with the contact chooser; resolves with the staff list that shows them. */
  async function addStaff(owner: FakeUser, colleague: FakeUser): Promise<FakeMessage> {
    await owner.press(await owner.send("/staff"), "➕ Add a staff member");
    const listsBefore = h.fake.messages(OWNER).length;
    await owner.shareUser(1, colleague);
    return eventually(() => h.fake.messages(OWNER).slice(listsBefore).find((m) => m.text.startsWith("Staff members: 1")));
  }

  /** /broadcast to everyone subscribed, up to the question for the announcement itself. */
  async function startDraft(user: FakeUser): Promise<void> {
    const subscriber = h.fake.user({ languageCode: "en" });
    await subscriber.send("/start");
    await subscriber.press(await subscriber.nextMessage(), "Yes, all");
    const audience = await user.send("/broadcast");
    const everyone = audience.buttons.flat().find((b) => b.text.startsWith("Everyone subscribed"))!;
    const asked = user.nextMessage();
    const press = user.pressData(audience, everyone.callbackData!);
    expect((await asked).text).toContain("Now send me the announcement");
    // The press is answered once the flow has stored its step: the draft is waiting.
    await eventually(() => h.fake.callbackAnswer(press));
  }

  /** A plain text answered as a student's question, and no draft preview anywhere. */
  async function answeredAsQuestion(user: FakeUser): Promise<void> {
    expect((await user.send("erasmus")).text.startsWith("Erasmus Mundus")).toBe(true);
    expect(user.messages().filter((m) => m.text.includes(PREVIEW))).toEqual([]);
  }

  it("removed, then added again: their next plain text is a question, not a draft", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const colleague = h.fake.user({ firstName: "Dilnoza", languageCode: "en" });
    const list = await addStaff(owner, colleague);
    await startDraft(colleague);
    await owner.press(list, /^➖ Remove .*Dilnoza/);
    await answeredAsQuestion(colleague);
    await addStaff(owner, colleague);
    await answeredAsQuestion(colleague);
  });

  it("removed and added again before they write anything: no draft either", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    const colleague = h.fake.user({ firstName: "Dilnoza", languageCode: "en" });
    const list = await addStaff(owner, colleague);
    await startDraft(colleague);
    await owner.press(list, /^➖ Remove .*Dilnoza/);
    await addStaff(owner, colleague);
    await answeredAsQuestion(colleague);
  });

  it("an owner taken out of ADMIN_IDS midway, and put back later: no draft", async () => {
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    await startDraft(owner);
    h.config.ADMIN_IDS = [];
    await h.restart();
    await answeredAsQuestion(owner);
    h.config.ADMIN_IDS = [OWNER];
    await h.restart();
    await answeredAsQuestion(owner);
  });
});
