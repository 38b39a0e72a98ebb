/**
 * Configuration from the environment, validated at start. Each missing or
 * wrong variable gets its own message naming the variable, so an operator
 * fixes them all in one go.
 */
import { z } from "zod";
import { BOT_TOKEN_SHAPE } from "./secrets.js";

const DEFAULT_API_ROOT = "https://api.telegram.org";

const url = (what: string) =>
  z.url({ protocol: /^https?$/, error: `expected an http(s) URL of ${what}` });

/**
 * Whether a typed id is one Telegram can have: a whole number within
 * JavaScript's safe integers (a longer one would silently change, e.g.
 * -99999999999999999999 into -1e20); users positive, groups negative.
 */
function isTelegramId(typed: string, kind: "user" | "group"): boolean {
  const id = Number(typed);
  return /^-?\d+$/.test(typed) && Number.isSafeInteger(id) && (kind === "user" ? id > 0 : id < 0);
}

const schema = z.object({
    BOT_TOKEN: z
      .string({ error: "is required: the token @BotFather gave you, like 123456789:AAH..." })
      .trim()
      .regex(BOT_TOKEN_SHAPE, { error: "does not look like a bot token (expected digits, a colon, then 30+ letters, digits, _ or -)" }),
    // Without a trailing slash: grammY appends "/bot<token>/<method>".
    TELEGRAM_API_ROOT: url("a Bot API server").default(DEFAULT_API_ROOT).transform((root) => root.replace(/\/+$/, "")),
    DATABASE_PATH: z.string().trim().min(1, { error: "must not be empty" }).default("./data/bot.sqlite"),
    KNOWLEDGE_DIR: z.string().trim().min(1, { error: "must not be empty" }).default("./knowledge"),
    ADMIN_IDS: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const ids = value.split(",").map((s) => s.trim()).filter(Boolean);
        const bad = ids.filter((id) => !isTelegramId(id, "user"));
        if (bad.length > 0) {
          ctx.addIssue({ code: "custom", message: `expected comma-separated Telegram user ids (positive whole numbers), got: ${bad.join(", ")}` });
          return z.NEVER;
        }
        return ids.map(Number);
      }),
    // A group with the department's staff: students' questions are posted there, and staff reply to them.
    STAFF_CHAT_ID: z
      .string()
      .regex(/^-\d+$/, { error: "expected a group's chat id, negative, like -1001234567890 (send /chatid in the staff group to get it)", abort: true })
      .refine((id) => isTelegramId(id, "group"), { error: "is not a chat id Telegram can have (too long, or zero): send /chatid in the staff group and copy its answer" })
      .transform(Number)
      .optional(),
    // Telegram allows about 30 messages per second to different chats; leave room for the bot's answers.
    BROADCAST_RATE: z.coerce
      .number({ error: "expected messages per second, a number like 25" })
      .positive({ error: "expected messages per second, more than 0" })
      .max(1000, { error: "expected messages per second, at most 1000 (Telegram's limit even for paid broadcasts)" })
      .default(25),
    REMINDER_DAYS: z.coerce
      .number({ error: "expected a number of days, like 7" })
      .int({ error: "expected a whole number of days" })
      .min(1, { error: "expected at least 1 day" })
      .max(90, { error: "expected at most 90 days" })
      .default(7),
    // How often the bot looks for deadline reminders that are due (it also looks at start).
    REMINDER_CHECK_SECONDS: z.coerce
      .number({ error: "expected a number of seconds, like 60" })
      .positive({ error: "expected more than 0 seconds" })
      .max(3600, { error: "expected at most 3600 seconds (an hour)" })
      .default(60),
    WEBHOOK_URL: z.url({ protocol: /^https$/, error: "expected the https URL Telegram should post updates to (Telegram requires HTTPS)" }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "must be 16-256 characters of A-Z, a-z, 0-9, _ and -" })
      .optional(),
    // The bot's public address: the knowledge console is at PUBLIC_URL/console/ (off without it).
    PUBLIC_URL: url("the bot's public address, like https://bot.example.org")
      // (An address that is no URL at all has its own message above.)
      .refine((value) => !URL.canParse(value) || (new URL(value).pathname === "/" && !new URL(value).search), {
        error: "expected the bot's address without a path, like https://bot.example.org (the console is at /console/ on it)",
      })
      // An origin: the console checks that writes come from it (CSRF).
      .transform((value) => new URL(value).origin)
      .optional(),
    // 0 picks any free port (tests, the playground).
    PORT: z.coerce.number({ error: "expected a port number" }).int({ error: "expected a port number" }).min(0).max(65535).default(8080),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "expected one of fatal, error, warn, info, debug, trace, silent" }).default("info"),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set": `FOO= npm start` should fall back to the default.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(given);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  if (given.WEBHOOK_URL && !given.WEBHOOK_SECRET) {
    problems.push("WEBHOOK_SECRET is required when WEBHOOK_URL is set: Telegram sends it with every update, and the bot refuses requests without it");
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return result.data;
}
