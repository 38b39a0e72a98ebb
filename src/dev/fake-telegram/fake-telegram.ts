// The fake Telegram Bot API server that tests, the playground and the
// benchmarks point grammY at (client.apiRoot). It answers like Telegram,
// refuses what Telegram refuses, and lets tests act as users.
import { EventEmitter } from "node:events";
import type { Chat, MenuButton, Update, User, UserFromGetMe } from "grammy/types";
import { CallLog } from "./call-log.js";
import { Dispatcher } from "./dispatcher.js";
import { FakeGroup } from "./fake-group.js";
import { FakeUser } from "./fake-user.js";
import { Faults } from "./faults.js";
import { listen, type RunningServer } from "./http-server.js";
import { RateLimiter } from "./rate-limit.js";
import type {
  ApiCall,
  CallbackAnswer,
  CallCount,
  FakeGroupInit,
  FakeMessage,
  FakeUserInit,
  FaultRule,
  RateLimits,
  RateLimitStats,
  StartOptions,
} from "./types.js";
import { DEFAULT_TIMEOUT_MS, waitFor } from "./wait.js";
import { World } from "./world.js";
import { clone } from "./clone.js";

export const DEFAULT_TOKEN = "123456789:AAFakeFakeFakeFakeFakeFakeFakeFake_xy";
/** Seeds the random faults when neither StartOptions.seed nor FAKE_TELEGRAM_SEED says otherwise. */
export const DEFAULT_SEED = 14;

function defaultSeed(): number {
  const env = process.env.FAKE_TELEGRAM_SEED;
  if (env === undefined || env === "") return DEFAULT_SEED;
  const seed = Number(env);
  if (!Number.isInteger(seed)) throw new Error(`FAKE_TELEGRAM_SEED must be an integer, got ${JSON.stringify(env)}`);
  return seed;
}
const TOKEN_SHAPE = /^(\d+):[A-Za-z0-9_-]+$/;

export interface FakeTelegram {
  on(event: "call", listener: (call: ApiCall) => void): this;
  on(event: "message" | "edit", listener: (message: FakeMessage) => void): this;
  on(event: "delete", listener: (ref: { chatId: number; messageId: number }) => void): this;
  on(event: "update", listener: (update: Update) => void): this;
  on(event: string | symbol, listener: (...args: any[]) => void): this;
  once(event: "call", listener: (call: ApiCall) => void): this;
  once(event: "message" | "edit", listener: (message: FakeMessage) => void): this;
  once(event: "delete", listener: (ref: { chatId: number; messageId: number }) => void): this;
  once(event: "update", listener: (update: Update) => void): this;
  once(event: string | symbol, listener: (...args: any[]) => void): this;
}

/** What getMe answers for a bot of this id and names: a bot that joins groups, reads only what is meant for it, and answers inline queries. */
export function botInfo(id: number, username: string, firstName: string): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: firstName,
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
}

export class FakeTelegram extends EventEmitter {
  readonly token: string;
  /** What getMe answers; also usable as grammY's `botInfo` option to skip getMe. */
  readonly botInfo: UserFromGetMe;
  private readonly log: CallLog;
  private readonly world: World;
  private readonly faults: Faults;
  private readonly limiter = new RateLimiter();
  private readonly dispatcher: Dispatcher;
  private readonly callWatchers = new Set<(call: ApiCall) => void>();
  private server: RunningServer | undefined;
  private root = "";

  private constructor(token: string, username: string, firstName: string, maxRecordedCalls: number | undefined, seed: number) {
    super();
    this.faults = new Faults(seed);
    const m = TOKEN_SHAPE.exec(token);
    if (!m) throw new Error(`FakeTelegram: token must look like "123:ABC", got ${JSON.stringify(token)}`);
    this.token = token;
    this.log = new CallLog(maxRecordedCalls);
    this.botInfo = botInfo(Number(m[1]), username, firstName);
    this.world = new World(this.botInfo, (event, payload) => this.emit(event, payload));
    this.dispatcher = new Dispatcher(this.world, token, this.faults, this.limiter, (call) => this.onCall(call));
  }

  /** Starts a fake on 127.0.0.1 (random port unless given). */
  static async start(options: StartOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(
      options.token ?? DEFAULT_TOKEN,
      options.botUsername ?? "fake_test_bot",
      options.botFirstName ?? "Fake Test Bot",
      options.maxRecordedCalls,
      options.seed ?? defaultSeed(),
    );
    fake.limiter.set(options.rateLimits);
    fake.server = await listen(options.port ?? 0, fake.dispatcher.handle);
    fake.root = `http://127.0.0.1:${fake.server.port}`;
    return fake;
  }

  /**
   * Calls in the order they were answered (`at` is the arrival time): all of
   * them, or the latest `maxRecordedCalls`.
   */
  get calls(): ApiCall[] {
    return this.log.calls();
  }

  /** Per method (as the bot spelled it): calls answered ok and with an error, counted even when not recorded. */
  callCounts(): Record<string, CallCount> {
    return this.log.countsByMethod();
  }

  /**
   * Flood control like Telegram's over sends, copies and edits, one count per
   * call: per chat, per group and over all chats (TELEGRAM_RATE_LIMITS for
   * `{}`). Past any of them a call answers 429 "Too Many Requests: retry
   * after N" and has no effect. Calls Telegram would refuse anyway count too.
   * Each limit given replaces Telegram's, false switches it off, and false or
   * undefined switches all off; every limit starts afresh.
   */
  setRateLimits(limits: RateLimits | false | undefined): void {
    this.limiter.set(limits);
  }

  /** The limits stay, but what they counted is forgotten, as after a pause long enough for every bucket to refill. */
  forgetRateLimitHistory(): void {
    this.limiter.forget();
  }

  rateLimitStats(): RateLimitStats {
    return this.limiter.stats();
  }

  resetRateLimitStats(): void {
    this.limiter.resetStats();
  }

  /** What drives injected faults' `probability`; run again with FAKE_TELEGRAM_SEED=<seed> to replay them. */
  get seed(): number {
    return this.faults.seed;
  }

  /** "http://127.0.0.1:PORT"; grammY appends /bot<token>/<method>. */
  get apiRoot(): string {
    return this.root;
  }

  /** Calls the fake refused on its own, as Telegram would: not the client-aborted long polls, nor the injected faults. */
  rejected(): ApiCall[] {
    return this.calls.filter((c) => !c.ok && !c.aborted && !c.injected);
  }

  /** Closes the server; a waiting getUpdates gets [] first, pending test waits reject. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.world.updates.release();
    for (const reject of [...this.world.pending]) reject(new Error("FakeTelegram stopped"));
    await new Promise((r) => setTimeout(r, 5)); // let the released long poll's answer go out
    await server.close();
  }

  /** A user with a private chat with the bot (ids from 1001 up). */
  user(init: FakeUserInit = {}): FakeUser {
    const id = this.world.allocUserId(init.id);
    const firstName = init.firstName ?? `User${id}`;
    const user: User = {
      id,
      is_bot: false,
      first_name: firstName,
      ...(init.lastName ? { last_name: init.lastName } : {}),
      ...(init.username ? { username: init.username } : {}),
      ...(init.languageCode === null ? {} : { language_code: init.languageCode ?? "en" }),
    };
    const chat: Chat.PrivateChat = {
      id,
      type: "private",
      first_name: firstName,
      ...(init.lastName ? { last_name: init.lastName } : {}),
      ...(init.username ? { username: init.username } : {}),
    };
    this.world.addChat(chat).started = init.startedBot ?? false;
    this.world.users.set(id, { user, chatId: id });
    return new FakeUser(this.world, user, () => this.diagnose());
  }

  /**
   * Private chats for `count` users with consecutive ids (from `firstId`, else
   * the next free user id), for benchmarks: no FakeUser objects, a few hundred
   * bytes each. They cannot write, so the bot may message them only with
   * `startedBot` (see FakeUserInit). Returns the ids.
   */
  addUsers(count: number, init: { firstId?: number } & Pick<FakeUserInit, "startedBot"> = {}): number[] {
    return this.world.addBulkUsers(count, init.firstId, init.startedBot);
  }

  /** A group the bot is a member of (ids from -1001 down). */
  group(init: FakeGroupInit = {}): FakeGroup {
    const id = this.world.allocGroupId(init.id);
    const chat: Chat.GroupChat = { id, type: "group", title: init.title ?? `Test group ${-id}` };
    return new FakeGroup(this.world, this.world.addChat(chat, init.privacyMode ?? false));
  }

  /** Queues a raw update (low level); returns its update_id. */
  pushUpdate(update: Omit<Update, "update_id">): number {
    return this.world.updates.push(update);
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  pendingUpdates(): number {
    return this.world.updates.pending();
  }

  /** True while the bot waits in a long poll (getUpdates): it is up and fetching. */
  isPolling(): boolean {
    return this.world.updates.isPolling();
  }

  /** Delivers an update again, same update_id, as after a crash that kept the bot from confirming it. */
  redeliver(update: Update): void {
    this.world.updates.redeliver(update);
  }

  /**
   * Returns and confirms all pending updates: for webhook tests that POST
   * updates to the bot themselves (see also the "update" event).
   */
  drainUpdates(): Update[] {
    return this.world.updates.drain();
  }

  /** Bot messages in that chat, current state. */
  messages(chatId: number): FakeMessage[] {
    return this.world.messagesIn(chatId);
  }

  /** How many bot messages that chat holds; O(1). */
  messageCount(chatId: number): number {
    return this.world.chats.get(chatId)?.botMessages ?? 0;
  }

  /**
   * The bytes of a photo the bot uploaded, by the file_id of its largest size
   * (FakeMessage.fileId); undefined for any other file.
   */
  file(fileId: string): Buffer | undefined {
    const bytes = this.world.photos.get(fileId)?.bytes;
    return bytes && Buffer.from(bytes);
  }

  /** Every message in that chat, the users' and the bot's, current state. */
  history(chatId: number): FakeMessage[] {
    return this.world.messagesIn(chatId, true);
  }

  /** The command menu set for (language, scope); undefined if none. */
  commands(languageCode = "", scope?: object): { command: string; description: string }[] | undefined {
    const list = this.world.commands.get(this.world.commandsKey(scope, languageCode));
    return list ? clone(list) : undefined;
  }

  /**
   * The menu button set for a private chat (setChatMenuButton with chat_id),
   * or without `chatId` the bot's default one; undefined if none ("default").
   */
  menuButton(chatId?: number): MenuButton | undefined {
    const button = chatId === undefined ? this.world.botMenuButton : this.world.menuButtons.get(chatId);
    return button && clone(button);
  }

  webhook(): { url: string; secretToken?: string } | undefined {
    const w = this.world.webhook;
    if (!w) return undefined;
    return w.secretToken !== undefined ? { url: w.url, secretToken: w.secretToken } : { url: w.url };
  }

  /**
   * Ids of button presses the bot never called answerCallbackQuery for (the
   * user's app would show a spinner); a late or refused answer counts as called.
   */
  unansweredCallbackQueries(): { id: string; data: string }[] {
    return [...this.world.callbackQueries].filter(([, q]) => !q.answerCalled).map(([id, q]) => ({ id, data: q.data }));
  }

  /** How the bot answered a callback query; undefined while unanswered (or unknown). */
  callbackAnswer(queryId: string): CallbackAnswer | undefined {
    const answer = this.world.callbackQueries.get(queryId)?.answer;
    return answer ? { ...answer } : undefined;
  }

  /** Makes matching calls fail (or stall, or reset); returns a function removing the rule. */
  injectFault(rule: FaultRule): () => void {
    return this.faults.add(rule);
  }

  /**
   * Resolves with the first recorded call of `method` (matching `where`) at
   * index `since` or later (default 0: any call so far), waiting if needed.
   */
  waitForCall(
    method: string,
    options: { where?: (call: ApiCall) => boolean; since?: number; timeoutMs?: number } = {},
  ): Promise<ApiCall> {
    const wanted = method.toLowerCase();
    const fits = (c: ApiCall) => c.method.toLowerCase() === wanted && (options.where?.(c) ?? true);
    const existing = this.calls.slice(options.since ?? 0).find(fits);
    if (existing) return Promise.resolve(existing);
    const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return waitFor<ApiCall>(
      this.world,
      ms,
      (done) => {
        const watcher = (c: ApiCall) => {
          if (fits(c)) done(c);
        };
        this.callWatchers.add(watcher);
        return () => this.callWatchers.delete(watcher);
      },
      () => `No ${method} call within ${ms} ms.\n${this.diagnose()}`,
    );
  }

  private onCall(call: ApiCall): void {
    if (call.method.toLowerCase() === "answercallbackquery") {
      const query = this.world.callbackQueries.get(String(call.params.callback_query_id));
      if (query) query.answerCalled = true;
    }
    this.log.add(call);
    this.emit("call", call);
    for (const w of [...this.callWatchers]) w(call);
  }

  /** State and the last calls, for timeout errors: usually shows why the bot was silent. */
  private diagnose(): string {
    const recent = this.calls.slice(-10).map((c) => {
      const chat = c.params.chat_id !== undefined ? ` chat ${String(c.params.chat_id)}` : "";
      const outcome = c.ok ? "ok" : c.aborted ? "aborted" : `${c.errorCode ?? "reset"} ${c.description ?? ""}`;
      return `  ${c.method}${chat} -> ${outcome}`;
    });
    const q = this.world.updates;
    const polling = q.isPolling() ? "a getUpdates is waiting" : "no getUpdates is waiting (is the bot running?)";
    const dropped = q.dropped > 0 ? `, ${q.dropped} update(s) dropped by allowed_updates ${JSON.stringify(q.allowedUpdates())}` : "";
    return [
      `Fake state: ${q.pending()} unconfirmed update(s), ${polling}${this.world.webhook ? ", webhook set" : ""}${dropped}; fault seed ${this.seed}.`,
      this.calls.length === 0 ? "The bot made no API calls at all." : `Last ${recent.length} of ${this.calls.length} API calls:`,
      ...recent,
    ].join("\n");
  }
}
