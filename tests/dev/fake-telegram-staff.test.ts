// The fake Telegram server's features for staff tools: broadcasts by
// copyMessage(s) of any user message (formatting, media, albums), staff
// replying in a group, sharing a user, chat-scoped commands, and the knobs
// benchmarks need. Driven through grammY's own client.
import { HttpError } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import { describe, expect, it } from "vitest";
import { api, apiError, fake, newBot, restart, run, useFakeTelegram } from "./fake-setup.js";

useFakeTelegram();

const bold = (offset: number, length: number): MessageEntity => ({ type: "bold", offset, length });

describe("call log and bulk users for benchmarks", () => {
  it("keeps only the latest maxRecordedCalls but counts every call", async () => {
    await restart({ maxRecordedCalls: 5 });
    const user = fake.user({ startedBot: true });
    for (let i = 0; i < 12; i++) await api.getMe();
    await api.sendMessage(user.chatId, "a");
    await apiError(api.sendMessage(424242, "nobody"));
    await api.sendMessage(user.chatId, "b");
    expect(fake.calls.map((c) => c.method)).toEqual(["getMe", "getMe", "sendMessage", "sendMessage", "sendMessage"]);
    expect(fake.calls.at(-1)?.params.text).toBe("b");
    expect(fake.rejected().map((c) => c.description)).toEqual(["Bad Request: chat not found"]);
    expect(fake.callCounts()).toEqual({ getMe: { ok: 12, failed: 0 }, sendMessage: { ok: 2, failed: 1 } });
    // "from now on" still works: since = calls.length.
    const since = fake.calls.length;
    const waiting = fake.waitForCall("sendMessage", { since });
    await api.sendMessage(user.chatId, "c");
    expect((await waiting).params.text).toBe("c");
  });

  it("registers many private chats cheaply and counts bot messages per chat", async () => {
    const started = performance.now();
    const ids = fake.addUsers(100_000, { startedBot: true });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ids).toHaveLength(100_000);
    expect([ids[0], ids[1], ids.at(-1)]).toEqual([1001, 1002, 101_000]);
    expect(fake.user().id).toBe(101_001);

    await api.sendMessage(ids[500]!, "hello");
    const sent = await api.sendMessage(ids[500]!, "again");
    expect(fake.messageCount(ids[500]!)).toBe(2);
    expect(fake.messageCount(ids[501]!)).toBe(0);
    expect(fake.messageCount(-5)).toBe(0);
    await api.deleteMessage(ids[500]!, sent.message_id);
    expect(fake.messageCount(ids[500]!)).toBe(1);
    expect(fake.messages(ids[500]!)).toMatchObject([{ text: "hello", kind: "text", fromBot: true }]);

    expect(() => fake.addUsers(2, { firstId: 101_000 })).toThrow(/101000 already exists/);
    expect(fake.addUsers(3, { firstId: 500_000 })).toEqual([500_000, 500_001, 500_002]);
    expect(() => fake.addUsers(1, { firstId: -3 })).toThrow(/positive/);
  });
});

describe("what users send, and copies of it", () => {
  it("copies a formatted text with its entities", async () => {
    const staff = fake.user();
    const student = fake.user({ startedBot: true });
    const text = "Deadline: Friday. See https://jspu.uz";
    const sent = staff.sendFormattedNoWait(text, [bold(0, 8), { type: "italic", offset: 10, length: 6 }]);
    const original = fake.history(staff.chatId)[0]!;
    expect(original).toMatchObject({ messageId: sent.messageId, kind: "text", fromBot: false, text });
    // The client adds what it detects (the link) to the user's formatting.
    expect(original.entities).toEqual([bold(0, 8), { type: "italic", offset: 10, length: 6 }, { type: "url", offset: 22, length: 15 }]);

    await api.copyMessage(student.chatId, staff.chatId, sent.messageId);
    expect(fake.messages(student.chatId)).toMatchObject([{ kind: "text", text, entities: original.entities, fromBot: true }]);

    expect(() => staff.sendFormattedNoWait("short", [bold(2, 10)])).toThrow(
      /FakeUser.sendFormatted: Bad Request: entity beginning at UTF-16 offset 2 ends after the end of the text/,
    );
    expect(() => staff.sendFormattedNoWait("x", [{ type: "blink", offset: 0, length: 1 } as never])).toThrow(/Unsupported type/);
  });

  it("copies documents and videos with their file ids and caption entities", async () => {
    const staff = fake.user();
    const student = fake.user({ startedBot: true });
    const doc = staff.sendMediaNoWait("document", "Application form", { captionEntities: [bold(0, 11)] });
    const video = staff.sendMediaNoWait("video", "Campus tour");
    const [docMsg, videoMsg] = fake.history(staff.chatId);
    expect(docMsg).toMatchObject({ kind: "document", text: "Application form", entities: [bold(0, 11)] });
    expect(docMsg!.fileId).toMatch(/^BQAC/);
    expect(videoMsg).toMatchObject({ kind: "video", text: "Campus tour" });
    expect(videoMsg!.fileId).toMatch(/^BAAC/);
    expect(videoMsg!.entities).toBeUndefined();

    await api.copyMessage(student.chatId, staff.chatId, doc.messageId);
    await api.copyMessage(student.chatId, staff.chatId, video.messageId, { caption: "<i>New</i> caption", parse_mode: "HTML" });
    await api.copyMessage(student.chatId, staff.chatId, doc.messageId, { caption: "" });
    expect(fake.messages(student.chatId)).toMatchObject([
      { kind: "document", fileId: docMsg!.fileId, text: "Application form", entities: [bold(0, 11)] },
      { kind: "video", fileId: videoMsg!.fileId, text: "New caption", entities: [{ type: "italic", offset: 0, length: 3 }] },
      { kind: "document", fileId: docMsg!.fileId, text: "" },
    ]);
    expect(() => staff.sendMediaNoWait("photo", "x".repeat(1025))).toThrow(/FakeUser.sendPhoto: captions are limited to 1024/);
  });

  it("delivers an album as one update per item and copyMessages keeps it an album", async () => {
    const updates: Message[] = [];
    const bot = newBot();
    bot.on("message", (ctx) => void updates.push(ctx.msg));
    run(bot);
    const staff = fake.user();
    const [a, b] = [fake.user({ startedBot: true }), fake.user({ startedBot: true })];
    const refs = staff.sendAlbumNoWait([
      { type: "photo", caption: "Open day", captionEntities: [bold(0, 4)] },
      { type: "video" },
      { type: "photo", caption: "Hall B" },
    ]);
    expect(refs.map((r) => r.messageId)).toEqual([1, 2, 3]);
    expect(refs[1]!.updateId).toBe(refs[0]!.updateId + 1);
    await expect.poll(() => updates.length).toBe(3);
    const groupId = updates[0]!.media_group_id;
    expect(groupId).toMatch(/^\d{17}$/);
    expect(updates.map((u) => u.media_group_id)).toEqual([groupId, groupId, groupId]);
    expect(updates.map((u) => Boolean(u.photo) || Boolean(u.video))).toEqual([true, true, true]);

    const ids = refs.map((r) => r.messageId);
    expect(await api.copyMessages(a.chatId, staff.chatId, ids)).toEqual([{ message_id: 1 }, { message_id: 2 }, { message_id: 3 }]);
    await api.copyMessages(b.chatId, staff.chatId, ids, { remove_caption: true });
    const copiesA = fake.messages(a.chatId);
    const copiesB = fake.messages(b.chatId);
    expect(copiesA.map((m) => [m.kind, m.text])).toEqual([["photo", "Open day"], ["video", ""], ["photo", "Hall B"]]);
    expect(copiesA[0]!.entities).toEqual([bold(0, 4)]);
    expect(copiesA.map((m) => m.fileId)).toEqual(fake.history(staff.chatId).map((m) => m.fileId));
    expect(copiesB.map((m) => m.text)).toEqual(["", "", ""]);
    const newA = copiesA[0]!.mediaGroupId;
    expect(newA).toBeDefined();
    expect(new Set([...copiesA, ...copiesB].map((m) => m.mediaGroupId)).size).toBe(2);
    expect([newA, copiesB[0]!.mediaGroupId]).not.toContain(groupId);

    // One item copied alone is a message of its own.
    await api.copyMessage(a.chatId, staff.chatId, ids[0]!);
    await api.copyMessages(a.chatId, staff.chatId, [ids[1]!, 999]);
    expect(fake.messages(a.chatId).slice(3).map((m) => [m.kind, m.mediaGroupId])).toEqual([["photo", undefined], ["video", undefined]]);
  });

  it("refuses albums no client can send", () => {
    const user = fake.user();
    expect(() => user.sendAlbumNoWait([{ type: "photo" }])).toThrow(/2 to 10 items, got 1/);
    expect(() => user.sendAlbumNoWait(Array.from({ length: 11 }, () => ({ type: "photo" as const })))).toThrow(/got 11/);
    expect(() => user.sendAlbumNoWait([{ type: "document" }, { type: "photo" }])).toThrow(/documents can only be grouped with documents/);
    expect(user.sendAlbumNoWait([{ type: "document" }, { type: "document", caption: "b" }])).toHaveLength(2);
    expect(fake.pendingUpdates()).toBe(2);
  });

  it("waits for the bot's answer to media, formatted text and albums", async () => {
    const albumSeen = new Set<string>();
    const bot = newBot();
    bot.on("message", async (ctx) => {
      const group = ctx.msg.media_group_id;
      if (group !== undefined) {
        if (albumSeen.has(group)) return;
        albumSeen.add(group);
      }
      await ctx.copyMessage(ctx.chat.id);
    });
    run(bot);
    const user = fake.user();
    expect(await user.sendDocument("form")).toMatchObject({ kind: "document", text: "form", fromBot: true });
    expect(await user.sendVideo()).toMatchObject({ kind: "video", text: "" });
    expect(await user.sendPhoto("p", { captionEntities: [bold(0, 1)] })).toMatchObject({ kind: "photo", entities: [bold(0, 1)] });
    expect(await user.sendFormatted("hi there", [bold(3, 5)])).toMatchObject({ kind: "text", entities: [bold(3, 5)] });
    expect(await user.sendAlbum([{ type: "photo", caption: "first" }, { type: "photo" }])).toMatchObject({ kind: "photo", text: "first" });
  });

  it("edits captions like Telegram", async () => {
    const user = fake.user();
    const photo = user.sendMediaNoWait("photo", "old");
    const { message_id } = await api.copyMessage(user.chatId, user.chatId, photo.messageId);
    const edited = await api.editMessageCaption(user.chatId, message_id, { caption: "<b>new</b>", parse_mode: "HTML" });
    expect(edited).toMatchObject({ caption: "new", caption_entities: [bold(0, 3)] });
    expect((await apiError(api.editMessageCaption(user.chatId, message_id, { caption: "<b>new</b>", parse_mode: "HTML" }))).description).toMatch(
      /message is not modified/,
    );
    expect(await api.editMessageCaption(user.chatId, message_id)).not.toHaveProperty("caption");
    const text = await api.sendMessage(user.chatId, "plain");
    expect((await apiError(api.editMessageCaption(user.chatId, text.message_id, { caption: "x" }))).description).toBe(
      "Bad Request: there is no caption in the message to edit",
    );
    expect((await apiError(api.editMessageCaption(user.chatId, photo.messageId, { caption: "x" }))).description).toBe(
      "Bad Request: message can't be edited",
    );
  });
});

describe("staff replies in a group", () => {
  it("delivers a reply to the bot's post under privacy mode, and the bot can copy it to the student", async () => {
    const group = fake.group({ title: "Staff", privacyMode: true });
    const staff = fake.user({ firstName: "Dilnoza" });
    const student = fake.user({ firstName: "Aziz" });
    const studentOfPost = new Map<number, number>();
    const seenInGroup: Message[] = [];
    const bot = newBot();
    bot.chatType("private").on("message:text", async (ctx) => {
      const post = await ctx.api.sendMessage(group.id, `Question from ${ctx.from.first_name}: ${ctx.msg.text}`);
      studentOfPost.set(post.message_id, ctx.chat.id);
      await ctx.reply("Sent to the staff.");
    });
    bot.chatType("group").on("message", async (ctx) => {
      seenInGroup.push(ctx.msg);
      const replied = ctx.msg.reply_to_message;
      const studentId = replied && replied.from?.id === ctx.me.id ? studentOfPost.get(replied.message_id) : undefined;
      if (studentId !== undefined) await ctx.copyMessage(studentId);
    });
    run(bot);

    expect((await student.send("How do I apply?")).text).toBe("Sent to the staff.");
    const post = group.messages()[0]!;
    expect(post.text).toBe("Question from Aziz: How do I apply?");

    // Plain chatter and replies to people stay hidden from the bot under privacy mode.
    const chatter = group.send(staff, "who takes this one?");
    expect(chatter.updateId).toBeUndefined();
    expect(group.reply(staff, group.history().find((m) => m.messageId === chatter.messageId)!, "me").updateId).toBeUndefined();

    let answer = student.nextMessage();
    const sent = group.reply(staff, post, "Apply online by May 1.");
    expect(sent.updateId).toBeTypeOf("number");
    expect(await answer).toMatchObject({ kind: "text", text: "Apply online by May 1.", fromBot: true });
    expect(seenInGroup).toHaveLength(1);
    expect(seenInGroup[0]!.reply_to_message).toMatchObject({
      message_id: post.messageId,
      text: post.text,
      from: { id: fake.botInfo.id, is_bot: true },
    });
    expect(group.history().find((m) => m.messageId === sent.messageId)).toMatchObject({ replyToMessageId: post.messageId, fromBot: false });

    answer = student.nextMessage();
    group.replyPhoto(staff, post, "The form");
    expect(await answer).toMatchObject({ kind: "photo", text: "The form" });
    expect(group.messages()).toHaveLength(1);
  });

  it("lets the bot copy a staff message from the group by id", async () => {
    const group = fake.group();
    const staff = fake.user();
    const student = fake.user({ startedBot: true });
    const { messageId, updateId } = group.send(staff, "Welcome to JSPU!");
    expect(updateId).toBeTypeOf("number"); // no privacy mode: the bot sees everything
    await api.copyMessage(student.chatId, group.id, messageId);
    expect(fake.messages(student.chatId)).toMatchObject([{ text: "Welcome to JSPU!", kind: "text" }]);
  });

  it("refuses replies to messages that are not in the group", async () => {
    const group = fake.group();
    const other = fake.group();
    const user = fake.user();
    await api.sendMessage(other.id, "elsewhere");
    const elsewhere = other.messages()[0]!;
    expect(() => group.reply(user, elsewhere, "x")).toThrow(/is in chat -1002, not in group -1001/);
    expect(() => group.reply(user, { ...elsewhere, chatId: group.id, messageId: 99 }, "x")).toThrow(/message 99 no longer exists/);
    expect(() => group.send(user, "  ")).toThrow(/FakeGroup.send: Telegram clients cannot send an empty message/);
  });
});

describe("sharing a user", () => {
  const keyboard = (request: object) => ({
    reply_markup: { keyboard: [[{ text: "Pick a staff member", request_users: request }]], resize_keyboard: true },
  });

  it("sends users_shared with the fields the button asked for", async () => {
    const shared: Message["users_shared"][] = [];
    const bot = newBot();
    bot.command("addstaff", (ctx) =>
      ctx.reply("Who?", keyboard({ request_id: 7, user_is_bot: false, request_name: true, request_username: true }) as never),
    );
    bot.command("addbot", (ctx) => ctx.reply("Which bot?", keyboard({ request_id: -3, user_is_bot: true, max_quantity: 2 }) as never));
    bot.on("message:users_shared", async (ctx) => {
      shared.push(ctx.msg.users_shared);
      await ctx.reply(`Added ${ctx.msg.users_shared.users.map((u) => u.first_name ?? u.user_id).join(", ")}`, {
        reply_markup: { remove_keyboard: true },
      });
    });
    run(bot);
    const owner = fake.user();
    const staff = fake.user({ firstName: "Kamola", lastName: "R", username: "kamola_r" });

    await owner.send("/addstaff");
    expect(await owner.shareUser(7, staff)).toMatchObject({ text: "Added Kamola" });
    expect(shared[0]).toEqual({
      request_id: 7,
      users: [{ user_id: staff.id, first_name: "Kamola", last_name: "R", username: "kamola_r" }],
    });
    expect(fake.history(owner.chatId).find((m) => m.kind === "users_shared")).toMatchObject({ fromBot: false, text: "" });
    // The keyboard is gone now.
    expect(() => owner.shareUser(7, staff)).toThrow(/no request_users button with request_id 7 \(request_users buttons: none\)/);

    await owner.send("/addbot");
    expect(() => owner.shareUser(7, staff)).toThrow(/request_id 7 \(request_users buttons: -3\)/);
    expect(() => owner.shareUser(-3, staff)).toThrow(/only offers bots/);
    const bots = [{ id: 9001, firstName: "A", isBot: true }, { id: 9002, firstName: "B", isBot: true }];
    expect(() => owner.shareUser(-3, [...bots, { id: 9003, firstName: "C", isBot: true }])).toThrow(/1 to 2 user\(s\), got 3/);
    expect(await owner.shareUser(-3, bots)).toMatchObject({ text: "Added 9001, 9002" });
    // Without request_name / request_username the bot learns only ids.
    expect(shared[1]).toEqual({ request_id: -3, users: [{ user_id: 9001 }, { user_id: 9002 }] });
    // A copy of a service message is refused.
    const serviceId = fake.history(owner.chatId).find((m) => m.kind === "users_shared")!.messageId;
    expect((await apiError(api.copyMessage(owner.chatId, owner.chatId, serviceId))).description).toBe(
      "Bad Request: message can't be copied",
    );
  });

  it("validates request_users buttons", async () => {
    const user = fake.user({ startedBot: true });
    const group = fake.group();
    const send = (chatId: number, request: object) => api.sendMessage(chatId, "Pick", keyboard(request) as never);
    await send(user.chatId, { request_id: -(2 ** 31), max_quantity: 10 });
    const bad: [number, object, string][] = [
      [user.chatId, { request_id: 2 ** 31 }, `Bad Request: can't parse keyboard button: Field "request_id" must be a valid Number`],
      [user.chatId, { request_id: 1.5 }, `Bad Request: can't parse keyboard button: Field "request_id" must be a valid Number`],
      [user.chatId, { user_is_bot: true }, `Bad Request: can't parse keyboard button: Can't find field "request_id"`],
      [user.chatId, { request_id: 1, max_quantity: 11 }, `Bad Request: can't parse keyboard button: Field "max_quantity" must be between 1 and 10`],
      [user.chatId, { request_id: 1, request_name: "yes" }, `Bad Request: can't parse keyboard button: Field "request_name" must be of type Boolean`],
      [group.id, { request_id: 1 }, "Bad Request: BUTTON_TYPE_INVALID"],
    ];
    for (const [chatId, request, description] of bad) expect((await apiError(send(chatId, request))).description).toBe(description);
    const notObject = api.sendMessage(user.chatId, "Pick", { reply_markup: { keyboard: [[{ text: "x", request_users: 5 as never }]] } });
    expect((await apiError(notObject)).description).toBe(`Bad Request: can't parse keyboard button: Field "request_users" must be of type Object`);
  });
});

describe("chat-scoped commands", () => {
  it("stores, reads back and deletes a chat's own command menu", async () => {
    const owner = fake.user();
    const other = fake.user();
    const scope = { type: "chat" as const, chat_id: owner.chatId };
    const staffMenu = [{ command: "broadcast", description: "Message all students" }, { command: "staff", description: "Manage staff" }];
    await api.setMyCommands([{ command: "start", description: "Start" }]);
    await api.setMyCommands(staffMenu, { scope });
    await api.setMyCommands([{ command: "broadcast", description: "Hammaga xabar" }], { scope, language_code: "uz" });

    expect(fake.commands("", scope)).toEqual(staffMenu);
    expect(fake.commands("", { chat_id: String(owner.chatId), type: "chat" })).toEqual(staffMenu);
    expect(fake.commands("uz", scope)).toEqual([{ command: "broadcast", description: "Hammaga xabar" }]);
    expect(fake.commands("", { type: "chat", chat_id: other.chatId })).toBeUndefined();
    expect(fake.commands()).toEqual([{ command: "start", description: "Start" }]);
    expect(await api.getMyCommands({ scope })).toEqual(staffMenu);
    expect(await api.getMyCommands({ scope: { type: "chat", chat_id: other.chatId } })).toEqual([]);

    await api.deleteMyCommands({ scope });
    expect(fake.commands("", scope)).toBeUndefined();
    expect(fake.commands("uz", scope)).toBeDefined();
    expect((await apiError(api.setMyCommands(staffMenu, { scope: { type: "chat", chat_id: 777 } }))).description).toBe(
      "Bad Request: chat not found",
    );
  });
});

describe("the menu button", () => {
  it("stores a private chat's own button and the bot's default, reads them back, and a reset to default removes the chat's", async () => {
    const staff = fake.user();
    const other = fake.user();
    const knowledge = { type: "web_app" as const, text: "📚 Knowledge", web_app: { url: "https://bot.example.org/console/" } };
    expect(await api.getChatMenuButton({ chat_id: staff.chatId })).toEqual({ type: "default" });
    expect(await api.getChatMenuButton()).toEqual({ type: "commands" });

    expect(await api.setChatMenuButton({ chat_id: staff.chatId, menu_button: knowledge })).toBe(true);
    expect(fake.menuButton(staff.chatId)).toEqual(knowledge);
    expect(await api.getChatMenuButton({ chat_id: staff.chatId })).toEqual(knowledge);
    expect(fake.menuButton(other.chatId)).toBeUndefined();
    expect(await api.getChatMenuButton({ chat_id: other.chatId })).toEqual({ type: "default" });
    expect(fake.menuButton()).toBeUndefined();

    await api.setChatMenuButton({ menu_button: { type: "commands" } });
    expect(fake.menuButton()).toEqual({ type: "commands" });
    await api.setChatMenuButton({ chat_id: other.chatId, menu_button: { type: "commands" } });
    expect(await api.getChatMenuButton({ chat_id: other.chatId })).toEqual({ type: "commands" });

    await api.setChatMenuButton({ chat_id: staff.chatId, menu_button: { type: "default" } });
    expect(fake.menuButton(staff.chatId)).toBeUndefined();
    expect(await api.getChatMenuButton({ chat_id: staff.chatId })).toEqual({ type: "default" });
    // Without menu_button, MenuButtonDefault.
    await api.setChatMenuButton({ chat_id: other.chatId });
    expect(fake.menuButton(other.chatId)).toBeUndefined();
    await api.setChatMenuButton({});
    expect(fake.menuButton()).toBeUndefined();
  });

  it("refuses what Telegram refuses, with its descriptions, and changes nothing", async () => {
    const user = fake.user();
    const group = fake.group();
    const set = (menuButton: unknown, chatId: unknown = user.chatId) =>
      api.setChatMenuButton({ chat_id: chatId as number, menu_button: menuButton as never });
    const webApp = (url: string, text = "📚 Knowledge") => ({ type: "web_app", text, web_app: { url } });
    const bad: [unknown, unknown, string][] = [
      [{ type: "custom" }, user.chatId, "Bad Request: can't parse menu button: MenuButton has unsupported type"],
      [{ text: "x" }, user.chatId, `Bad Request: can't parse menu button: Can't find field "type"`],
      [{ type: 5 }, user.chatId, "Bad Request: can't parse menu button: MenuButton has unsupported type"],
      [{ type: true }, user.chatId, `Bad Request: can't parse menu button: Field "type" must be of type String`],
      [[{ type: "default" }], user.chatId, "Bad Request: can't parse menu button: MenuButton must be an Object"],
      [{ type: "web_app", web_app: { url: "https://bot.example.org/console/" } }, user.chatId, `Bad Request: can't parse menu button: Can't find field "text"`],
      [{ type: "web_app", text: "Knowledge" }, user.chatId, `Bad Request: can't parse menu button: Can't find field "web_app"`],
      [{ type: "web_app", text: "Knowledge", web_app: "https://bot.example.org/" }, user.chatId, `Bad Request: can't parse menu button: Field "web_app" must be of type Object`],
      [{ type: "web_app", text: "Knowledge", web_app: {} }, user.chatId, `Bad Request: can't parse menu button: Can't find field "url"`],
      [webApp("https://bot.example.org/console/", " "), user.chatId, "Bad Request: menu button text is empty"],
      [webApp("http://bot.example.org/console/"), user.chatId, "Bad Request: menu button Web App URL 'http://bot.example.org/console/' is invalid: Only HTTPS links are allowed"],
      [webApp("ftp://bot.example.org/"), user.chatId, "Bad Request: menu button Web App URL 'ftp://bot.example.org/' is invalid: Unsupported URL protocol"],
      [webApp("https://bot_example/"), user.chatId, "Bad Request: menu button Web App URL 'https://bot_example/' is invalid: Wrong HTTP URL"],
      [{ type: "default" }, group.id, "Bad Request: invalid chat_id specified"],
      [{ type: "default" }, "@someone", "Bad Request: invalid chat_id specified"],
      [{ type: "default" }, 777, "Bad Request: user not found"],
    ];
    for (const [button, chatId, description] of bad) {
      const err = await apiError(set(button, chatId));
      expect([err.error_code, err.description]).toEqual([400, description]);
    }
    // The button is read before the chat, as the Bot API does.
    expect((await apiError(set({ type: "custom" }, group.id))).description).toBe("Bad Request: can't parse menu button: MenuButton has unsupported type");
    expect((await apiError(api.getChatMenuButton({ chat_id: group.id }))).description).toBe("Bad Request: invalid chat_id specified");
    expect(fake.menuButton(user.chatId)).toBeUndefined();
    expect(fake.menuButton()).toBeUndefined();
  });

  it("takes a form-encoded menu_button as JSON text, and refuses text that is no JSON", async () => {
    const user = fake.user();
    const post = async (params: Record<string, string>) => {
      const response = await fetch(`${fake.apiRoot}/bot${fake.token}/setChatMenuButton`, { method: "POST", body: new URLSearchParams(params) });
      return (await response.json()) as { ok: boolean; description?: string };
    };
    const button = { type: "web_app", text: "Bilimlar bazasi", web_app: { url: "https://bot.example.org/console/" } };
    expect(await post({ chat_id: String(user.chatId), menu_button: JSON.stringify(button) })).toEqual({ ok: true, result: true });
    expect(fake.menuButton(user.chatId)).toEqual(button);
    expect(await post({ chat_id: String(user.chatId), menu_button: "{type:" })).toEqual({ ok: false, error_code: 400, description: "Bad Request: can't parse menu button JSON object" });
    expect(fake.menuButton(user.chatId)).toEqual(button);
  });
});

describe("faults on copies", () => {
  it("answers 403 for one chat only", async () => {
    const [blocked, fine, sender] = [fake.user({ startedBot: true }), fake.user({ startedBot: true }), fake.user()];
    const source = sender.sendMediaNoWait("photo", "news");
    fake.injectFault({ method: "copyMessage", chatId: blocked.chatId, errorCode: 403 });
    const err = await apiError(api.copyMessage(blocked.chatId, sender.chatId, source.messageId));
    expect([err.error_code, err.description]).toEqual([403, "Forbidden: bot was blocked by the user"]);
    await apiError(api.copyMessage(blocked.chatId, sender.chatId, source.messageId));
    await api.copyMessage(fine.chatId, sender.chatId, source.messageId);
    expect([fake.messageCount(blocked.chatId), fake.messageCount(fine.chatId)]).toEqual([0, 1]);
  });

  it("answers 502 Bad Gateway to copyMessages", async () => {
    const user = fake.user({ startedBot: true });
    const refs = fake.user().sendAlbumNoWait([{ type: "photo" }, { type: "photo" }]);
    const remove = fake.injectFault({ method: "copyMessages", errorCode: 502 });
    const err = await apiError(api.copyMessages(user.chatId, 1002, refs.map((r) => r.messageId)));
    expect([err.error_code, err.description]).toEqual([502, "Bad Gateway"]);
    expect(fake.messageCount(user.chatId)).toBe(0);
    remove();
    await api.copyMessages(user.chatId, 1002, refs.map((r) => r.messageId));
    expect(fake.messageCount(user.chatId)).toBe(2);
  });

  it("fails a share of copies with probability, each failure without effect", async () => {
    const ids = fake.addUsers(200, { startedBot: true });
    const source = fake.user().sendFormattedNoWait("Scholarship news", [bold(0, 11)]);
    fake.injectFault({ method: "copyMessage", probability: 0.5, errorCode: 502 });
    const results = await Promise.allSettled(ids.map((id) => api.copyMessage(id, ids.at(-1)! + 1, source.messageId)));
    const failed = results.filter((r) => r.status === "rejected").length;
    expect(failed).toBeGreaterThan(40);
    expect(failed).toBeLessThan(160);
    const delivered = ids.filter((id) => fake.messageCount(id) === 1).length;
    expect(delivered).toBe(200 - failed);
    expect(fake.callCounts().copyMessage).toEqual({ ok: 200 - failed, failed });
  });

  it("resets the connection of copyMessage and copyMessages", async () => {
    const user = fake.user({ startedBot: true });
    const source = fake.user().sendMediaNoWait("document");
    fake.injectFault({ method: "copyMessage", times: 1, reset: true });
    fake.injectFault({ method: "copyMessages", times: 1, reset: true });
    await expect(api.copyMessage(user.chatId, 1002, source.messageId)).rejects.toBeInstanceOf(HttpError);
    await expect(api.copyMessages(user.chatId, 1002, [source.messageId])).rejects.toBeInstanceOf(HttpError);
    expect(fake.messageCount(user.chatId)).toBe(0);
    await api.copyMessage(user.chatId, 1002, source.messageId);
    expect(fake.messages(user.chatId)).toMatchObject([{ kind: "document" }]);
  });
});
