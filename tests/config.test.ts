import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const TOKEN = "123456789:AAFakeFakeFakeFakeFakeFakeFakeFake_xy";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("the configuration was accepted");
}

describe("configuration", () => {
  it("has working defaults with only a token", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toEqual({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      DATABASE_PATH: "./data/bot.sqlite",
      KNOWLEDGE_DIR: "./knowledge",
      ADMIN_IDS: [],
      BROADCAST_RATE: 25,
      REMINDER_DAYS: 7,
      REMINDER_CHECK_SECONDS: 60,
      PORT: 8080,
      LOG_LEVEL: "info",
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      DATABASE_PATH: "/data/bot.sqlite",
      KNOWLEDGE_DIR: "/app/knowledge",
      ADMIN_IDS: "111, 222",
      STAFF_CHAT_ID: "-1001234567890",
      BROADCAST_RATE: "1000",
      REMINDER_DAYS: "3",
      REMINDER_CHECK_SECONDS: "0.5",
      WEBHOOK_URL: "https://bot.example.org/hook",
      WEBHOOK_SECRET: "a-long-enough-secret",
      PORT: "3000",
      LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({ ADMIN_IDS: [111, 222], STAFF_CHAT_ID: -1001234567890, BROADCAST_RATE: 1000, REMINDER_DAYS: 3, REMINDER_CHECK_SECONDS: 0.5, PORT: 3000, WEBHOOK_URL: "https://bot.example.org/hook" });
  });

  it("names the missing token", () => {
    expect(problems({})).toEqual([expect.stringMatching(/^BOT_TOKEN is required/)]);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "", DATABASE_PATH: "" })).toMatchObject({ PORT: 8080, DATABASE_PATH: "./data/bot.sqlite" });
  });

  it("gives each wrong variable its own message, all at once", () => {
    const found = problems({
      BOT_TOKEN: "not-a-token",
      TELEGRAM_API_ROOT: "api.telegram.org",
      ADMIN_IDS: "123,abc",
      STAFF_CHAT_ID: "@staff",
      BROADCAST_RATE: "fast",
      REMINDER_DAYS: "0",
      REMINDER_CHECK_SECONDS: "0",
      WEBHOOK_URL: "http://example.org/hook",
      PORT: "99999",
      LOG_LEVEL: "loud",
    });
    const named = found.map((p) => p.split(" ")[0]);
    expect(named.sort()).toEqual(["ADMIN_IDS", "BOT_TOKEN", "BROADCAST_RATE", "LOG_LEVEL", "PORT", "REMINDER_CHECK_SECONDS", "REMINDER_DAYS", "STAFF_CHAT_ID", "TELEGRAM_API_ROOT", "WEBHOOK_SECRET", "WEBHOOK_URL"]);
    expect(found.join("\n")).toContain("got: abc");
    expect(found.join("\n")).not.toContain("not-a-token"); // a token is never echoed
  });

  it("wants the staff chat to be a group (a negative id)", () => {
    expect(problems({ BOT_TOKEN: TOKEN, STAFF_CHAT_ID: "123456789" })).toEqual([expect.stringMatching(/^STAFF_CHAT_ID expected a group's chat id, negative/)]);
  });

  it("refuses ids Telegram cannot have instead of silently changing them: too long for an exact number, a zero user, a zero group", () => {
    expect(problems({ BOT_TOKEN: TOKEN, STAFF_CHAT_ID: "-99999999999999999999" })).toEqual([expect.stringMatching(/^STAFF_CHAT_ID is not a chat id Telegram can have/)]);
    expect(problems({ BOT_TOKEN: TOKEN, STAFF_CHAT_ID: "-0" })).toEqual([expect.stringMatching(/^STAFF_CHAT_ID is not a chat id Telegram can have/)]);
    expect(problems({ BOT_TOKEN: TOKEN, ADMIN_IDS: "0" })).toEqual(["ADMIN_IDS expected comma-separated Telegram user ids (positive whole numbers), got: 0"]);
    expect(problems({ BOT_TOKEN: TOKEN, ADMIN_IDS: "111, 99999999999999999" })).toEqual([expect.stringMatching(/^ADMIN_IDS .*got: 99999999999999999$/)]);
    // The largest ids Telegram gives stay exact.
    expect(loadConfig({ BOT_TOKEN: TOKEN, ADMIN_IDS: "8000000000", STAFF_CHAT_ID: "-1009999999999" })).toMatchObject({ ADMIN_IDS: [8000000000], STAFF_CHAT_ID: -1009999999999 });
  });

  it("drops a trailing slash from the API root", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).TELEGRAM_API_ROOT).toBe("http://127.0.0.1:8081");
  });

  it("requires a webhook secret with a webhook URL", () => {
    expect(problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.org/hook" })).toEqual([expect.stringMatching(/^WEBHOOK_SECRET is required when WEBHOOK_URL is set/)]);
    expect(problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "short" })).toEqual([expect.stringMatching(/^WEBHOOK_SECRET must be 16-256 characters/)]);
  });

  it("reads PUBLIC_URL as an origin (http on a university network too), and names a wrong one", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ BOT_TOKEN: TOKEN, PUBLIC_URL: "https://bot.example.org/" }).PUBLIC_URL).toBe("https://bot.example.org");
    expect(loadConfig({ BOT_TOKEN: TOKEN, PUBLIC_URL: "http://10.0.0.5:8080" }).PUBLIC_URL).toBe("http://10.0.0.5:8080");
    expect(problems({ BOT_TOKEN: TOKEN, PUBLIC_URL: "https://bot.example.org/console" })).toEqual([expect.stringMatching(/^PUBLIC_URL expected the bot's address without a path/)]);
    expect(problems({ BOT_TOKEN: TOKEN, PUBLIC_URL: "bot.example.org" })).toEqual([expect.stringMatching(/^PUBLIC_URL expected an http\(s\) URL/)]);
  });
});
