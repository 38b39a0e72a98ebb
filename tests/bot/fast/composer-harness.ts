/**
 * The fast test layer: a bare grammY bot (no network, no fake Bot API, no
 * per-chat pacing) with what every update of the real bot has before the
 * features see it — ctx.log, the translations, the user's record and language
 * (bot/locale.ts), the screen memory — then the middleware or composers under
 * test. Updates go in with bot.handleUpdate; every request the bot makes is
 * caught by its HTTP client (no socket is opened), recorded as Telegram would
 * receive it (the JSON body), and answered with a plausible result (or the
 * error a test asks for).
 *
 *   const h = composerHarness({ use: (deps) => [guardStaffTools(deps.settings, deps.store)] });
 *   const calls = await h.send(command("stats"));
 *   expect(calls).toEqual([{ method: "sendMessage", payload: expect.objectContaining({ text: "..." }) }]);
 *
 * The store is an in-memory SQLite database, closed when the test ends; the
 * catalog (the shipped knowledge base) and the translations are loaded once
 * per test file.
 *
 * The layer (tests/bot/fast/, one file per module of src/bot/middleware and
 * src/bot/ui) spends most of its time loading modules, once per file under
 * vitest's isolation; nothing here depends on a fresh module state, so
 * `npx vitest run tests/bot/fast --no-isolate` runs it about three times faster.
 */
import { Bot, BotError, type ErrorHandler, type Middleware, type Transformer } from "grammy";
import type { InlineKeyboardButton, Message, Update, User, UserFromGetMe } from "grammy/types";
import { onTestFinished } from "vitest";
import { ProgressBoard } from "../../../src/bot/jobs/delivery/progress-board.js";
import type { PacedFetch } from "../../../src/bot/chat-pacing.js";
import type { BotContext } from "../../../src/bot/context.js";
import type { BotDeps, StaffSettings } from "../../../src/bot/deps.js";
import { resolveLanguage } from "../../../src/bot/locale.js";
import { trackUsers } from "../../../src/bot/middleware/users.js";
import { rememberScreens } from "../../../src/bot/ui/view.js";
import { createI18n } from "../../../src/i18n.js";
import { Catalog } from "../../../src/knowledge/catalog.js";
import { createLogger } from "../../../src/logger.js";
import { openDatabase } from "../../../src/storage/database.js";
import { Store } from "../../../src/storage/store.js";
import { botInfo } from "../../../src/dev/fake-telegram/index.js";
import { KNOWLEDGE_DIR } from "../../fixtures/paths.js";

export const BOT_INFO: UserFromGetMe = botInfo(42, "jspu_test_bot", "JSPU bot");

let catalog: Catalog | undefined;
let i18n: BotDeps["i18n"] | undefined;
/**
 * The shipped knowledge base and the translations, loaded once per test file.
 * The catalog is read when first used (loading it takes most of a second):
 * middleware tests seldom need it, resolveLanguage only to guess a language.
 */
export function sharedDeps(): { catalog: Catalog; i18n: BotDeps["i18n"] } {
  return { catalog: lazyCatalog, i18n: (i18n ??= createI18n<BotContext>()) };
}
const realCatalog = () => (catalog ??= new Catalog(KNOWLEDGE_DIR));
const lazyCatalog = new Proxy({} as Catalog, {
  get: (_, key) => {
    const value: unknown = Reflect.get(realCatalog(), key);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(realCatalog()) : value;
  },
});

/** One request the bot made, as Telegram would receive it (its JSON body: an InlineKeyboard is its inline_keyboard, unset fields absent). */
export interface Call {
  method: string;
  payload: Record<string, unknown>;
}

/** A Bot API error answer, for `respond`. */
export interface Refusal {
  ok: false;
  error_code: number;
  description: string;
}
export const refusal = (error_code: number, description: string): Refusal => ({ ok: false, error_code, description });

export interface HarnessOptions {
  /**
   * What is under test, installed after the common middleware; given the deps to build features and middleware with,
   * and the bot's API transformers (`transformers`), which flowStorage installs again in the flows' own contexts.
   */
  use?: Middleware<BotContext>[] | ((deps: BotDeps, apiTransformers: Transformer[]) => Middleware<BotContext>[]);
  /** Installed before the common middleware, where createBot has them (chatScope stops group chatter before any of it). */
  first?: Middleware<BotContext>[];
  /** Without trackUsers and resolveLanguage: ctx.t is then the i18n plugin's own, from the Telegram language. Default true. */
  locale?: boolean;
  /** API transformers over the capture, as createBot installs them (markBlockedOn403). */
  transformers?: (deps: BotDeps) => Transformer[];
  settings?: Partial<StaffSettings>;
  /** Answers a request instead of the default result: a refusal, or a result; undefined leaves the default. */
  respond?: (call: Call) => Refusal | { result: unknown } | undefined;
  /** The error boundary (handleBotError); without it, an error in an update fails send(). */
  catch?: ErrorHandler<BotContext>;
  /** Another harness's store, to see the bot after a restart; its owner closes it. By default a new in-memory one, closed when the test ends. */
  store?: Store;
}

export interface ComposerHarness {
  bot: Bot<BotContext>;
  deps: BotDeps;
  store: Store;
  /** Every request made so far. */
  sent: Call[];
  /** The log lines written so far (level debug and up), parsed. */
  logs: Record<string, unknown>[];
  /** Handles one update to its end; the requests made while handling it. */
  send(update: Update): Promise<Call[]>;
}

export function composerHarness(options: HarnessOptions = {}): ComposerHarness {
  const { catalog, i18n } = sharedDeps();
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  let store = options.store;
  if (!store) {
    const own = (store = new Store(openDatabase(":memory:"), logger));
    onTestFinished(() => own.close());
  }
  const sent: Call[] = [];
  const nextMessageId = new Map<number | string, number>();
  // The capture is the HTTP client itself, under every API transformer and every Api (a flow's own too), as the
  // production pacer is: it sees what really leaves, not the calls a conversation replays from its log.
  const capture = (url: string, init: { body?: unknown }) => {
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = typeof init.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : { multipart: true };
    const call: Call = { method, payload };
    sent.push(call);
    const answer = options.respond?.(call) ?? { result: defaultResult(call, nextMessageId) };
    return Promise.resolve({ json: () => Promise.resolve("ok" in answer ? answer : { ok: true, result: answer.result }) });
  };
  const deps: BotDeps = {
    token: "0:fast-test",
    store,
    catalog,
    logger,
    i18n,
    settings: { owners: [], reminderDays: 7, ...options.settings },
    progressBoard: new ProgressBoard(store.broadcasts),
    fetch: capture as unknown as PacedFetch,
    wakeJobs: () => {},
  };

  const bot = new Bot<BotContext>(deps.token, { botInfo: BOT_INFO, client: { fetch: deps.fetch } });
  const apiTransformers = options.transformers?.(deps) ?? [];
  for (const transformer of apiTransformers) bot.api.config.use(transformer);

  bot.use((ctx, next) => {
    // As createBot: a child logger carrying the update's id, made on first use.
    let log: typeof logger | undefined;
    Object.defineProperty(ctx, "log", { get: () => (log ??= logger.child({ update_id: ctx.update.update_id })) });
    return next();
  });
  bot.use(...(options.first ?? []));
  bot.use(i18n);
  if (options.locale !== false) bot.use(trackUsers(store), resolveLanguage(catalog, store));
  bot.use(rememberScreens());
  bot.use(...(typeof options.use === "function" ? options.use(deps, apiTransformers) : (options.use ?? [])));

  return {
    bot,
    deps,
    store,
    sent,
    logs,
    async send(update) {
      const from = sent.length;
      try {
        await bot.handleUpdate(update);
      } catch (error) {
        if (!(error instanceof BotError) || !options.catch) throw error;
        await options.catch(error as BotError<BotContext>);
      }
      return sent.slice(from);
    },
  };
}

/** What Telegram answers a successful request with, near enough: messages get increasing ids per chat. */
function defaultResult({ method, payload }: Call, nextMessageId: Map<number | string, number>): unknown {
  const chatId = payload.chat_id as number | string | undefined;
  const chat = { id: chatId, type: typeof chatId === "number" && chatId > 0 ? "private" : "supergroup" };
  switch (method) {
    case "sendMessage": {
      const id = (nextMessageId.get(chatId!) ?? 1000) + 1;
      nextMessageId.set(chatId!, id);
      return { message_id: id, date: 1, chat, from: BOT_INFO, text: payload.text, ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}) };
    }
    case "editMessageText":
      return payload.inline_message_id
        ? true
        : { message_id: payload.message_id, date: 1, edit_date: 2, chat, from: BOT_INFO, text: payload.text, ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}) };
    case "getMe":
      return BOT_INFO;
    default:
      return true;
  }
}

// Updates.

let updateId = 0;
/** A fresh update id, unique in the test file. */
export const nextUpdateId = () => ++updateId;

export const STUDENT_ID = 100;
export const GROUP_ID = -100_500;

/** A user; English unless `language_code` says otherwise (pass undefined to leave it out). */
export const user = (id = STUDENT_ID, fields: Partial<User> = {}): User => {
  const u: User = { id, is_bot: false, first_name: "Dilnoza", language_code: "en", ...fields };
  if (u.language_code === undefined) delete u.language_code;
  return u;
};

const privateChat = (from: User) => ({ id: from.id, type: "private" as const, first_name: from.first_name });
const groupChat = () => ({ id: GROUP_ID, type: "supergroup" as const, title: "JSPU students" });

interface MessageOptions {
  from?: User;
  /** Anything else of the message: entities, reply_to_message, caption... */
  extra?: Partial<Message>;
}

/** A text message in the user's private chat with the bot. */
export function privateText(text: string, { from = user(), extra = {} }: MessageOptions = {}): Update {
  const id = nextUpdateId();
  return { update_id: id, message: { message_id: id, date: 1, chat: privateChat(from), from, text, ...extra } as NonNullable<Update["message"]> };
}

/** A text message in a group the bot is in. */
export function groupText(text: string, { from = user(), extra = {} }: MessageOptions = {}): Update {
  const id = nextUpdateId();
  return { update_id: id, message: { message_id: id, date: 1, chat: groupChat(), from, text, ...extra } as NonNullable<Update["message"]> };
}

/** "/name args" (or "/name@bot args" with `to`), private unless `group`. */
export function command(name: string, { args, to, group, from }: { args?: string; to?: string; group?: boolean; from?: User } = {}): Update {
  const head = `/${name}${to ? `@${to}` : ""}`;
  const text = args ? `${head} ${args}` : head;
  const extra = { entities: [{ type: "bot_command" as const, offset: 0, length: head.length }] };
  return group ? groupText(text, { from, extra }) : privateText(text, { from, extra });
}

/** A message the bot sent earlier, as a button press carries it. */
export function botMessage(fields: { chat?: "private" | "group"; from?: User; message_id?: number; text?: string; buttons?: InlineKeyboardButton[][]; edit_date?: number } = {}): Message {
  const chat = fields.chat === "group" ? groupChat() : privateChat(fields.from ?? user());
  return {
    message_id: fields.message_id ?? 7,
    date: 1,
    chat,
    from: BOT_INFO,
    text: fields.text ?? "an earlier answer",
    ...(fields.edit_date ? { edit_date: fields.edit_date } : {}),
    ...(fields.buttons ? { reply_markup: { inline_keyboard: fields.buttons } } : {}),
  } as Message;
}

/** A press of a button with `data` under a message of the bot (in a private chat unless `message` says so). */
export function press(data: string, { from = user(), message = botMessage({ from }) }: { from?: User; message?: Message } = {}): Update {
  const id = nextUpdateId();
  return { update_id: id, callback_query: { id: `cb${id}`, from, chat_instance: "1", data, message } };
}

/** An inline query ("@bot erasmus" typed in any chat). */
export function inlineQuery(query: string, from = user()): Update {
  const id = nextUpdateId();
  return { update_id: id, inline_query: { id: `iq${id}`, from, query, offset: "" } };
}

/** The user blocked (kicked) or unblocked the bot in their private chat. */
export function myChatMember(status: "kicked" | "member", from = user()): Update {
  const id = nextUpdateId();
  const old = status === "kicked" ? "member" : "kicked";
  return {
    update_id: id,
    my_chat_member: {
      chat: privateChat(from),
      from,
      date: 1,
      old_chat_member: { status: old, user: BOT_INFO, ...(old === "kicked" ? { until_date: 0 } : {}) },
      new_chat_member: { status, user: BOT_INFO, ...(status === "kicked" ? { until_date: 0 } : {}) },
    } as Update["my_chat_member"],
  } as Update;
}

// Reading what was sent.

/** The texts of a request's inline keyboard, row by row. */
export const buttonTexts = (call: Call | undefined): string[][] =>
  ((call?.payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));

/** The callback data of a request's inline keyboard, row by row. */
export const buttonData = (call: Call | undefined): string[][] =>
  ((call?.payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? []).map((row) =>
    row.map((b) => ("callback_data" in b ? b.callback_data : "")),
  );

/** The methods called, in order. */
export const methods = (calls: Call[]): string[] => calls.map((c) => c.method);
