/**
 * ui/view.ts: show() edits the pressed message in place, never to what it
 * already shows, and sends anew when the message cannot be edited or the
 * view is too long for one message; reply() always sends anew.
 */
import { InlineKeyboard } from "grammy";
import { describe, expect, it } from "vitest";
import { reply, sectionsToHtml, show, type View } from "../../../../src/bot/ui/view.js";
import { botMessage, composerHarness, press, privateText, refusal, user, type Call, type HarnessOptions } from "../composer-harness.js";

const PROGRAMS: View = { html: "<b>Programs</b>\n\nErasmus &amp; KOICA &lt;2026&gt;", keyboard: new InlineKeyboard().text("Next ▶️", "programs:1").text("🏠 Menu", "menu") };
/** PROGRAMS as Telegram shows it in the message: the text without tags, escapes read. */
const PROGRAMS_SHOWN = { text: "Programs\n\nErasmus & KOICA <2026>", buttons: [[{ text: "Next ▶️", callback_data: "programs:1" }, { text: "🏠 Menu", callback_data: "menu" }]] };
const COUNTRIES: View = { html: "<b>Partner countries</b>", keyboard: new InlineKeyboard().text("🏠 Menu", "menu") };

const CHAT = user().id;
const asSent = (view: View) => ({
  chat_id: CHAT,
  text: view.html,
  parse_mode: "HTML",
  ...(view.keyboard ? { reply_markup: { inline_keyboard: view.keyboard.inline_keyboard } } : {}),
  link_preview_options: { is_disabled: true },
});
const sendOf = (view: View): Call => ({ method: "sendMessage", payload: asSent(view) });
const editOf = (view: View, messageId = 7): Call => ({ method: "editMessageText", payload: { ...asSent(view), message_id: messageId } });

/** A bot that shows PROGRAMS, or COUNTRIES when the press says "countries", or a view given by the test. */
const showing = (options: Pick<HarnessOptions, "respond"> & { view?: View; how?: typeof show } = {}) =>
  composerHarness({
    ...options,
    use: [(ctx) => (options.how ?? show)(ctx, options.view ?? (ctx.callbackQuery?.data === "countries" ? COUNTRIES : PROGRAMS))],
  });
const editRefused = (description: string): HarnessOptions["respond"] => (call) => (call.method === "editMessageText" ? refusal(400, description) : undefined);

describe("show", () => {
  it("sends a new message for a typed message, in HTML, with its buttons and no link preview", async () => {
    expect(await showing().send(privateText("programs"))).toEqual([sendOf(PROGRAMS)]);
  });

  it("edits the pressed message in place, and sends nothing new", async () => {
    const h = showing();
    expect(await h.send(press("programs", { message: botMessage({ message_id: 7, text: "Menu" }) }))).toEqual([editOf(PROGRAMS, 7)]);
  });

  it("makes no request when the pressed message shows the view already (text as Telegram shows it, same buttons)", async () => {
    const h = showing();
    expect(await h.send(press("programs", { message: botMessage(PROGRAMS_SHOWN) }))).toEqual([]);
    // Buttons compared by content, not by the order of their fields.
    const reordered = PROGRAMS_SHOWN.buttons.map((row) => row.map(({ callback_data, text }) => ({ callback_data, text })));
    expect(await h.send(press("programs", { message: botMessage({ ...PROGRAMS_SHOWN, buttons: reordered }) }))).toEqual([]);
  });

  it("edits a message with the same text but other buttons, or the same buttons but another text", async () => {
    const h = showing();
    expect(await h.send(press("programs", { message: botMessage({ text: PROGRAMS_SHOWN.text, buttons: [[{ text: "🏠 Menu", callback_data: "menu" }]] }) }))).toEqual([editOf(PROGRAMS)]);
    expect(await h.send(press("programs", { message: botMessage({ text: "Programs (old)", buttons: PROGRAMS_SHOWN.buttons }) }))).toEqual([editOf(PROGRAMS)]);
  });

  it("edits once for a button pressed twice before the first edit reached the app (the same state of the message)", async () => {
    const h = showing();
    const pressed = botMessage({ text: "Menu", buttons: [[{ text: "🎓 Programs", callback_data: "programs" }]] });
    expect(await h.send(press("programs", { message: pressed }))).toEqual([editOf(PROGRAMS)]);
    expect(await h.send(press("programs", { message: pressed }))).toEqual([]);
    // The same old state, another view: the message shows PROGRAMS now, so it is edited.
    expect(await h.send(press("countries", { message: pressed }))).toEqual([editOf(COUNTRIES)]);
    expect(await h.send(press("programs", { message: pressed }))).toEqual([editOf(PROGRAMS)]);
  });

  it.each(["Bad Request: message can't be edited", "Bad Request: message to edit not found"])("sends anew when Telegram answers %s", async (description) => {
    const h = showing({ respond: editRefused(description) });
    expect(await h.send(press("programs"))).toEqual([editOf(PROGRAMS), sendOf(PROGRAMS)]);
  });

  it("takes Telegram's 'message is not modified' as shown: nothing more is sent", async () => {
    const h = showing({ respond: editRefused("Bad Request: message is not modified: specified new message content and reply markup are exactly the same") });
    expect(await h.send(press("programs"))).toEqual([editOf(PROGRAMS)]);
  });

  it("lets any other refusal of the edit fail the update", async () => {
    const h = showing({ respond: editRefused("Bad Request: can't parse entities") });
    await expect(h.send(press("programs"))).rejects.toThrow("can't parse entities");
    expect(h.sent).toEqual([editOf(PROGRAMS)]);
  });

  it("sends a view too long for one message as new messages, split at paragraphs, the buttons under the last", async () => {
    const paragraph = `<b>Step</b> ${"x".repeat(1500)}`;
    const long: View = { html: [paragraph, paragraph, paragraph].join("\n\n"), keyboard: new InlineKeyboard().text("🏠 Menu", "menu") };
    const calls = await showing({ view: long }).send(press("programs"));
    expect(calls.map((c) => c.method)).toEqual(["sendMessage", "sendMessage"]);
    expect(calls.map((c) => c.payload.text)).toEqual([`${paragraph}\n\n${paragraph}`, paragraph]);
    expect(calls.map((c) => c.payload.parse_mode)).toEqual(["HTML", "HTML"]);
    expect(calls[0]?.payload.reply_markup).toBeUndefined();
    expect(calls[1]?.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "🏠 Menu", callback_data: "menu" }]] });
  });
});

describe("reply", () => {
  it("sends a new message even for a press (the pressed message stays)", async () => {
    expect(await showing({ how: reply }).send(press("programs"))).toEqual([sendOf(PROGRAMS)]);
  });
});

describe("sectionsToHtml", () => {
  it("puts the title and the headings in bold, and escapes every text", () => {
    expect(sectionsToHtml("KOICA <Korea>", [{ heading: "Who & how", lines: ["GPA > 3.5", "IELTS 5.5"] }, { lines: ['"Quoted"'] }])).toBe(
      '<b>KOICA &lt;Korea&gt;</b>\n\n<b>Who &amp; how</b>\nGPA &gt; 3.5\nIELTS 5.5\n\n&quot;Quoted&quot;',
    );
  });
});
