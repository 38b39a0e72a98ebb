/**
 * middleware/leave-flow.ts: /cancel or the flow's Cancel button ends a guided
 * conversation with the flow's reply; any other command or a button not the
 * flow's own ends it too and is then handled as usual; the flow's own
 * answers stay in it.
 */
import { createConversation, type Conversation } from "@grammyjs/conversations";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../../../src/bot/context.js";
import { flowStorage } from "../../../../src/bot/middleware/flows.js";
import { leaveFlow } from "../../../../src/bot/middleware/leave-flow.js";
import { botMessage, command, composerHarness, press, privateText, user, type Call } from "../composer-harness.js";

/** A one-question flow: the GPA, typed or pressed ("gpa:4"). */
async function gpaFlow(conversation: Conversation<BotContext, BotContext>, ctx: BotContext) {
  await ctx.reply("Your GPA?");
  const answer = await conversation.wait();
  await answer.reply(`GPA ${answer.message?.text ?? answer.callbackQuery?.data} noted`);
}

function flowBot() {
  return composerHarness({
    use: (deps, transformers) => [
      flowStorage(deps.store, transformers),
      leaveFlow("gpa", { cancel: "gpa:cancel", ownButton: (data) => data.startsWith("gpa:"), cancelled: (ctx) => ctx.reply("Cancelled") }),
      createConversation(gpaFlow, "gpa"),
      async (ctx, next) => (ctx.message?.text === "/gpa" ? ctx.conversation.enter("gpa") : next()),
      (ctx) => ctx.reply(`outside: ${ctx.message?.text ?? ctx.callbackQuery?.data}`),
    ],
  });
}
const texts = (calls: Call[]) => calls.filter((c) => c.method === "sendMessage").map((c) => c.payload.text);

describe("leaveFlow", () => {
  it("ends the flow on /cancel with the flow's reply; what follows is outside it", async () => {
    const h = flowBot();
    expect(texts(await h.send(command("gpa")))).toEqual(["Your GPA?"]);
    expect(texts(await h.send(command("cancel")))).toEqual(["Cancelled"]);
    expect(texts(await h.send(privateText("4.2")))).toEqual(["outside: 4.2"]);
  });

  it("ends the flow on its Cancel button", async () => {
    const h = flowBot();
    await h.send(command("gpa"));
    expect(texts(await h.send(press("gpa:cancel")))).toEqual(["Cancelled"]);
    expect(texts(await h.send(privateText("4.2")))).toEqual(["outside: 4.2"]);
  });

  it.each([
    ["another command", () => command("start"), "outside: /start"],
    ["a button not the flow's own (the menu)", () => press("menu", { message: botMessage({ text: "Menu" }) }), "outside: menu"],
  ])("ends the flow on %s, which is then handled as usual", async (_, update, handled) => {
    const h = flowBot();
    await h.send(command("gpa"));
    expect(texts(await h.send(update()))).toEqual([handled]);
    expect(texts(await h.send(privateText("4.2")))).toEqual(["outside: 4.2"]);
  });

  it.each([
    ["a typed answer", () => privateText("4.2"), "GPA 4.2 noted"],
    ["the flow's own button", () => press("gpa:4"), "GPA gpa:4 noted"],
  ])("leaves %s to the flow", async (_, update, noted) => {
    const h = flowBot();
    await h.send(command("gpa"));
    expect(texts(await h.send(update()))).toEqual([noted]);
  });

  it("lets /cancel and Cancel through where no flow is active", async () => {
    const h = flowBot();
    expect(texts(await h.send(command("cancel")))).toEqual(["outside: /cancel"]);
    expect(texts(await h.send(press("gpa:cancel")))).toEqual(["outside: gpa:cancel"]);
  });

  it("ends only the flow of the chat it is in", async () => {
    const h = flowBot();
    const other = user(8);
    await h.send(command("gpa"));
    await h.send(command("gpa", { from: other }));
    await h.send(command("cancel", { from: other }));
    expect(texts(await h.send(privateText("3.9")))).toEqual(["GPA 3.9 noted"]);
  });
});
