import { GrammyError } from "grammy";
import { expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

const SECRET = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const TOKEN = `123456789:${SECRET}`;

it("scrubs bot tokens from every line: messages, bindings, errors' causes and stacks, child loggers, at trace level", () => {
  const lines: string[] = [];
  const logger = createLogger("trace", { write: (line: string) => void lines.push(line) });
  const network = Object.assign(new Error(`request to https://api.telegram.org/bot${TOKEN}/copyMessage failed, reason: socket hang up`), { code: "ECONNRESET" });
  const wrapped = Object.assign(new Error("Network request for 'copyMessage' failed!", { cause: network }), { error: network });
  logger.child({ update_id: 1, url: `https://api.telegram.org/bot${encodeURIComponent(TOKEN)}/getMe` }).trace({ err: wrapped }, `calling with ${TOKEN}`);
  logger.fatal(network);
  expect(lines).toHaveLength(2);
  expect(lines.join("")).not.toContain(SECRET);
  expect(JSON.parse(lines[0]!)).toMatchObject({
    msg: "calling with <bot token>",
    url: "https://api.telegram.org/bot<bot token>/getMe",
    err: { error: { message: "request to https://api.telegram.org/bot<bot token>/copyMessage failed, reason: socket hang up" } },
  });
});

it("scrubs the webhook secret from a failed setWebhook's payload", () => {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  const secret = "s3cret_webhook_value_123";
  const refused = new GrammyError("Call to 'setWebhook' failed!", { ok: false, error_code: 400, description: "Bad Request: bad webhook" }, "setWebhook", {
    url: "https://bot.example.org/telegram",
    secret_token: secret,
  });
  logger.fatal({ err: refused }, "the bot could not start");
  expect(lines.join("")).not.toContain(secret);
  expect(JSON.parse(lines[0]!).err.payload).toEqual({ url: "https://bot.example.org/telegram", secret_token: "<webhook secret>" });
});

it("scrubs a token whose secret has dashes and underscores in it, all of it", () => {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  // @BotFather's tokens take letters, digits, - and _ after the colon, anywhere.
  const token = "7012345678:AA-x_Wq3Lk9pZ0-Rt7uVb2Yc4Nd6Mf8_h1";
  logger.error({ url: `https://api.telegram.org/bot${token}/sendMessage` }, `calling with ${token}`);
  expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "calling with <bot token>", url: "https://api.telegram.org/bot<bot token>/sendMessage" });
  expect(lines.join("")).not.toContain("Wq3Lk9");
});
