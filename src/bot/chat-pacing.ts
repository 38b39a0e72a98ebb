/**
 * Keeps the bot's own messages within Telegram's flood limits per chat, so a
 * student who taps fast or a busy staff group is answered a little later
 * instead of earning the bot 429s (repeated ones lengthen Telegram's bans).
 * Telegram: about one message a second in a chat, short bursts tolerated,
 * 20 a minute in a group. Each send or edit reserves its moment when it is
 * made (so one chat's messages keep their order) and waits until then.
 * Broadcasts pace themselves across chats (src/broadcast/pacing.ts); this
 * paces within a chat, for every API client of the bot, since Telegram counts
 * them together.
 */
import { Readable } from "node:stream";
import { requestTelegram, type TelegramFetch, type TelegramRequestInit } from "./telegram-http.js";

interface ChatRule {
  /** Messages that may go at once after a quiet spell. */
  burst: number;
  /** Sustained spacing between messages. */
  intervalMs: number;
}

/**
 * A little under Telegram's published limits (1/s with a few at once; 20 a
 * minute per group): requests reach Telegram up to a few tens of
 * milliseconds apart from when they left, and a margin keeps that from
 * adding up to a 429.
 */
export const BOT_CHAT_LIMITS = {
  privateChat: { burst: 4, intervalMs: 1050 },
  group: { burst: 2, intervalMs: 1050 },
  groupPerMinute: 19,
} as const;

const MINUTE_MS = 60_000;
/** Slack after a group's minute passes, for the same reason as the margin above. */
const MINUTE_SLACK_MS = 100;
/** Reservations between sweeps of quiet chats (keeps memory at the chats of the last few seconds). */
const SWEEP_EVERY = 1024;

interface ChatState {
  /** Tokens left (negative: messages already promised a later moment). */
  tokens: number;
  at: number;
  /** In a group: when its latest messages are due, oldest first (at most groupPerMinute). */
  due?: number[];
}

/** Per chat, when the next message may go. Pure: time is passed in. */
export class ChatPacer {
  private readonly chats = new Map<number, ChatState>();
  private sinceSweep = 0;

  constructor(private readonly limits: typeof BOT_CHAT_LIMITS = BOT_CHAT_LIMITS) {}

  /** Reserves the next moment a message may go to `chatId`; returns how long to wait for it (0: now). */
  reserve(chatId: number, now: number): number {
    const isGroup = chatId < 0;
    const rule: ChatRule = isGroup ? this.limits.group : this.limits.privateChat;
    const state = this.stateOf(chatId, rule, now);
    state.tokens = Math.min(rule.burst, state.tokens + (now - state.at) / rule.intervalMs) - 1;
    state.at = now;
    let dueAt = now + Math.max(0, -state.tokens * rule.intervalMs);
    if (state.due) {
      const perMinute = this.limits.groupPerMinute;
      if (state.due.length >= perMinute) dueAt = Math.max(dueAt, state.due[state.due.length - perMinute]! + MINUTE_MS + MINUTE_SLACK_MS);
      state.due.push(dueAt);
      if (state.due.length > perMinute) state.due.shift();
    }
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep(now);
    return dueAt - now;
  }

  /** Chats the pacer still remembers (for tests of its memory). */
  get size(): number {
    return this.chats.size;
  }

  private stateOf(chatId: number, rule: ChatRule, now: number): ChatState {
    let state = this.chats.get(chatId);
    if (!state) {
      state = { tokens: rule.burst, at: now, ...(chatId < 0 ? { due: [] } : {}) };
      this.chats.set(chatId, state);
    }
    return state;
  }

  /** Forgets chats whose bucket is full again and whose group minute has passed: they are as new. */
  private sweep(now: number): void {
    this.sinceSweep = 0;
    for (const [chatId, state] of this.chats) {
      const rule = chatId < 0 ? this.limits.group : this.limits.privateChat;
      const full = state.tokens + (now - state.at) / rule.intervalMs >= rule.burst;
      const minutePassed = !state.due?.length || state.due.at(-1)! + MINUTE_MS <= now;
      if (full && minutePassed) this.chats.delete(chatId);
    }
  }
}

/** The methods that post or change a message in a chat, as Telegram counts them. */
const PACED_METHODS = new Set([
  "sendMessage", "sendPhoto", "sendDocument", "sendVideo", "sendAnimation", "sendAudio", "sendVoice", "sendSticker",
  "sendMediaGroup", "copyMessage", "copyMessages", "forwardMessage", "forwardMessages",
  "editMessageText", "editMessageCaption", "editMessageReplyMarkup", "editMessageMedia",
]);

export type PacedFetch = TelegramFetch;

/**
 * The bot's HTTP client (telegram-http.ts), waiting for the chat's reserved
 * moment before a send or edit. Pacing at this level, under the API
 * transformers, counts only requests that really leave: a guided
 * conversation replays its earlier calls from its log on every step, through
 * the transformers but not through fetch; and each retry of auto-retry is
 * paced too.
 */
export function pacedFetch(pacer: ChatPacer, now: () => number = () => performance.now()): PacedFetch {
  const paced = async (url: unknown, init: TelegramRequestInit = {}) => {
    const method = String(url).slice(String(url).lastIndexOf("/") + 1);
    if (PACED_METHODS.has(method) && init.body) {
      const { chatId, body } = await chatIdOf(init.body);
      init = { ...init, body };
      const waitMs = chatId === undefined ? 0 : pacer.reserve(chatId, now());
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return requestTelegram(String(url), init);
  };
  // grammY's option is typed as node-fetch; it reads the response's json() only (telegram-http.ts).
  return paced as unknown as PacedFetch;
}

/** How far into a multipart body chat_id may be: grammY writes the payload's fields first, chat_id first of them. */
const MULTIPART_CHUNKS_TO_SEARCH = 8;
const MULTIPART_CHAT_ID = /name="chat_id"\r\n\r\n(-?\d+)/;
/** A JSON body that starts with a numeric chat_id (grammY's, for every send and edit). */
const JSON_CHAT_ID_FIRST = /^\{"chat_id":(-?\d+)[,}]/;

/**
 * The numeric chat_id of a request body (JSON, or grammY's multipart stream
 * for uploads), and the body to send instead: a stream read from is handed
 * on with what was read put back in front.
 */
async function chatIdOf(body: NonNullable<TelegramRequestInit["body"]>): Promise<{ chatId?: number; body: TelegramRequestInit["body"] }> {
  if (typeof body === "string") {
    // grammY writes chat_id first: read it there rather than parse a whole message with its buttons.
    const first = JSON_CHAT_ID_FIRST.exec(body);
    if (first) return { chatId: Number(first[1]), body };
    const chatId = (JSON.parse(body) as { chat_id?: unknown }).chat_id;
    return { chatId: typeof chatId === "number" ? chatId : undefined, body };
  }
  if (!(body instanceof Readable)) return { body };
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const read: Uint8Array[] = [];
  let chatId: number | undefined;
  while (chatId === undefined && read.length < MULTIPART_CHUNKS_TO_SEARCH) {
    const next = await chunks.next();
    if (next.done) break;
    read.push(next.value);
    const found = MULTIPART_CHAT_ID.exec(Buffer.concat(read).toString("latin1"));
    if (found) chatId = Number(found[1]);
  }
  async function* again() {
    yield* read;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { chatId, body: Readable.from(again(), { objectMode: false }) };
}
