/**
 * The bot's HTTP client (src/bot/telegram-http.ts) as grammY uses it, against
 * the fake Bot API: what Telegram answers, uploads, and the ways a request fails.
 */
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ChatPacer, pacedFetch } from "../../src/bot/chat-pacing.js";
import { FakeTelegram } from "../../src/dev/fake-telegram/index.js";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe("the bot's HTTP client", () => {
  let fake: FakeTelegram | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });
  const apiOf = (f: FakeTelegram, timeoutSeconds = 10) => new Api(f.token, { apiRoot: f.apiRoot, fetch: pacedFetch(new ChatPacer()), timeoutSeconds });

  it("sends a message with buttons and reads Telegram's answer, Cyrillic and all", async () => {
    fake = await FakeTelegram.start();
    const user = fake.user({ startedBot: true });
    const sent = await apiOf(fake).sendMessage(user.chatId, "<b>Эразмус</b> муддати", {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "📞 Bo'lim", callback_data: "contact" }]] },
    });
    expect(sent.text).toBe("Эразмус муддати");
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 7 }]);
    expect(user.messages().at(-1)?.text).toBe("Эразмус муддати");
    expect(sent.reply_markup?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([["📞 Bo'lim"]]);
  });

  it("uploads a file as a multipart stream", async () => {
    fake = await FakeTelegram.start();
    const user = fake.user({ startedBot: true });
    const sent = await apiOf(fake).sendPhoto(user.chatId, new InputFile(PNG, "chart.png"), { caption: "Haftalik statistika" });
    expect(sent.caption).toBe("Haftalik statistika");
    expect(sent.photo?.length).toBeGreaterThan(0);
  });

  it("reads Telegram's refusal as a GrammyError with its code and description", async () => {
    fake = await FakeTelegram.start();
    const error = await apiOf(fake).sendMessage(424242, "hello").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(400);
    expect((error as GrammyError).description).toMatch(/chat not found/);
  });

  it("fails with an HttpError when the connection is reset, and the next request goes through", async () => {
    fake = await FakeTelegram.start();
    const user = fake.user({ startedBot: true });
    fake.injectFault({ method: "sendMessage", reset: true, times: 1 });
    const api = apiOf(fake);
    await expect(api.sendMessage(user.chatId, "first")).rejects.toBeInstanceOf(HttpError);
    await expect(api.sendMessage(user.chatId, "second")).resolves.toMatchObject({ text: "second" });
  });

  it("gives up on a request that gets no answer within grammY's timeout", async () => {
    fake = await FakeTelegram.start();
    const user = fake.user({ startedBot: true });
    fake.injectFault({ method: "sendMessage", delayMs: 5_000, times: 1 });
    const started = performance.now();
    await expect(apiOf(fake, 1).sendMessage(user.chatId, "slow")).rejects.toBeInstanceOf(HttpError);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("fails, not hangs, when an answer is cut off halfway", async () => {
    // A server that promises more of the answer than it sends, then hangs up.
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"ok":true,"result":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const api = new Api("123:abc", { apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, fetch: pacedFetch(new ChatPacer()), timeoutSeconds: 5 });
      await expect(api.getMe()).rejects.toBeInstanceOf(HttpError);
    } finally {
      server.close();
    }
  });
});
