// The fake Telegram server, driven by a real grammY Bot over HTTP: it must
// answer like Telegram and refuse what Telegram refuses.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, type GrammyError, HttpError, InlineKeyboard, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { FakeTelegram, TELEGRAM_RATE_LIMITS, type RateLimits } from "../../src/dev/fake-telegram/index.js";
import { RateLimiter } from "../../src/dev/fake-telegram/rate-limit.js";
import { api, apiError, fake, newBot, restart, run, useFakeTelegram } from "./fake-setup.js";

useFakeTelegram();

async function rawPost(method: string, body: unknown, token = fake.token): Promise<{ status: number; json: any }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe("transport and errors", () => {
  it("answers getMe with the bot user", async () => {
    const bot = newBot();
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ id: 123456789, is_bot: true, username: fake.botInfo.username, supports_inline_queries: true });
    expect(fake.calls.map((c) => c.method)).toEqual(["getMe"]);
    expect(fake.rejected()).toEqual([]);
  });

  it("rejects a wrong token with 401 and an unknown method with 404", async () => {
    expect(await rawPost("getMe", {}, "123456789:wrong")).toEqual({
      status: 401,
      json: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    const bot = newBot();
    const err = await apiError((bot.api.raw as any).sendTelepathy({ chat_id: 1 }));
    expect(err.error_code).toBe(404);
    expect(err.description).toBe("Not Found: method not found");
    expect(fake.rejected().map((c) => c.errorCode)).toEqual([401, 404]);
  });

  it("accepts GET with query parameters and case-insensitive method names, like the Bot API", async () => {
    const user = fake.user({ startedBot: true });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/SENDMESSAGE?chat_id=${user.chatId}&text=hi`);
    expect(res.status).toBe(200);
    expect(user.lastMessage()?.text).toBe("hi");
  });

  it("refuses multipart uploads", async () => {
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendDocument`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--x--",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { description: string }).description).toBe(
      "Bad Request: file uploads are not supported by the fake",
    );
  });
});

describe("sendMessage validation", () => {
  it("accepts 4096 characters and rejects 4097 as too long", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    await bot.api.sendMessage(user.chatId, "x".repeat(4096));
    const err = await apiError(bot.api.sendMessage(user.chatId, "x".repeat(4097)));
    expect(err.error_code).toBe(400);
    expect(err.description).toBe("Bad Request: message is too long");
    // Entities do not count: 4096 visible characters in HTML are fine.
    await bot.api.sendMessage(user.chatId, `<b>${"y".repeat(4096)}</b>`, { parse_mode: "HTML" });
  });

  it("rejects empty texts and unknown chats", async () => {
    const user = fake.user();
    const bot = newBot();
    expect((await apiError(bot.api.sendMessage(user.chatId, ""))).description).toBe("Bad Request: message text is empty");
    expect((await apiError(bot.api.sendMessage(user.chatId, " \n "))).description).toBe("Bad Request: text must be non-empty");
    expect((await apiError(bot.api.sendMessage(424242, "hi"))).description).toBe("Bad Request: chat not found");
  });

  it("rejects callback_data over 64 bytes, counting UTF-8 bytes", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    const send = (data: string) =>
      bot.api.sendMessage(user.chatId, "pick", { reply_markup: new InlineKeyboard().text("A", data) });
    await send("x".repeat(64));
    await send("я".repeat(32)); // 64 bytes
    for (const data of ["x".repeat(65), "я".repeat(33)]) {
      const err = await apiError(send(data));
      expect(err.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    }
  });

  it("rejects malformed inline keyboards", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    const send = (button: object) =>
      bot.api.sendMessage(user.chatId, "x", { reply_markup: { inline_keyboard: [[button as never]] } });
    expect((await apiError(send({ text: "no action" }))).description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    expect((await apiError(send({ text: "A", callback_data: "" }))).description).toMatch(/Text buttons are unallowed/);
    expect((await apiError(send({ text: "", callback_data: "a" }))).description).toMatch(/can't parse inline keyboard button/);
    expect((await apiError(send({ text: "A", url: "https://example.com", callback_data: "a" }))).description).toMatch(
      /can't parse inline keyboard button: exactly one action field/,
    );
    expect((await apiError(send({ text: "A", url: "not-a-url" }))).description).toBe(
      "Bad Request: inline keyboard button URL 'not-a-url' is invalid: Wrong HTTP URL",
    );
    expect((await apiError(send({ text: "A", url: "ftp://example.com" }))).description).toMatch(/Unsupported URL protocol/);
    await send({ text: "ok", url: "https://example.com/path?q=1" });
    await send({ text: "ok", url: "tg://resolve?domain=telegram" });
    const many = Array.from({ length: 101 }, (_, i) => [{ text: `b${i}`, callback_data: `${i}` }]);
    const err = await apiError(bot.api.sendMessage(user.chatId, "x", { reply_markup: { inline_keyboard: many } }));
    expect(err.description).toBe("Bad Request: reply markup is too long");
  });

  it("refuses inline keyboards over Telegram's limits (100 buttons, 8 to a row) when sending and when editing, and takes them at the limits", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    const buttons = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ text: `b${from + i}`, callback_data: `${from + i}` }));
    /** `count` buttons, `perRow` to a row. */
    const keyboard = (count: number, perRow: number) => ({
      inline_keyboard: Array.from({ length: Math.ceil(count / perRow) }, (_, r) => buttons(Math.min(perRow, count - r * perRow), r * perRow)),
    });
    const tooLong = "Bad Request: reply markup is too long";

    const sent = await bot.api.sendMessage(user.chatId, "at the limits", { reply_markup: keyboard(100, 8) });
    expect(user.lastMessage()!.buttons.flat()).toHaveLength(100);
    expect((await apiError(bot.api.sendMessage(user.chatId, "x", { reply_markup: keyboard(101, 8) }))).description).toBe(tooLong);
    expect((await apiError(bot.api.sendMessage(user.chatId, "x", { reply_markup: keyboard(9, 9) }))).description).toBe(tooLong);
    // A wide row is refused however few buttons the keyboard has in all.
    expect((await apiError(bot.api.sendMessage(user.chatId, "x", { reply_markup: { inline_keyboard: [buttons(1), buttons(9, 1)] } }))).description).toBe(tooLong);

    // Edits are held to the same limits, and a refused edit leaves the message as it was.
    expect((await apiError(bot.api.editMessageReplyMarkup(user.chatId, sent.message_id, { reply_markup: keyboard(9, 9) }))).description).toBe(tooLong);
    expect((await apiError(bot.api.editMessageText(user.chatId, sent.message_id, "edited", { reply_markup: keyboard(101, 1) }))).description).toBe(tooLong);
    expect(fake.messages(user.chatId).at(-1)).toMatchObject({ text: "at the limits" });
    await bot.api.editMessageReplyMarkup(user.chatId, sent.message_id, { reply_markup: keyboard(8, 8) });
    expect(user.lastMessage()!.buttons).toHaveLength(1);
    expect(fake.rejected().map((c) => c.description)).toEqual([tooLong, tooLong, tooLong, tooLong, tooLong]);
  });

  it("parses HTML like Telegram and rejects what Telegram's parser refuses", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    const html = (text: string) => bot.api.sendMessage(user.chatId, text, { parse_mode: "HTML" });

    const sent = await html('😀 <b>bold</b> &amp; <a href="https://example.com/?a=1&b=2">link</a> &lt;3 &#x1F600;');
    expect(sent.text).toBe("😀 bold & link <3 😀");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 3, length: 4 }, // the emoji is 2 UTF-16 units
      { type: "text_link", offset: 10, length: 4, url: "https://example.com/?a=1&b=2" },
    ]);
    expect(fake.messages(user.chatId).at(-1)).toMatchObject({ text: sent.text, html: expect.stringContaining("<b>") });

    const reasons: [string, string][] = [
      ["a < b", 'Unsupported start tag "" at byte offset 2'],
      ["line<br>break", 'Unsupported start tag "br" at byte offset 4'],
      ["Tom & Jerry", 'Character "&" at byte offset 4 must be escaped as "&amp;"'],
      ["x &nbsp; y", 'Unsupported HTML entity "&nbsp;" at byte offset 2'],
      ["<b>never closed", 'Can\'t find end tag corresponding to start tag "b"'],
      ["<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
      ["stray</b>", "Unexpected end tag at byte offset 5"],
      ['<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
      ["ж<br>", 'Unsupported start tag "br" at byte offset 2'], // byte offsets, not characters
    ];
    for (const [text, reason] of reasons) {
      const err = await apiError(html(text));
      expect(err.description).toBe(`Bad Request: can't parse entities: ${reason}`);
    }
    // Without parse_mode everything is literal.
    expect((await bot.api.sendMessage(user.chatId, "a < b & <br>")).text).toBe("a < b & <br>");
    expect((await apiError(bot.api.sendMessage(user.chatId, "*x*", { parse_mode: "MarkdownV2" }))).description).toBe(
      "Bad Request: the fake supports only HTML parse mode",
    );
  });

  it("keeps pre/code languages, spoilers and expandable blockquotes", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    const sent = await bot.api.sendMessage(
      user.chatId,
      '<pre><code class="language-ts">let a;</code></pre>\n<tg-spoiler>s</tg-spoiler> <blockquote expandable>q</blockquote>',
      { parse_mode: "HTML" },
    );
    expect(sent.text).toBe("let a;\ns q");
    expect(sent.entities).toEqual([
      { type: "pre", offset: 0, length: 6, language: "ts" },
      { type: "spoiler", offset: 7, length: 1 },
      { type: "expandable_blockquote", offset: 9, length: 1 },
    ]);
  });
});

describe("a conversation through long polling", () => {
  it("round-trips a message, a button press, an edit and the callback answer", async () => {
    const bot = newBot();
    bot.command("start", (ctx) =>
      ctx.reply("Hello <b>there</b>", {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text("Next ➡️", "next").url("Site", "https://example.com"),
      }),
    );
    bot.callbackQuery("next", async (ctx) => {
      await ctx.editMessageText("Page 2", { reply_markup: new InlineKeyboard().text("Back", "back") });
      await ctx.answerCallbackQuery({ text: "Moved" });
    });
    run(bot);

    const user = fake.user({ firstName: "Aziza", languageCode: "uz" });
    const hello = await user.send("/start");
    expect(hello).toMatchObject({ chatId: user.chatId, text: "Hello there", html: "Hello <b>there</b>", edits: 0, fromBot: true });
    expect(hello.buttons).toEqual([[{ text: "Next ➡️", callbackData: "next" }, { text: "Site", url: "https://example.com" }]]);

    const page2 = await user.press(hello, /Next/);
    expect(page2).toMatchObject({ messageId: hello.messageId, text: "Page 2", edits: 1 });
    expect(page2.buttons).toEqual([[{ text: "Back", callbackData: "back" }]]);

    const answer = await fake.waitForCall("answerCallbackQuery");
    expect(fake.callbackAnswer(answer.params.callback_query_id as string)).toEqual({ text: "Moved" });
    expect(user.messages()).toHaveLength(1);
    expect(fake.rejected()).toEqual([]);

    // The update was realistic: grammY routed it via the bot_command entity.
    const update = (fake.calls.find((c) => c.method === "getUpdates" && (c.result as Update[])?.length) as { result: Update[] })
      .result[0]!;
    expect(update.message).toMatchObject({
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
      chat: { id: user.chatId, type: "private", first_name: "Aziza" },
      from: { id: user.id, is_bot: false, language_code: "uz" },
    });
  });

  it("throws at once when pressing a button that is not there", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    await bot.api.sendMessage(user.chatId, "menu", { reply_markup: new InlineKeyboard().text("Yes", "y").url("Docs", "https://example.com") });
    const menu = user.lastMessage()!;
    expect(() => user.press(menu, "No")).toThrow(/no button No; its buttons: \["Yes", "Docs"\]/);
    expect(() => user.press(menu, "Docs")).toThrow(/not a callback button/);
  });

  it("rejects a second answer to the same callback query", async () => {
    const bot = newBot();
    bot.on("callback_query:data", async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.answerCallbackQuery({ text: "again" }).catch(() => undefined);
    });
    run(bot);
    const user = fake.user({ startedBot: true });
    await bot.api.sendMessage(user.chatId, "menu", { reply_markup: new InlineKeyboard().text("Go", "go") });
    const id = user.pressData(user.lastMessage()!, "go");
    await fake.waitForCall("answerCallbackQuery", { where: (c) => !c.ok });
    expect(fake.callbackAnswer(id)).toEqual({});
    expect(fake.rejected().map((c) => c.description)).toEqual([
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    ]);
  });

  it("rejects editing a message to identical content as not modified", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    const markup = new InlineKeyboard().text("A", "a");
    const m = await bot.api.sendMessage(user.chatId, "<b>same</b>", { parse_mode: "HTML", reply_markup: markup });
    const err = await apiError(
      bot.api.editMessageText(user.chatId, m.message_id, "<b>same</b>", { parse_mode: "HTML", reply_markup: markup }),
    );
    expect(err.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    // Dropping the bold or the keyboard is a modification.
    await bot.api.editMessageText(user.chatId, m.message_id, "same", { reply_markup: markup });
    await bot.api.editMessageText(user.chatId, m.message_id, "same");
    expect(fake.messages(user.chatId)[0]).toMatchObject({ text: "same", buttons: [], edits: 2 });
    expect((await apiError(bot.api.editMessageReplyMarkup(user.chatId, m.message_id))).description).toMatch(/not modified/);
    expect((await apiError(bot.api.editMessageText(user.chatId, 999, "x"))).description).toBe(
      "Bad Request: message to edit not found",
    );
    expect(await bot.api.deleteMessage(user.chatId, m.message_id)).toBe(true);
    expect((await apiError(bot.api.deleteMessage(user.chatId, m.message_id))).description).toBe(
      "Bad Request: message to delete not found",
    );
  });

  it("answers 403 to a user who blocked the bot and tells the bot via my_chat_member", async () => {
    const bot = newBot();
    const statuses: string[] = [];
    bot.on("my_chat_member", (ctx) => {
      statuses.push(ctx.myChatMember.new_chat_member.status);
    });
    run(bot);
    const user = fake.user();
    user.block();
    await fake.waitForCall("getUpdates", { where: (c) => (c.result as Update[] | undefined)?.some((u) => u.my_chat_member) ?? false });
    await expect.poll(() => statuses).toEqual(["kicked"]);
    const err = await apiError(bot.api.sendMessage(user.chatId, "still there?"));
    expect(err.error_code).toBe(403);
    expect(err.description).toBe("Forbidden: bot was blocked by the user");
    expect(() => user.send("hi")).toThrow(/blocked the bot/);
    user.unblock();
    await expect.poll(() => statuses).toEqual(["kicked", "member"]);
    await bot.api.sendMessage(user.chatId, "welcome back");
  });

  it("remembers the reply keyboard the user sees", async () => {
    const bot = newBot();
    bot.command("start", (ctx) =>
      ctx.reply("Menu", { reply_markup: { keyboard: [["Grants", "Contacts"], [{ text: "Help" }]], resize_keyboard: true } }),
    );
    bot.hears("Contacts", (ctx) => ctx.reply("Room 101", { reply_markup: { remove_keyboard: true } }));
    run(bot);
    const user = fake.user();
    const menu = await user.send("/start");
    expect(menu.keyboard).toEqual([["Grants", "Contacts"], ["Help"]]);
    expect(user.keyboard()).toEqual([["Grants", "Contacts"], ["Help"]]);
    expect((await user.send(user.keyboard()![0]![1]!)).text).toBe("Room 101");
    expect(user.keyboard()).toBeUndefined();
  });

  it("delivers copies, replies and chat actions", async () => {
    const bot = newBot();
    bot.on("message:photo", async (ctx) => {
      await ctx.replyWithChatAction("typing");
      await ctx.copyMessage(ctx.chat.id, { caption: "copied", reply_parameters: { message_id: ctx.msg.message_id } });
    });
    run(bot);
    const user = fake.user();
    const copy = await user.sendPhoto("original");
    expect(copy).toMatchObject({ text: "copied", fromBot: true });
    const err = await apiError(bot.api.sendChatAction(user.chatId, "dancing" as never));
    expect(err.description).toBe("Bad Request: wrong parameter action in request");
    expect((await apiError(bot.api.copyMessage(user.chatId, user.chatId, 999))).description).toBe(
      "Bad Request: message to copy not found",
    );
  });
});

describe("users who never wrote to the bot", () => {
  const CANT_INITIATE = "Forbidden: bot can't initiate conversation with a user";

  it("answers 403 to every send to a stranger, and nothing arrives", async () => {
    const stranger = fake.user();
    const sender = fake.user({ startedBot: true });
    const source = sender.sendFormattedNoWait("Scholarship news", []);
    const refused = await Promise.all([
      apiError(api.sendMessage(stranger.chatId, "hello")),
      apiError(api.copyMessage(stranger.chatId, sender.chatId, source.messageId)),
      apiError(api.copyMessages(stranger.chatId, sender.chatId, [source.messageId])),
      apiError(api.sendChatAction(stranger.chatId, "typing")),
    ]);
    expect(refused.map((err) => [err.error_code, err.description])).toEqual(Array(4).fill([403, CANT_INITIATE]));
    expect(fake.history(stranger.chatId)).toEqual([]);
    // A chat the fake does not know at all is still "chat not found".
    expect((await apiError(api.sendMessage(424242, "hello"))).description).toBe("Bad Request: chat not found");
  });

  it("lets the bot write once the user wrote a message or a command, or unblocked the bot", async () => {
    const [wrote, commanded, unblocked] = [fake.user(), fake.user(), fake.user()];
    const users = [wrote, commanded, unblocked];
    for (const user of users) expect((await apiError(api.sendMessage(user.chatId, "Too early"))).description).toBe(CANT_INITIATE);
    wrote.sendNoWait("salom");
    commanded.sendNoWait("/start");
    unblocked.block();
    unblocked.unblock();
    for (const user of users) await api.sendMessage(user.chatId, "Welcome!");
    expect(users.map((user) => user.messages().map((m) => m.text))).toEqual(Array(3).fill(["Welcome!"]));
  });

  it("lets the bot write at once to users who started it before the test (startedBot), bulk users too", async () => {
    const subscriber = fake.user({ startedBot: true });
    const [bulkSubscriber] = fake.addUsers(1, { startedBot: true });
    const [bulkStranger] = fake.addUsers(1);
    await api.sendMessage(subscriber.chatId, "KOICA: the call is open");
    await api.sendMessage(bulkSubscriber!, "KOICA: the call is open");
    expect((await apiError(api.sendMessage(bulkStranger!, "KOICA: the call is open"))).description).toBe(CANT_INITIATE);
    expect([subscriber.chatId, bulkSubscriber!, bulkStranger!].map((id) => fake.messages(id).map((m) => m.text))).toEqual([
      ["KOICA: the call is open"],
      ["KOICA: the call is open"],
      [],
    ]);
  });

  it("answers 403 in private to a group member who only wrote and pressed buttons in the group", async () => {
    const group = fake.group();
    const member = fake.user();
    group.send(member, "/help");
    const post = await api.sendMessage(group.id, "Rules", { reply_markup: new InlineKeyboard().text("Read", "read") });
    member.pressData(group.messages().find((m) => m.messageId === post.message_id)!, "read");
    const err = await apiError(api.sendMessage(member.chatId, "Hi, I saw you in the group"));
    expect([err.error_code, err.description]).toEqual([403, CANT_INITIATE]);
    expect(member.messages()).toEqual([]);
  });
});

describe("getUpdates", () => {
  it("redelivers unconfirmed updates and drops confirmed ones", async () => {
    const bot = newBot();
    const user = fake.user();
    const a = user.sendNoWait("one");
    const b = user.sendNoWait("two");
    const first = await bot.api.getUpdates({ timeout: 0 });
    expect(first.map((u) => u.update_id)).toEqual([a, b]);
    // Not confirmed yet: the same updates come again.
    expect((await bot.api.getUpdates({ limit: 1 })).map((u) => u.update_id)).toEqual([a]);
    expect(fake.pendingUpdates()).toBe(2);
    // offset = a + 1 confirms a.
    expect((await bot.api.getUpdates({ offset: a + 1 })).map((u) => u.update_id)).toEqual([b]);
    expect(fake.pendingUpdates()).toBe(1);
    expect(await bot.api.getUpdates({ offset: b + 1 })).toEqual([]);
    expect(fake.pendingUpdates()).toBe(0);
  });

  it("waits for the next update and answers as soon as it arrives", async () => {
    const bot = newBot();
    const user = fake.user();
    const started = performance.now();
    const poll = bot.api.getUpdates({ timeout: 10 });
    setTimeout(() => user.sendNoWait("late"), 50);
    const updates = await poll;
    expect(updates.map((u) => u.message?.text)).toEqual(["late"]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("ends the older of two long polls with 409 Conflict", async () => {
    const bot = newBot();
    const first = bot.api.getUpdates({ timeout: 10 });
    await new Promise((r) => setTimeout(r, 50));
    const second = bot.api.getUpdates({ timeout: 0 });
    const err = await apiError(first);
    expect(err.error_code).toBe(409);
    expect(err.description).toBe("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    expect(await second).toEqual([]);
  });

  it("forgets a long poll whose client went away", async () => {
    const bot = newBot();
    const controller = new AbortController();
    const poll = bot.api.getUpdates({ timeout: 10 }, controller.signal as never);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(poll).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.calls).toMatchObject([{ method: "getUpdates", ok: false, aborted: true }]);
    const user = fake.user();
    user.sendNoWait("kept");
    // The update was not swallowed by the dead request.
    expect((await bot.api.getUpdates()).map((u) => u.message?.text)).toEqual(["kept"]);
    expect(fake.rejected()).toEqual([]);
  });

  it("stops cleanly with bot.stop(): the last offset is confirmed and nothing is rejected", async () => {
    const bot = newBot();
    bot.on("message", (ctx) => ctx.reply("ok"));
    run(bot);
    const user = fake.user();
    await user.send("hi");
    await new Promise((r) => setTimeout(r, 100)); // the bot is back in a long poll
    await bot.stop();
    expect(fake.pendingUpdates()).toBe(0);
    expect(fake.rejected()).toEqual([]);
    expect(fake.calls.filter((c) => c.aborted).map((c) => c.method)).toEqual(["getUpdates"]);
  });

  it("drops update types excluded by allowed_updates", async () => {
    const bot = newBot();
    await bot.api.getUpdates({ allowed_updates: ["message"] });
    const user = fake.user();
    user.sendNoWait("kept");
    user.block(); // my_chat_member is not allowed now
    expect((await bot.api.getUpdates()).map((u) => Object.keys(u)[1])).toEqual(["message"]);
    await bot.api.getUpdates({ allowed_updates: [] }); // back to the default set
    user.unblock();
    expect(fake.pendingUpdates()).toBe(2);
  });

  it("refuses getUpdates while a webhook is set", async () => {
    const bot = newBot();
    await bot.api.setWebhook("https://bot.example.com/hook", { secret_token: "s3cret_-" });
    expect(fake.webhook()).toEqual({ url: "https://bot.example.com/hook", secretToken: "s3cret_-" });
    const err = await apiError(bot.api.getUpdates());
    expect(err.error_code).toBe(409);
    expect(err.description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);
    expect((await apiError(bot.api.setWebhook("https://bot.example.com/hook", { secret_token: "no spaces" }))).description).toBe(
      "Bad Request: secret token contains unallowed characters",
    );
    expect((await apiError(bot.api.setWebhook("http://bot.example.com/hook"))).description).toMatch(/HTTPS URL must be provided/);
    await bot.api.deleteWebhook();
    expect(fake.webhook()).toBeUndefined();
    expect(await bot.api.getUpdates()).toEqual([]);
  });
});

describe("webhooks", () => {
  it("lets a test deliver updates to the bot's webhook server", async () => {
    const bot = newBot();
    bot.on("message:text", (ctx) => ctx.reply(`pong: ${ctx.msg.text}`));
    await bot.api.setWebhook("https://bot.example.com/hook", { secret_token: "hook_secret" });
    const server = createServer(webhookCallback(bot, "http", { secretToken: "hook_secret" }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    fake.on("update", (update) => {
      void fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": fake.webhook()!.secretToken! },
        body: JSON.stringify(update),
      });
    });
    try {
      const user = fake.user();
      expect((await user.send("ping")).text).toBe("pong: ping");
      expect(fake.drainUpdates().map((u) => u.message?.text)).toEqual(["ping"]);
      expect(fake.pendingUpdates()).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe("inline mode", () => {
  it("round-trips an inline query", async () => {
    const bot = newBot();
    bot.on("inline_query", (ctx) =>
      ctx.answerInlineQuery([
        {
          type: "article",
          id: "1",
          title: `About ${ctx.inlineQuery.query}`,
          input_message_content: { message_text: "<b>Grants</b>", parse_mode: "HTML" },
        },
      ]),
    );
    run(bot);
    const user = fake.user();
    const results = await user.inline("grants");
    expect(results).toEqual([
      { type: "article", id: "1", title: "About grants", input_message_content: { message_text: "<b>Grants</b>", parse_mode: "HTML" } },
    ]);
  });

  it("validates results", async () => {
    const bot = newBot();
    const answers: string[] = [];
    bot.on("inline_query", async (ctx) => {
      const article = (id: string, text = "t") => ({
        type: "article" as const,
        id,
        title: "T",
        input_message_content: { message_text: text, parse_mode: "HTML" as const },
      });
      const attempts = [[article("1"), article("1")], [article("")], [article("x".repeat(65))], [article("2", "<b>x")]];
      for (const results of attempts) {
        await ctx.answerInlineQuery(results).catch((e: GrammyError) => answers.push(e.description));
      }
      await ctx.answerInlineQuery([]);
    });
    run(bot);
    const user = fake.user();
    expect(await user.inline("q")).toEqual([]);
    expect(answers).toEqual([
      "Bad Request: RESULT_ID_DUPLICATE",
      "Bad Request: RESULT_ID_INVALID",
      "Bad Request: RESULT_ID_INVALID",
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    ]);
  });
});

describe("commands", () => {
  it("stores valid command menus per language and rejects invalid ones", async () => {
    const bot = newBot();
    await bot.api.setMyCommands([{ command: "start", description: "Start" }, { command: "help_me", description: "Help" }]);
    await bot.api.setMyCommands([{ command: "start", description: "Boshlash" }], { language_code: "uz" });
    expect(fake.commands()).toEqual([{ command: "start", description: "Start" }, { command: "help_me", description: "Help" }]);
    expect(fake.commands("uz")).toEqual([{ command: "start", description: "Boshlash" }]);
    expect(fake.commands("ru")).toBeUndefined();
    expect(await bot.api.getMyCommands({ language_code: "uz" })).toEqual([{ command: "start", description: "Boshlash" }]);

    const bad: [object[], object, string][] = [
      [[{ command: "Start", description: "x" }], {}, "Bad Request: BOT_COMMAND_INVALID"],
      [[{ command: "/start", description: "x" }], {}, "Bad Request: BOT_COMMAND_INVALID"],
      [[{ command: "a".repeat(33), description: "x" }], {}, "Bad Request: BOT_COMMAND_INVALID"],
      [[{ command: "ok", description: "d".repeat(257) }], {}, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"],
      [[{ command: "ok", description: "" }], {}, "Bad Request: command description must be non-empty"],
      [[{ command: "ok", description: "x" }], { language_code: "uzb" }, "Bad Request: invalid language code"],
    ];
    for (const [commands, other, description] of bad) {
      expect((await apiError(bot.api.setMyCommands(commands as never, other))).description).toBe(description);
    }
    await bot.api.deleteMyCommands({ language_code: "uz" });
    expect(fake.commands("uz")).toBeUndefined();
  });
});

describe("faults and groups", () => {
  it("injects 429 with retry_after, which auto-retry survives", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    const remove = fake.injectFault({ method: "sendMessage", chatId: user.chatId, times: 1, errorCode: 429, retryAfter: 1 });
    const err = await apiError(bot.api.sendMessage(user.chatId, "hi"));
    expect(err.error_code).toBe(429);
    expect(err.description).toBe("Too Many Requests: retry after 1");
    expect(err.parameters.retry_after).toBe(1);
    remove();

    fake.injectFault({ method: "sendMessage", times: 1, errorCode: 429, retryAfter: 1 });
    bot.api.config.use(autoRetry());
    const started = performance.now();
    await bot.api.sendMessage(user.chatId, "after flood");
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.calls.filter((c) => c.method === "sendMessage").map((c) => c.errorCode ?? "ok")).toEqual([429, 429, "ok"]);
  });

  it("can reset the connection", async () => {
    const user = fake.user({ startedBot: true });
    const bot = newBot();
    fake.injectFault({ method: "sendMessage", times: 1, reset: true });
    await expect(bot.api.sendMessage(user.chatId, "x")).rejects.toBeInstanceOf(HttpError);
    await bot.api.sendMessage(user.chatId, "y");
  });

  it("tells whether the bot spoke in a group", async () => {
    const bot = newBot();
    bot.command("help", (ctx) => ctx.reply("help text"));
    run(bot);
    const group = fake.group({ title: "Students" });
    const user = fake.user();
    expect(await group.say(user, "hello everyone")).toBe(false);
    expect(await group.say(user, `/help@${fake.botInfo.username}`, 3000)).toBe(true);
    expect(group.messages().map((m) => m.text)).toEqual(["help text"]);
  });

  it("rejects pending waits when the fake stops", async () => {
    const user = fake.user();
    const reply = expect(user.send("hello?", { timeoutMs: 10_000 })).rejects.toThrow("FakeTelegram stopped");
    await fake.stop();
    await reply;
  });

  it("explains a silent bot in the timeout error", async () => {
    const user = fake.user();
    await expect(user.send("anyone?", { timeoutMs: 100 })).rejects.toThrow(
      /sent "anyone\?" \(update \d+\), but the bot sent or edited nothing in chat 1001 within 100 ms[\s\S]*no getUpdates is waiting/,
    );
  });

  it("moves a thousand messages quickly", async () => {
    const bot = newBot();
    bot.on("message:text", (ctx) => ctx.reply(`echo ${ctx.msg.text}`));
    run(bot);
    const users = Array.from({ length: 50 }, () => fake.user());
    let replies = 0;
    const done = new Promise<void>((resolve) =>
      fake.on("message", () => {
        if (++replies === 1000) resolve();
      }),
    );
    const started = performance.now();
    for (let i = 0; i < 1000; i++) users[i % 50]!.sendNoWait(`m${i}`);
    await done;
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(fake.rejected()).toEqual([]);
    expect(users[0]!.messages()).toHaveLength(20);
  });
});

describe("flood limits", () => {
  /** A limiter on a clock the test moves; `send` answers the retry_after of a 429, or "ok". */
  function limiterAt(limits: RateLimits | false = {}) {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.set(limits);
    return {
      limiter,
      at: (ms: number) => void (now = ms),
      send: (chatId: number | undefined, method = "sendMessage") => {
        const refused = limiter.take(method, chatId);
        return refused ? refused.parameters?.retry_after : "ok";
      },
    };
  }
  const times = <T>(n: number, f: (_: unknown, i: number) => T) => Array.from({ length: n }, f);

  it("lets a private chat take 5 at once, then about one a second, and other chats are not held", () => {
    const { send, at, limiter } = limiterAt();
    expect(times(5, () => send(1001))).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(send(1001)).toBe(1);
    expect(send(1001, "editMessageText")).toBe(1);
    expect(send(1002)).toBe("ok");
    at(999);
    expect(send(1001)).toBe(1);
    at(1000);
    expect(send(1001)).toBe("ok");
    expect(send(1001)).toBe(1);
    // Sustained: one a second goes through for a minute, one every 0.9 s does not.
    for (let s = 2; s <= 60; s++) {
      at(s * 1000);
      expect(send(1001)).toBe("ok");
    }
    const paced = times(60, (_, i) => (at(120_000 + i * 900), send(1003)));
    expect(paced.slice(0, 5)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(paced).toContain(1);
    expect(limiter.stats()).toMatchObject({ rejectedBy: { perChat: paced.filter((r) => r !== "ok").length + 4, perGroup: 0, global: 0 } });
  });

  it("answers retry_after in whole seconds until a token is back, at least 1", () => {
    const { send, at } = limiterAt({ perChat: { perSecond: 0.25, burst: 1 } });
    expect(send(1001)).toBe("ok");
    expect(send(1001)).toBe(4);
    at(1);
    expect(send(1001)).toBe(4); // 3.999 s left
    at(2600);
    expect(send(1001)).toBe(2); // 1.4 s left: rounded up
    at(3001);
    expect(send(1001)).toBe(1);
    at(4000);
    expect(send(1001)).toBe("ok");
  });

  it("gives a group 3 at once and at most 20 in any minute, answering how long until the oldest leaves the minute", () => {
    const { send, at, limiter } = limiterAt();
    const group = -1001;
    expect(times(3, () => send(group))).toEqual(["ok", "ok", "ok"]);
    expect(send(group)).toBe(1);
    for (let s = 1; s <= 17; s++) {
      at(s * 1000);
      expect(send(group)).toBe("ok");
    }
    at(18_000);
    expect(send(group)).toBe(42); // the 21st: the first three leave the minute at 60 s
    at(59_999);
    expect(send(group)).toBe(1);
    expect(send(-1002)).toBe("ok"); // another group has its own minute
    at(60_000);
    expect(times(4, () => send(group))).toEqual(["ok", "ok", "ok", 1]); // over both the minute and the burst
    expect(limiter.stats().rejectedBy).toEqual({ global: 0, perChat: 2, perGroup: 3 });
    // Under: one every 3 s for five minutes.
    for (let i = 0; i < 100; i++) {
      at(200_000 + i * 3000);
      expect(send(-1003)).toBe("ok");
    }
  });

  it("takes 30 chats at once and 30 a second across chats, refusing the 31st", () => {
    const { send, at, limiter } = limiterAt();
    expect(times(30, (_, i) => send(2000 + i)).every((r) => r === "ok")).toBe(true);
    expect(send(3000)).toBe(1);
    expect(send(undefined, "editMessageText")).toBe(1); // an inline message: only the global limit knows it
    at(100);
    expect(times(4, (_, i) => send(4000 + i))).toEqual(["ok", "ok", "ok", 1]);
    // Sustained 30 a second, each message to another chat.
    for (let i = 0; i < 300; i++) {
      at(2000 + (i * 1000) / 30);
      expect(send(5000 + i)).toBe("ok");
    }
    expect(limiter.stats()).toMatchObject({ accepted: 333, rejected: 3, rejectedBy: { global: 3, perChat: 0, perGroup: 0 } });
  });

  it("counts only sends and edits; each limit can be changed or switched off, nonsense refused", () => {
    const { send, limiter } = limiterAt({ global: { perSecond: 1000, burst: 100 }, perGroup: false });
    for (const method of ["getMe", "answerCallbackQuery", "deleteMessage", "sendChatAction"]) {
      expect(times(10, () => send(1001, method)).every((r) => r === "ok")).toBe(true);
    }
    expect(limiter.stats().accepted).toBe(0);
    expect(times(60, (_, i) => send(-2000 - i)).every((r) => r === "ok")).toBe(true); // 60 groups, no minute limit, global raised
    expect(times(4, () => send(-1001))).toEqual(["ok", "ok", "ok", "ok"]); // no group burst either: the private one
    limiter.set(false);
    expect(times(50, () => send(1001)).every((r) => r === "ok")).toBe(true);
    expect(() => limiter.set({ global: { perSecond: 0 } })).toThrow(/global: perSecond/);
    expect(() => limiter.set({ perChat: { perSecond: 1, burst: 1.5 } })).toThrow(/perChat: burst/);
    expect(() => limiter.set({ perGroup: { perMinute: 0, burst: 3 } })).toThrow(/perGroup: perMinute/);
  });

  it("are Telegram's when asked for: a 429 with retry_after over HTTP, without effect; reading is not limited", async () => {
    const own = await FakeTelegram.start({ rateLimits: {} });
    try {
      const api = new Api(own.token, { apiRoot: own.apiRoot });
      const user = own.user({ startedBot: true });
      for (let i = 0; i < 5; i++) await api.sendMessage(user.chatId, `m${i}`);
      for (const call of [() => api.sendMessage(user.chatId, "too fast"), () => api.editMessageText(user.chatId, 1, "edited")]) {
        const err = await apiError(call());
        expect([err.error_code, err.description, err.parameters.retry_after]).toEqual([429, "Too Many Requests: retry after 1", 1]);
      }
      expect(own.messages(user.chatId).map((m) => [m.text, m.edits])).toEqual(times(5, (_, i) => [`m${i}`, 0]));
      await api.getMe();
      expect(own.rejected().map((c) => [c.method, c.errorCode])).toEqual([["sendMessage", 429], ["editMessageText", 429]]);
      expect(own.rateLimitStats()).toMatchObject({ accepted: 5, rejected: 2 });
      own.resetRateLimitStats();
      expect(own.rateLimitStats()).toEqual({ accepted: 0, rejected: 0, rejectedBy: { global: 0, perChat: 0, perGroup: 0 } });
      own.setRateLimits({ perChat: false });
      for (let i = 0; i < 10; i++) await api.sendMessage(user.chatId, `free ${i}`);
      expect(TELEGRAM_RATE_LIMITS).toEqual({
        global: { perSecond: 30, burst: 30 },
        perChat: { perSecond: 1, burst: 5 },
        perGroup: { perMinute: 20, burst: 3 },
      });
    } finally {
      await own.stop();
    }
  });

  it("keeps up with thousands of calls a second, with a bounded call log", async () => {
    await restart({ rateLimits: { global: { perSecond: 1_000_000, burst: 1000 } }, maxRecordedCalls: 100 });
    const ids = fake.addUsers(2000, { startedBot: true });
    const sender = fake.user();
    const source = sender.sendFormattedNoWait("Exam schedule", [{ type: "bold", offset: 0, length: 4 }]);
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < ids.length) await api.copyMessage(ids[next++]!, sender.chatId, source.messageId);
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const seconds = (performance.now() - started) / 1000;
    expect(fake.callCounts().copyMessage).toEqual({ ok: 2000, failed: 0 });
    expect(fake.calls).toHaveLength(100);
    expect(fake.rateLimitStats()).toMatchObject({ accepted: 2000, rejected: 0 });
    expect(fake.messageCount(ids[1999]!)).toBe(1);
    expect(seconds).toBeLessThan(8);
  }, 15_000);
});
