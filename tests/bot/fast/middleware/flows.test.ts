/**
 * middleware/flows.ts: the guided conversations' storage. A flow midway
 * survives a restart; one stored by an older FLOWS_VERSION is dropped and its
 * user told so, once; the bot's API transformers reach the flows' requests.
 */
import { createConversation, type Conversation } from "@grammyjs/conversations";
import type { Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../../../src/bot/context.js";
import { endFlowsIn, flowStorage, FLOWS_VERSION } from "../../../../src/bot/middleware/flows.js";
import type { Store } from "../../../../src/storage/store.js";
import { command, composerHarness, privateText, user, type Call } from "../composer-harness.js";

const RESET = "The bot was updated, so your unfinished questionnaire was reset. Start it again with /eligibility.";
const KEY = `flows:${user().id}`;

/** A one-question flow (/gpa), and a handler for whatever no flow takes. */
async function gpaFlow(conversation: Conversation<BotContext, BotContext>, ctx: BotContext) {
  await ctx.reply("Your GPA?");
  const answer = await conversation.waitFor("message:text");
  await answer.reply(`GPA ${answer.message.text} noted`);
}

function flowBot(store?: Store, extra: Transformer[] = []) {
  return composerHarness({
    store,
    use: (deps, transformers) => [
      flowStorage(deps.store, [...transformers, ...extra]),
      createConversation(gpaFlow, "gpa"),
      async (ctx, next) => {
        if (ctx.message?.text === "/gpa") await ctx.conversation.enter("gpa");
        else await next();
      },
      (ctx) => ctx.reply("no flow"),
    ],
  });
}
const texts = (calls: Call[]) => calls.map((c) => c.payload.text);

describe("flowStorage", () => {
  it("keeps a flow midway in the database: after a restart the answer goes to the same question", async () => {
    const before = flowBot();
    expect(texts(await before.send(command("gpa")))).toEqual(["Your GPA?"]);
    const after = flowBot(before.store);
    expect(texts(await after.send(privateText("4.2")))).toEqual(["GPA 4.2 noted"]);
    expect(texts(await after.send(privateText("4.2")))).toEqual(["no flow"]);
  });

  it(`drops a flow stored by an older FLOWS_VERSION (now ${FLOWS_VERSION}) and says so once`, async () => {
    const before = flowBot();
    await before.send(command("gpa"));
    // The same flow, as the code before the last bump of FLOWS_VERSION stored it.
    const stored = before.store.flows.read<{ version: [number, number] }>(KEY)!;
    expect(stored.version[1]).toBe(FLOWS_VERSION);
    before.store.flows.write(KEY, { ...stored, version: [stored.version[0], FLOWS_VERSION - 1] });

    const after = flowBot(before.store);
    expect(await after.send(privateText("4.2"))).toEqual([
      { method: "sendMessage", payload: { chat_id: user().id, text: RESET } },
      { method: "sendMessage", payload: { chat_id: user().id, text: "no flow" } },
    ]);
    expect(before.store.flows.read(KEY)).toBeUndefined();
    expect(texts(await after.send(privateText("4.2")))).toEqual(["no flow"]);
    expect(texts(await after.send(command("gpa")))).toEqual(["Your GPA?"]);
  });

  it("tells only the user whose flow was dropped", async () => {
    const h = flowBot();
    await h.send(command("gpa"));
    const stored = h.store.flows.read<{ version: [number, number] }>(KEY)!;
    h.store.flows.write(KEY, { ...stored, version: [stored.version[0], FLOWS_VERSION - 1] });
    const other = user(7);
    expect(texts(await h.send(privateText("hello", { from: other })))).toEqual(["no flow"]);
    expect(texts(await h.send(privateText("hello")))).toEqual([RESET, "no flow"]);
  });

  it("ends a chat's flows from outside (endFlowsIn)", async () => {
    const h = flowBot();
    await h.send(command("gpa"));
    endFlowsIn(h.store, user().id);
    expect(texts(await h.send(privateText("4.2")))).toEqual(["no flow"]);
  });

  it("installs the bot's API transformers in the flows' own contexts", async () => {
    const seen: string[] = [];
    const tagging: Transformer = (prev, method, payload, signal) => {
      seen.push(`${method}:${(payload as { text?: string }).text}`);
      return prev(method, payload, signal);
    };
    const h = flowBot(undefined, [tagging]);
    await h.send(command("gpa"));
    await h.send(privateText("3.9"));
    expect(seen).toContain("sendMessage:Your GPA?");
    expect(seen).toContain("sendMessage:GPA 3.9 noted");
  });
});
