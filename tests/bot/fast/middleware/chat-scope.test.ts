/**
 * middleware/chat-scope.ts: in groups the bot hears only what is addressed to
 * it (commands, @mentions, replies to it); personal buttons pressed on a
 * message outside a private chat are refused with an alert.
 */
import { describe, expect, it } from "vitest";
import { chatScope, personalButtonsInPrivate } from "../../../../src/bot/middleware/chat-scope.js";
import { callback } from "../../../../src/bot/ui/callback-data.js";
import { botMessage, command, composerHarness, groupText, methods, press, privateText, user } from "../composer-harness.js";

const PRIVATE_ONLY = "This is personal: open a private chat with me to use it.";

/** chatScope where createBot has it (first), and a handler that says it was reached. */
const scoped = () => composerHarness({ first: [chatScope], use: [(ctx) => ctx.reply("reached")] });

describe("chatScope", () => {
  it("ignores group chatter: nothing is sent, no user is recorded", async () => {
    const h = scoped();
    expect(await h.send(groupText("who has the lecture notes?"))).toEqual([]);
    expect(await h.send(groupText("what did jspu_test_bot say?"))).toEqual([]);
    expect(h.store.users.get(user().id)).toBeUndefined();
  });

  it.each([
    ["a command", command("start", { group: true })],
    ["a command to this bot", command("programs", { group: true, to: "jspu_test_bot" })],
    ["a command to this bot, any case", command("programs", { group: true, to: "JSPU_Test_Bot" })],
    ["a mention", groupText("@JSPU_test_bot what is Erasmus Mundus?")],
    ["a mention inside the text", groupText("hey @jspu_test_bot, KOICA?")],
    ["a reply to the bot", groupText("and the deadline?", { extra: { reply_to_message: botMessage({ chat: "group" }) as never } })],
  ])("lets %s in a group through", async (_, update) => {
    const h = scoped();
    expect(await h.send(update)).toEqual([{ method: "sendMessage", payload: { chat_id: update.message!.chat.id, text: "reached" } }]);
  });

  it.each([
    ["a command to another bot", command("start", { group: true, to: "other_bot" })],
    ["a command not at the start", groupText("try /start", { extra: { entities: [{ type: "bot_command", offset: 4, length: 6 }] } })],
    ["a reply to someone else", groupText("thanks!", { extra: { reply_to_message: { ...botMessage({ chat: "group" }), from: user(7) } as never } })],
  ])("ignores %s in a group", async (_, update) => {
    expect(await scoped().send(update)).toEqual([]);
  });

  it("lets everything in a private chat through, and button presses anywhere", async () => {
    const h = scoped();
    expect(methods(await h.send(privateText("who has the lecture notes?")))).toEqual(["sendMessage"]);
    expect(methods(await h.send(press("menu", { message: botMessage({ chat: "group" }) })))).toEqual(["sendMessage"]);
  });

  it("lets a photo whose caption mentions the bot through", async () => {
    const h = scoped();
    const update = groupText("", { extra: { text: undefined, photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }], caption: "@jspu_test_bot is this the KOICA form?" } });
    expect(methods(await h.send(update))).toEqual(["sendMessage"]);
  });
});

describe("personalButtonsInPrivate", () => {
  const guarded = () => composerHarness({ use: [personalButtonsInPrivate, (ctx) => ctx.reply("reached")] });
  const PERSONAL = [
    callback.languages(),
    callback.language("ru"),
    callback.announcements(),
    callback.announcements(2),
    callback.toggleTopic(1, "program:koica"),
    callback.follow("country:south-korea"),
    callback.stopAllTopics(),
    callback.stopAnnouncements(),
    callback.announcementsYes(),
    callback.announcementsNo(),
    callback.remind("koica"),
    callback.cancelReminder("koica"),
    callback.tick("koica", 3),
  ];

  it.each(PERSONAL)("refuses %s pressed on a group's message, with an alert, before any feature", async (data) => {
    const h = guarded();
    const update = press(data, { message: botMessage({ chat: "group" }) });
    expect(await h.send(update)).toEqual([
      { method: "answerCallbackQuery", payload: { callback_query_id: update.callback_query!.id, text: PRIVATE_ONLY, show_alert: true } },
    ]);
  });

  it.each(PERSONAL)("lets %s through in a private chat", async (data) => {
    expect(methods(await guarded().send(press(data)))).toEqual(["sendMessage"]);
  });

  it.each([callback.menu(), callback.programs(1), callback.entry("koica"), callback.reminderCard("koica"), callback.applyPage("koica", 0), callback.staff("q:1")])(
    "lets %s (not personal) through in a group",
    async (data) => {
      expect(methods(await guarded().send(press(data, { message: botMessage({ chat: "group" }) })))).toEqual(["sendMessage"]);
    },
  );

  it("refuses in the reader's language", async () => {
    const h = guarded();
    const [call] = await h.send(press(callback.languages(), { from: user(5, { language_code: "ru" }), message: botMessage({ chat: "group" }) }));
    expect(call?.payload.text).toBe("Это личное: откройте личный чат со мной, чтобы воспользоваться этим.");
  });
});
