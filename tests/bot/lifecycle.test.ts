/** Restarts and webhook mode: no update lost, none handled twice, no unauthorised request let in. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { startApp } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { KNOWLEDGE_DIR } from "../fixtures/paths.js";
import { eventually, startBot, type Harness } from "./harness.js";

let h: Harness;
afterEach(async () => {
  expect(h.fake.rejected()).toEqual([]);
  await h.stop();
});

describe("restarting on the same database", () => {
  it("handles an update delivered again after a restart only once", async () => {
    h = await startBot();
    const user = h.fake.user({ languageCode: "en" });
    const delivered: Update[] = [];
    h.fake.on("update", (update) => delivered.push(update));
    await user.send("/start");
    await h.app.stop();
    // Telegram sends it again when the bot stopped before confirming it.
    h.fake.redeliver(delivered[0]!);
    h.app = await startApp(h.config, createLogger("silent"));
    // One chat's updates are handled in order: once /menu is answered, a duplicate would have been too.
    expect((await user.send("/menu")).text).toBe("What would you like to know?");
    expect(user.messages()).toHaveLength(3); // the greeting, the once-only announcements question, the menu
  });

  it("answers what users wrote while the bot was down", async () => {
    h = await startBot();
    await h.app.stop();
    const user = h.fake.user({ languageCode: "ru" });
    user.sendNoWait("koica");
    h.app = await startApp(h.config, createLogger("silent"));
    const answer = await eventually(() => user.lastMessage());
    expect(answer.text.startsWith("KOICA")).toBe(true);
  });

  it("keeps each user's language", async () => {
    h = await startBot();
    const uz = h.fake.user({ languageCode: "de" });
    const ru = h.fake.user({ languageCode: "de" });
    await uz.press(await uz.send("/start"), "🇺🇿 Ўзбекча");
    await ru.press(await ru.send("/start"), "🇷🇺 Русский");
    await h.restart();
    expect((await uz.send("/menu")).text).toBe("Нима ҳақида билмоқчисиз?");
    expect((await ru.send("/menu")).text).toBe("Что вы хотите узнать?");
  });
});

describe("webhook mode", () => {
  const SECRET = "s3cret-token-for-the-webhook";

  async function post(update: Update, secret?: string): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${h.app.port}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(update),
    });
    await response.text();
    return response.status;
  }

  it("registers the webhook with its secret, refuses requests without it, and handles a repeated update once", async () => {
    h = await startBot({ WEBHOOK_URL: "https://bot.example.org/telegram/hook", WEBHOOK_SECRET: SECRET });
    expect(h.fake.webhook()).toEqual({ url: "https://bot.example.org/telegram/hook", secretToken: SECRET });

    const user = h.fake.user({ languageCode: "en" });
    user.sendNoWait("/start");
    const [update] = h.fake.drainUpdates();

    expect(await post(update!)).toBe(401);
    expect(await post(update!, "wrong-secret-wrong-secret")).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(user.messages()).toEqual([]);

    expect(await post(update!, SECRET)).toBe(200);
    expect(await post(update!, SECRET)).toBe(200);
    user.sendNoWait("/menu");
    const [menu] = h.fake.drainUpdates();
    expect(await post(menu!, SECRET)).toBe(200);
    // grammY answers a webhook once its handler is done: both updates are handled by now.
    const texts = user.messages().map((m) => m.text);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^Hello, /);
    expect(texts[1]).toMatch(/^Would you like announcements/); // asked once, after the first greeting
    expect(texts[2]).toBe("What would you like to know?");
  });

  it("answers /healthz", async () => {
    h = await startBot({ WEBHOOK_URL: "https://bot.example.org/telegram/hook", WEBHOOK_SECRET: SECRET });
    const response = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe("reloading the knowledge base", () => {
  it("picks up a staff edit without a restart, and keeps the old base when the edit is broken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-reload-"));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    h = await startBot({ KNOWLEDGE_DIR: dir });
    const user = h.fake.user({ languageCode: "en" });
    expect((await user.send("samarqandlik")).text).toContain("could not find a confident answer");

    const file = join(dir, "programs/erasmus-mundus.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace(/^  en: \[erasmus, /m, "  en: [samarqandlik, erasmus, "));
    expect(h.app.reloadKnowledge()).toEqual({ ok: true, entries: 26 });
    expect((await user.send("samarqandlik")).text.startsWith("Erasmus Mundus")).toBe(true);

    writeFileSync(file, original.replace(/^title:\n  uz: .*\n/m, "title:\n"));
    expect(h.app.reloadKnowledge()).toEqual({ ok: false, problems: [expect.stringMatching(/erasmus-mundus\.yaml: title\.uz: expected a text/)] });
    expect((await user.send("samarqandlik")).text.startsWith("Erasmus Mundus")).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
