/** "Ask the department": students' questions posted in the staff chat, and staff replies delivered back. */
import { afterEach, describe, expect, it } from "vitest";
import type { FakeGroup, FakeMessage, FakeTelegram, FakeUser } from "../../src/dev/fake-telegram/index.js";
import { allButtons, eventually, startBot, withBot, type Harness } from "./harness.js";

const STAFF_CHAT = -1001234567890;
const OWNER = 9001;
const settings = { STAFF_CHAT_ID: STAFF_CHAT, ADMIN_IDS: [OWNER] };
const ASK_BUTTON = /^✉️ (Ask the department|Спросить отдел|Bo'limdan so'rash)$/;
/** A user's name as staff see it: isolated, so that no right-to-left character in it reorders the line. */
const named = (name: string) => `\u2068${name}\u2069`;

/** The staff chat, and a staff member in it. */
function staffRoom(fake: FakeTelegram) {
  return { chat: fake.group({ id: STAFF_CHAT, title: "JSPU international staff" }), staff: fake.user({ id: OWNER, languageCode: "en", firstName: "Dilnoza" }) };
}

/** From the menu: "Ask the department", then the question typed; resolves with the bot's confirmation. */
async function askFromMenu(student: FakeUser, question: string): Promise<FakeMessage> {
  const menu = await student.send("/menu");
  await student.press(menu, ASK_BUTTON);
  return student.send(question);
}

const postOf = (chat: FakeGroup, number: number) => eventually(() => chat.messages().find((m) => m.text.startsWith(`❓ Question #${number}\n`)));

describe("asking the department", () => {
  const h = withBot(settings);

  it("from the menu: the question is posted in the staff chat with the student's name, @username and language", async () => {
    const { chat } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "ru", firstName: "Aziz <script>", username: "aziz_k" });
    const menu = await student.send("/menu");
    const prompt = await student.press(menu, "✉️ Спросить отдел");
    expect(prompt.text).toContain("Напишите ваш вопрос отделу международного сотрудничества одним сообщением");
    expect(allButtons(prompt)).toEqual(["✖️ Отмена"]);

    const sent = await student.send("Когда откроется набор KOICA для <учителей>?");
    expect(sent.text).toBe("✅ Отправлено в отдел, вопрос №1. Ответ придёт сюда, в этот чат.");
    const post = await postOf(chat, 1);
    expect(post.text).toContain(`From: ${named("Aziz <script>")} (${named("@aziz_k")}) · 🇷🇺 Русский`);
    expect(post.text).toContain("Когда откроется набор KOICA для <учителей>?");
    expect(post.html).toContain("Aziz &lt;script&gt;");
    expect(post.text).toContain("Reply to this message to answer");

    // The flow is over: the next message is a question for the search again.
    expect((await student.send("koica")).text.startsWith("KOICA")).toBe(true);
  });

  it("a name with a right-to-left override cannot flip the staff's line: it is isolated in the post, /questions and the delivery note", async () => {
    const { chat, staff } = staffRoom(h.fake);
    // U+202E turns the rest of its line right to left; a stray U+2069 would close an isolate early.
    const student = h.fake.user({ languageCode: "en", firstName: "\u202Eevil\u2069", username: "evil_k" });
    await askFromMenu(student, "Who signs the KOICA documents?");
    const post = await postOf(chat, 1);
    expect(post.text).toContain("From: \u2068\u202Eevil\u2069 (\u2068@evil_k\u2069) · 🇬🇧 English\n");
    expect((await staff.send("/questions")).text).toContain("#1 · \u2068\u202Eevil\u2069 (\u2068@evil_k\u2069) · 🇬🇧 English · ");
    chat.reply(staff, post, "The dean's office.");
    const delivered = await eventually(() => chat.messages().find((m) => m.text.startsWith("✅")));
    expect(delivered.text).toBe("✅ Delivered to \u2068\u202Eevil\u2069 (\u2068@evil_k\u2069).");
  });

  it("Cancel, or a command, leaves the question unsent", async () => {
    const { chat } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "en" });
    const prompt = await student.press(await student.send("/menu"), ASK_BUTTON);
    const cancelled = await student.press(prompt, "✖️ Cancel");
    expect(cancelled.text).toBe("Not sent. What would you like to know?");
    expect(allButtons(cancelled)).toContain("🎓 Programs");

    await student.press(await student.send("/menu"), ASK_BUTTON);
    expect((await student.send("/help")).text).toContain("Write your question in any words");
    expect((await student.send("erazmus")).text.startsWith("Erasmus Mundus")).toBe(true);
    expect(chat.messages()).toEqual([]);
  });

  it("asks again for a photo, or a question too short or too long", async () => {
    staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "en" });
    await student.press(await student.send("/menu"), ASK_BUTTON);
    expect((await student.sendPhoto()).text).toBe("Please type your question as a text message, or press Cancel.");
    expect((await student.send("hm?")).text).toBe("That is very short: please write your question in a few words.");
    expect((await student.send("Why? ".repeat(201))).text).toBe("Please keep your question within 1,000 characters (it has 1,004), or send the main point first.");
    expect((await student.send("Is there a summer school in Korea?")).text).toContain("✅ Sent to the department as question #1.");
  });

  it("from a 'not found' answer: that very query is sent after one tap of confirmation", async () => {
    const { chat } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "uz", firstName: "Malika" });
    const notFound = await student.send("yozgi maktab bormi");
    expect(notFound.text).toContain("ishonchli javob topa olmadim");
    expect(allButtons(notFound)).toEqual(["✉️ Bo'limdan so'rash", "📞 Aloqa", "🏠 Menyu"]);

    const confirm = await student.press(notFound, "✉️ Bo'limdan so'rash");
    expect(confirm.text).toBe("Bu savol Xalqaro hamkorlik bo'limiga yuborilsinmi?\n\nyozgi maktab bormi");
    const sent = await student.press(confirm, "✅ Yuborish");
    expect(sent.text).toBe("✅ Bo'limga 1-savol sifatida yuborildi. Javob shu yerga, shu chatga keladi.");
    expect((await postOf(chat, 1)).text).toContain(`${named("Malika")} · 🇺🇿 O'zbekcha\n\nyozgi maktab bormi`);

    // Another student cannot send it by forging the button: it is stale for them.
    const other = h.fake.user({ languageCode: "uz" });
    const help = await other.send("/help");
    const menu = other.nextMessage();
    other.pressData(help, notFound.buttons[0]![0]!.callbackData!.replace("q:ask:", "q:send:"));
    expect((await menu).text).toBe("Nima haqida bilmoqchisiz?");
    expect(chat.messages()).toHaveLength(1);
  });

  it("is resumed after a restart, and leaves 'Am I eligible?' when started from an old menu midway", async () => {
    const { chat } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "en" });
    const menu = await student.send("/menu");
    expect((await student.send("/eligibility")).text).toContain("Which of these describes you?");
    await student.press(menu, ASK_BUTTON);
    await h.restart();
    expect((await student.send("Can a first-year student go to Korea?")).text).toContain("✅ Sent to the department as question #1.");
    expect((await postOf(chat, 1)).text).toContain("Can a first-year student go to Korea?");
    // Neither flow is waiting any more: words go to the search.
    expect((await student.send("koica")).text.startsWith("KOICA")).toBe(true);
  });

  it("lets a student have at most 3 open questions, and says so politely", async () => {
    const { chat } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "en" });
    for (const n of [1, 2, 3]) expect((await askFromMenu(student, `Question number ${n}?`)).text).toContain(`question #${n}.`);
    const refused = await askFromMenu(student, "Question number 4?");
    expect(refused.text).toBe("You already have 3 questions waiting for an answer. Please wait until the department answers them, then ask again.");
    expect(chat.messages()).toHaveLength(3);
  });
});

describe("staff replies", () => {
  const h = withBot(settings);

  it("a reply reaches the right student, media kept, is marked answered and leaves /questions", async () => {
    const { chat, staff } = staffRoom(h.fake);
    const aziz = h.fake.user({ languageCode: "uz", firstName: "Aziz" });
    const bella = h.fake.user({ languageCode: "en", firstName: "Bella", username: "bella" });
    await askFromMenu(aziz, "KOICA uchun qanday hujjatlar kerak?");
    await askFromMenu(bella, "Is there an Erasmus call this spring?");
    const azizBefore = aziz.messages().length;
    const bellaBefore = bella.messages().length;

    const list = await staff.send("/questions");
    expect(list.text).toMatch(/^Open questions: 2 \(oldest first\)\n\n#1 · \u2068Aziz\u2069 · 🇺🇿 O'zbekcha · 1 min ago\nKOICA uchun .*\n\n#2 · \u2068Bella\u2069 \(\u2068@bella\u2069\) · 🇬🇧 English · 1 min ago\nIs there an Erasmus call this spring\?/);
    expect(list.text).toContain("To answer, reply to the question's post in the staff chat");

    const reply = chat.replyPhoto(staff, await postOf(chat, 2), "The call opens in March: see the attached poster.");
    const [header, copy] = await eventually(() => (bella.messages().length >= bellaBefore + 2 ? bella.messages().slice(bellaBefore) : undefined));
    expect(header!.text).toBe("📩 The department answered your question #2:\nIs there an Erasmus call this spring?");
    expect(copy).toMatchObject({ kind: "photo", text: "The call opens in March: see the attached poster." });
    const delivered = await eventually(() => chat.messages().find((m) => m.text.startsWith("✅")));
    expect(delivered).toMatchObject({ text: `✅ Delivered to ${named("Bella")} (${named("@bella")}).`, replyToMessageId: reply.messageId });
    expect(aziz.messages()).toHaveLength(azizBefore);

    const after = await staff.send("/questions");
    expect(after.text).toContain(`#1 · ${named("Aziz")}`);
    expect(after.text).not.toContain("#2");

    // A second reply is delivered too, in the student's own language.
    chat.reply(staff, await postOf(chat, 1), "Pasport va diplom nusxasi.");
    const [uzHeader, text] = await eventually(() => (aziz.messages().length >= azizBefore + 2 ? aziz.messages().slice(azizBefore) : undefined));
    expect(uzHeader!.text).toBe("📩 Bo'lim 1-savolingizga javob berdi:\nKOICA uchun qanday hujjatlar kerak?");
    expect(text!.text).toBe("Pasport va diplom nusxasi.");
    chat.reply(staff, await postOf(chat, 1), "Va til sertifikati.");
    await eventually(() => aziz.messages().some((m) => m.text === "Va til sertifikati."));
    expect((await staff.send("/questions")).text).toBe("No open questions: every question has been answered.");
  });

  it("replies to other messages, and chatter, in the staff chat are ignored", async () => {
    const { chat, staff } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "en", firstName: "Timur" });
    await askFromMenu(student, "Where do I submit the documents?");
    const before = student.messages().length;
    const post = await postOf(chat, 1);

    const chatter = chat.send(staff, "Who is on duty today?");
    chat.reply(staff, chat.history().find((m) => m.messageId === chatter.messageId)!, "I am.");
    chat.reply(staff, post, "Let me check first.");
    const confirmation = await eventually(() => chat.messages().find((m) => m.text.startsWith("✅")));
    chat.reply(staff, confirmation, "thanks, bot");
    chat.reply(staff, post, "Room 105.");
    await eventually(() => student.messages().some((m) => m.text === "Room 105."));

    // Updates of one chat are handled in order: all of the above is done by now.
    const header = "📩 The department answered your question #1:\nWhere do I submit the documents?";
    expect(student.messages().slice(before).map((m) => m.text)).toEqual([header, "Let me check first.", header, "Room 105."]);
    await eventually(() => chat.messages().length === 3);
    expect(chat.messages().map((m) => m.text)).toEqual([post.text, `✅ Delivered to ${named("Timur")}.`, `✅ Delivered to ${named("Timur")}.`]);
  });
});

describe("what students and staff typed", () => {
  const h = withBot(settings);

  it("is shown as typed, markup and all: the confirmation, the post, /questions, the answer's header, the answer and the delivery note", async () => {
    const { chat, staff } = staffRoom(h.fake);
    // Read as Telegram HTML, "&" and "<weather>" would make Telegram refuse the message, "<b>x</b>" would turn bold and "&amp;" would read "&".
    // A question the bot has no answer to, so that it offers to ask the department.
    const question = '<weather> & "tomorrow" <b>x</b>';
    const firstName = '<b>Ali</b> & "Co"';
    const student = h.fake.user({ languageCode: "en", firstName, lastName: "<Karimov> &amp; Sons" });
    const confirm = await student.press(await student.send(question), "✉️ Ask the department");
    expect(confirm.text).toBe(`Send this question to the Department of International Cooperation?\n\n${question}`);
    expect((await student.press(confirm, "✅ Send")).text).toContain("✅ Sent to the department as question #1.");
    const post = await postOf(chat, 1);
    expect(post.text).toContain(`From: ${named(`${firstName} <Karimov> &amp; Sons`)} · 🇬🇧 English\n\n${question}\n\n`);
    // The bot keeps a student's first name only.
    expect((await staff.send("/questions")).text).toContain(`\n#1 · ${named(firstName)} · 🇬🇧 English · 1 min ago\n${question}\n`);

    const answer = 'Rent is <b>not</b> "cheap" & <price> varies';
    const before = student.messages().length;
    chat.reply(staff, post, answer);
    const [header, copy] = await eventually(() => (student.messages().length >= before + 2 ? student.messages().slice(before) : undefined));
    expect(header!.text).toBe(`📩 The department answered your question #1:\n${question}`);
    expect(copy!.text).toBe(answer);
    expect(copy!.entities).toBeUndefined(); // the tags typed stay text, nothing turned bold
    const delivered = await eventually(() => chat.messages().find((m) => m.text.startsWith("✅")));
    expect(delivered.text).toBe(`✅ Delivered to ${named(firstName)}.`);
  });
});

describe("who may answer", () => {
  const h = withBot(settings);

  it("a member of the staff chat who is not staff cannot answer a student: told how to become staff", async () => {
    const { chat } = staffRoom(h.fake);
    const stranger = h.fake.user({ languageCode: "en", firstName: "Visitor" });
    const student = h.fake.user({ languageCode: "en", firstName: "Timur" });
    await askFromMenu(student, "Is there a scholarship for Korea?");
    const before = student.messages().length;
    const post = await postOf(chat, 1);
    chat.reply(stranger, post, "No idea, try Google.");
    const refusal = await eventually(() => chat.messages().find((m) => m.text.startsWith("Only the department's staff")));
    expect(refusal.text).toContain("/staff");
    await new Promise((r) => setTimeout(r, 200));
    expect(student.messages().length).toBe(before);
    expect(h.app.store.questions.open(10)).toHaveLength(1);
  });
});

describe("closing a question without an answer", () => {
  const h = withBot(settings);

  it("staff reply /close to its post: it leaves /questions, and the student gets nothing", async () => {
    const { chat, staff } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "en", firstName: "Timur" });
    await askFromMenu(student, "Can you help me with my visa to Germany?");
    const before = student.messages().length;
    const post = await postOf(chat, 1);
    chat.reply(staff, post, "/close");
    const closed = await eventually(() => chat.messages().find((m) => m.text.startsWith("🗂")));
    expect(closed.text).toBe("🗂 Question #1 closed without an answer.");
    expect((await staff.send("/questions")).text).toBe("No open questions: every question has been answered.");
    expect((await staff.send("/close")).text).toBe("To close a question without answering it, reply /close to its post in the staff chat.");
    expect(student.messages().length).toBe(before);
    expect((await student.send("/close")).text).toBe("This is for the department's staff only.");
  });
});

describe("without a staff chat", () => {
  const h = withBot({ ADMIN_IDS: [OWNER] });

  it("questions are not offered, and /questions says why", async () => {
    const student = h.fake.user({ languageCode: "en" });
    expect(allButtons(await student.send("/menu"))).not.toContain("✉️ Ask the department");
    expect(allButtons(await student.send("summer school"))).toEqual(["📞 Contacts", "🏠 Menu"]);
    const staff = h.fake.user({ id: OWNER, languageCode: "en" });
    expect((await staff.send("/questions")).text).toBe("Questions to the department are off: STAFF_CHAT_ID is not set (see the README).");
  });
});

describe("when a message cannot be delivered", () => {
  let h: Harness;
  /** Telegram's real refusals a test provoked on purpose (a student blocking the bot); anything else refused fails the test. */
  let provoked: string[] = [];
  afterEach(async () => {
    expect(h.fake.rejected().filter((call) => !provoked.includes(call.description ?? ""))).toEqual([]);
    provoked = [];
    await h.stop();
  });

  it("to the staff chat: the student is told, and the question is not kept", async () => {
    h = await startBot(settings);
    const { staff } = staffRoom(h.fake);
    h.fake.injectFault({ method: "sendMessage", chatId: STAFF_CHAT, errorCode: 403, description: "Forbidden: bot was kicked from the supergroup chat" });
    const student = h.fake.user({ languageCode: "en" });
    expect((await askFromMenu(student, "Is the KOICA call open?")).text).toBe(
      "Sorry, your question could not be sent just now. Please try again later, or call the department.",
    );
    expect((await staff.send("/questions")).text).toBe("No open questions: every question has been answered.");
  });

  it("to a student who blocked the bot: the staff chat is told so", async () => {
    h = await startBot(settings);
    provoked.push("Forbidden: bot was blocked by the user");
    const { chat, staff } = staffRoom(h.fake);
    const student = h.fake.user({ languageCode: "en", firstName: "Gone" });
    await askFromMenu(student, "Can I apply to KOICA as a student?");
    student.block();
    await eventually(() => h.app.store.users.get(student.id)?.blocked);

    const reply = chat.reply(staff, await postOf(chat, 1), "Yes, see the card.");
    const told = await eventually(() => chat.messages().find((m) => m.text.startsWith("⚠️")));
    expect(told).toMatchObject({ text: `⚠️ Not delivered: ${named("Gone")} has blocked the bot.`, replyToMessageId: reply.messageId });
    // Still open, and marked, so staff know before writing again.
    expect((await staff.send("/questions")).text).toContain(`#1 · ${named("Gone")} (has blocked the bot)`);
  });
});
