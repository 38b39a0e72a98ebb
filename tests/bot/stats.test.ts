/**
 * /stats end to end: students ask, run the questionnaires, subscribe and get
 * an announcement; then a staff member sees the figures in their language,
 * and the charts as real PNG pictures.
 */
import { describe, expect, it } from "vitest";
import type { FakeMessage, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { allButtons, eventually, withBot, type Harness } from "./harness.js";

const OWNER = 500;
const KOICA = "KOICA — Korea International Cooperation Agency";

/** A picture the bot uploaded: a PNG as wide as the charts are drawn, and not a blank stub. */
function expectChart(h: Harness, photo: FakeMessage): void {
  const png = h.fake.file(photo.fileId!)!;
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(900);
  expect(png.length).toBeGreaterThan(5_000);
}

const photosIn = (h: Harness, chatId: number) => h.fake.messages(chatId).filter((m) => m.kind === "photo");

/** Presses Next until the last page of "how to apply". */
async function toLastPage(user: FakeUser, page: FakeMessage): Promise<FakeMessage> {
  while (allButtons(page).includes("Next ➡️")) page = await user.press(page, "Next ➡️");
  return page;
}

describe("/stats", () => {
  const h = withBot({ ADMIN_IDS: [OWNER], BROADCAST_RATE: 200 });

  it("shows users, subscribers, the most asked entries, the questionnaires and the announcements, with charts", async () => {
    const { store } = h.app;
    const aziz = h.fake.user({ languageCode: "en" });
    const olga = h.fake.user({ languageCode: "ru" });
    const dilnoza = h.fake.user({ languageCode: "uz" });
    const gone = h.fake.user({ languageCode: "uz" });

    // Typed questions: two answered by Erasmus Mundus, one by KOICA, one not answered.
    expect((await aziz.send("erazmus")).text).toMatch(/^Erasmus Mundus/);
    expect((await olga.send("коика")).text).toMatch(/^KOICA/);
    expect((await dilnoza.send("erazmus")).text).toMatch(/^Erasmus Mundus/);
    expect((await dilnoza.send("ertaga ob-havo qanday")).text).toContain("ishonchli javob topa olmadim");

    // "Am I eligible?": Aziz to the end, Olga leaves after the first question.
    const role = await aziz.send("/eligibility");
    const field = await aziz.press(role, "Teacher or professor");
    const certificate = await aziz.press(field, "Skip"); // a teacher is not asked the GPA
    const interest = await aziz.press(certificate, "I don't have one");
    expect((await aziz.press(interest, "Any country")).text).toContain("Nearly — what is missing:");
    await olga.send("/eligibility");
    await olga.send("/cancel");

    // "How to apply": Aziz to the last page (and back and forth: still one), Dilnoza only opens it.
    const last = await toLastPage(aziz, await aziz.press(await aziz.send("/apply"), "British Council"));
    await toLastPage(aziz, await aziz.press(last, "⬅️ Back"));
    await dilnoza.press(await dilnoza.send("/apply"), "Erasmus Mundus");

    store.users.setLanguage(aziz.id, "en");
    store.users.setLanguage(olga.id, "ru");
    store.users.setLanguage(dilnoza.id, "uz");
    store.users.see({ id: gone.id, firstName: "Gone" });
    store.users.setLanguage(gone.id, "uz-cyrl");
    store.subscriptions.subscribe(aziz.id, "all");
    store.subscriptions.subscribe(gone.id, "all");
    store.subscriptions.subscribe(olga.id, "program:koica");

    // An announcement to everyone subscribed: Aziz gets it, the other has blocked the bot.
    h.fake.injectFault({ method: "copyMessage", chatId: gone.id, errorCode: 403, description: "Forbidden: bot was blocked by the user" });
    const owner = h.fake.user({ id: OWNER, languageCode: "en" });
    await owner.press(await owner.send("/broadcast"), /^Everyone subscribed/);
    await owner.press(await owner.send("Open day at BSPU"), "📤 Send now to 2");
    await eventually(() => h.fake.messages(owner.id).some((m) => m.text.includes("finished in")));
    h.fake.calls.length = 0; // the 403 was the test's own doing

    const report = await owner.send("/stats");
    expect(report.text).toBe(
      [
        "📊 Statistics",
        "",
        "👥 Users: 5",
        "Active: 4 · blocked the bot: 1",
        "New in the last 7 days: 5",
        "Used the bot in the last 7 days: 4",
        "",
        "🌐 Languages (users who have not blocked the bot)",
        "• Uzbek (Latin): 1",
        "• Uzbek (Cyrillic): 0",
        "• Russian: 1",
        "• English: 1",
        "• Not chosen yet: 1",
        "",
        "🔔 Subscribers to announcements",
        "• All announcements: 1",
        `• ${KOICA}: 1`,
        "",
        "❓ Most asked, last 30 days",
        "1. Erasmus Mundus — 2",
        `2. ${KOICA} — 1`,
        "Without a confident answer: 1 (waiting for review: 1, see /unanswered)",
        "",
        "👍 Helpful answers, last 8 weeks",
        "No answer has been rated yet.",
        "",
        "🧭 Questionnaires, last 30 days",
        "• Am I eligible?: started 2, finished 1 (50%)",
        "• How to apply: started 2, finished 1 (50%)",
        "",
        "📣 Latest announcements",
        "#1 · subscribers to all announcements",
        "sent 1 · blocked 1 · failed 0 · remaining 0",
      ].join("\n"),
    );
    expect(report.entities).toContainEqual({ type: "bold", offset: 0, length: "📊 Statistics".length });

    // The charts, as one album after the text.
    const album = await eventually(() => (photosIn(h, owner.id).length === 3 ? photosIn(h, owner.id) : undefined));
    expect(album.map((m) => m.text)).toEqual(["Users by language", "❓ Most asked, last 30 days", "📣 Latest announcements"]);
    expect(new Set(album.map((m) => m.mediaGroupId)).size).toBe(1);
    expect(album[0]!.messageId).toBeGreaterThan(report.messageId);
    for (const photo of album) expectChart(h, photo);
    // Each chart is its own picture.
    expect(new Set(album.map((m) => h.fake.file(m.fileId!)!.toString("base64"))).size).toBe(3);
  }, 30_000);

  it("is in the staff member's language; with little data, one chart as one photo", async () => {
    const staff = h.fake.user({ languageCode: "ru" });
    h.app.store.staff.add(staff.id, "Staff", OWNER);
    const report = await staff.send("/stats");
    expect(report.text).toContain("👥 Пользователи: 1");
    expect(report.text).toContain("• Ещё не выбран: 1");
    expect(report.text).toContain("Пока никто не подписался.");
    expect(report.text).toContain("• Подхожу ли я?: начали 0, завершили 0");
    expect(report.text).toContain("Объявлений пока не было.");
    const [photo] = await eventually(() => (photosIn(h, staff.id).length > 0 ? photosIn(h, staff.id) : undefined));
    expect(photo).toMatchObject({ text: "Пользователи по языкам" });
    expect(photo!.mediaGroupId).toBeUndefined();
    expectChart(h, photo!);
  });

  it("is refused to a student, with nothing shown", async () => {
    const student = h.fake.user({ languageCode: "en" });
    expect((await student.send("/stats")).text).toBe("This is for the department's staff only.");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(student.messages()).toHaveLength(1);
  });
});
