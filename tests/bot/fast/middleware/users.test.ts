/**
 * middleware/users.ts: who wrote is recorded (name, username, Telegram
 * language) and given to the update as ctx.user; blocking the bot is recorded,
 * from my_chat_member and from a 403 to anything sent to a private chat.
 */
import { describe, expect, it, vi } from "vitest";
import { markBlockedOn403, trackUsers } from "../../../../src/bot/middleware/users.js";
import { BOT_INFO, composerHarness, GROUP_ID, myChatMember, press, privateText, refusal, user, type Call } from "../composer-harness.js";

describe("trackUsers", () => {
  const tracked = () =>
    composerHarness({ locale: false, use: (deps) => [trackUsers(deps.store), (ctx) => ctx.reply(`user: ${ctx.user?.firstName ?? "none"}`)] });

  it("records who wrote, and gives their record to the update", async () => {
    const h = tracked();
    const from = user(11, { first_name: "Aziz", username: "aziz_j", language_code: "ru" });
    const [call] = await h.send(privateText("erasmus", { from }));
    expect(call?.payload.text).toBe("user: Aziz");
    expect(h.store.users.get(11)).toMatchObject({ id: 11, firstName: "Aziz", username: "aziz_j", languageCode: "ru", blocked: false, lang: null });
  });

  it("records who pressed a button, and a new name they took since", async () => {
    const h = tracked();
    await h.send(privateText("hi", { from: user(12, { first_name: "Old" }) }));
    await h.send(press("menu", { from: user(12, { first_name: "New" }) }));
    expect(h.store.users.get(12)?.firstName).toBe("New");
  });

  it("records no bot (a message sent via another bot, a bot in a group)", async () => {
    const h = tracked();
    const [call] = await h.send(privateText("hi", { from: { ...BOT_INFO, id: 99 } }));
    expect(call?.payload.text).toBe("user: none");
    expect(h.store.users.get(99)).toBeUndefined();
  });

  it("records that a user blocked the bot, and unblocked it", async () => {
    const h = tracked();
    await h.send(privateText("hi"));
    await h.send(myChatMember("kicked"));
    expect(h.store.users.get(user().id)?.blocked).toBe(true);
    await h.send(myChatMember("member"));
    expect(h.store.users.get(user().id)?.blocked).toBe(false);
  });
});

describe("markBlockedOn403", () => {
  /** A bot whose sends to `refused` are answered with `error`; a message naming a chat id makes it send there. */
  const refusing = (refused: number, error = refusal(403, "Forbidden: bot was blocked by the user")) =>
    composerHarness({
      transformers: (deps) => [markBlockedOn403(deps.store)],
      respond: (call: Call) => (call.method === "sendMessage" && call.payload.chat_id === refused ? error : undefined),
      use: [
        async (ctx) => {
          const to = ctx.message?.text;
          if (to && /^-?\d+$/.test(to)) await ctx.api.sendMessage(Number(to), "an announcement").catch(() => undefined);
        },
      ],
    });

  it("marks a user blocked when a send to their private chat is refused with 403", async () => {
    const h = refusing(21);
    await h.send(privateText("hi", { from: user(21) }));
    await h.send(privateText("21", { from: user(5) }));
    expect(h.store.users.get(21)?.blocked).toBe(true);
  });

  it("leaves everyone else as they were: another chat, a group's 403, another error", async () => {
    const h = refusing(21);
    await h.send(privateText("hi", { from: user(22) }));
    await h.send(privateText("22"));
    expect(h.store.users.get(22)?.blocked).toBe(false);

    // A group's 403 (the bot was removed) is about no user: nothing is looked up.
    const group = refusing(GROUP_ID);
    const setBlocked = vi.spyOn(group.store.users, "setBlocked");
    await group.send(privateText(String(GROUP_ID)));
    expect(group.sent.at(-1)?.payload.chat_id).toBe(GROUP_ID);
    expect(setBlocked).not.toHaveBeenCalled();

    const missing = refusing(23, refusal(400, "Bad Request: chat not found"));
    await missing.send(privateText("hi", { from: user(23) }));
    await missing.send(privateText("23"));
    expect(missing.store.users.get(23)?.blocked).toBe(false);
  });
});
