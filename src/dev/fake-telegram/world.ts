// The fake's state: who exists, which chats and messages there are, which
// queries are open. Method handlers and the test-facing classes both work on
// it. Messages live in per-chat maps so every lookup is O(1).
import type { BotCommand, Chat, InlineKeyboardMarkup, Message, User, UserFromGetMe } from "grammy/types";
import { Errors } from "./errors.js";
import { toFakeButtons } from "./markup.js";
import { UpdateQueue } from "./update-queue.js";
import type { CallbackAnswer, FakeMessage } from "./types.js";

export interface StoredMessage {
  /** As Telegram returns it; updated in place on edits, never handed out uncloned. */
  message: Message;
  fromBot: boolean;
  html?: string;
  edits: number;
  /** Reply keyboard sent with the message (texts). */
  keyboard?: string[][];
}

export interface ChatRecord {
  chat: Chat;
  blocked: boolean;
  privacyMode: boolean;
  /** Stable per chat, sent with callback queries like Telegram's chat_instance. */
  chatInstance: string;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  /** The reply keyboard the user currently sees (until remove_keyboard). */
  replyKeyboard?: string[][];
}

export interface UserRecord {
  user: User;
  chatId: number;
}

export interface CallbackQueryRecord {
  answered: boolean;
  answer?: CallbackAnswer;
}

export interface InlineQueryRecord {
  answered: boolean;
  results?: unknown[];
  onAnswer?: (results: unknown[]) => void;
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  ipAddress?: string;
}

type Watcher = (m: FakeMessage) => void;
export type WorldEvent = "message" | "edit" | "delete" | "update";

export class World {
  readonly chats = new Map<number, ChatRecord>();
  readonly users = new Map<number, UserRecord>();
  readonly updates: UpdateQueue;
  readonly commands = new Map<string, BotCommand[]>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly inlineQueries = new Map<string, InlineQueryRecord>();
  /** Rejecters of everything a test may be awaiting; called on stop(). */
  readonly pending = new Set<(err: Error) => void>();
  webhook: WebhookState | undefined;

  private readonly watchers = new Map<number, Set<Watcher>>();
  private nextUserId = 1001;
  private nextGroupId = -1001;
  private nextQuery = 1;

  constructor(
    readonly me: UserFromGetMe,
    private readonly emit: (event: WorldEvent, payload: unknown) => void,
  ) {
    this.updates = new UpdateQueue((update) => emit("update", update));
  }

  /** The bot as it appears in `from` of its messages. */
  get botUser(): User {
    return { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
  }

  now(): number {
    return Math.floor(Date.now() / 1000);
  }

  allocUserId(wanted?: number): number {
    const id = wanted ?? this.nextUserId;
    if (this.users.has(id) || this.chats.has(id)) throw new Error(`FakeTelegram: user/chat ${id} already exists`);
    if (id >= this.nextUserId) this.nextUserId = id + 1;
    return id;
  }

  allocGroupId(wanted?: number): number {
    const id = wanted ?? this.nextGroupId;
    if (id >= 0) throw new Error(`FakeTelegram: group ids are negative, got ${id}`);
    if (this.chats.has(id)) throw new Error(`FakeTelegram: chat ${id} already exists`);
    if (id <= this.nextGroupId) this.nextGroupId = id - 1;
    return id;
  }

  addChat(chat: Chat, privacyMode = false): ChatRecord {
    const record: ChatRecord = {
      chat,
      blocked: false,
      privacyMode,
      chatInstance: String(BigInt(this.me.id) * 1_000_003n + BigInt(Math.abs(chat.id))),
      nextMessageId: 1,
      messages: new Map(),
    };
    this.chats.set(chat.id, record);
    return record;
  }

  /** Query ids look like Telegram's: long numeric strings, unique per fake. */
  newQueryId(): string {
    return `${this.me.id}${String(this.nextQuery++).padStart(9, "0")}`;
  }

  /** A chat the bot may read; @usernames never resolve (the fake's chats have none). */
  chat(id: number | string): ChatRecord {
    const chat = typeof id === "number" ? this.chats.get(id) : undefined;
    if (!chat) throw Errors.chatNotFound();
    return chat;
  }

  /** A chat the bot may write to: private chats of users who blocked it answer 403. */
  writableChat(id: number | string): ChatRecord {
    const chat = this.chat(id);
    if (chat.blocked) throw Errors.blocked();
    return chat;
  }

  /** Stores a new message (ids increase per chat, shared by user and bot). */
  store(chat: ChatRecord, build: (messageId: number) => Message, fromBot: boolean, html?: string): StoredMessage {
    const message = build(chat.nextMessageId++);
    const stored: StoredMessage = { message, fromBot, edits: 0 };
    if (html !== undefined) stored.html = html;
    chat.messages.set(message.message_id, stored);
    return stored;
  }

  snapshot(stored: StoredMessage): FakeMessage {
    const m = stored.message;
    const out: FakeMessage = {
      chatId: m.chat.id,
      messageId: m.message_id,
      text: m.text ?? m.caption ?? "",
      buttons: toFakeButtons(m.reply_markup as InlineKeyboardMarkup | undefined),
      edits: stored.edits,
      fromBot: stored.fromBot,
    };
    if (stored.html !== undefined) out.html = stored.html;
    if (stored.keyboard !== undefined) out.keyboard = stored.keyboard.map((row) => [...row]);
    return out;
  }

  botMessages(chatId: number): FakeMessage[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    const out: FakeMessage[] = [];
    for (const stored of chat.messages.values()) if (stored.fromBot) out.push(this.snapshot(stored));
    return out;
  }

  /** Announces a bot message that was sent (kind "message") or edited ("edit"). */
  announce(kind: "message" | "edit", stored: StoredMessage): void {
    const snap = this.snapshot(stored);
    this.emit(kind, snap);
    const set = this.watchers.get(snap.chatId);
    if (set) for (const w of [...set]) w(snap);
  }

  announceDelete(chatId: number, messageId: number): void {
    this.emit("delete", { chatId, messageId });
  }

  /** Calls `fn` for each bot message sent or edited in the chat until the returned stop function runs. */
  watch(chatId: number, fn: Watcher): () => void {
    let set = this.watchers.get(chatId);
    if (!set) this.watchers.set(chatId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.watchers.delete(chatId);
    };
  }

  commandsKey(scope: unknown, languageCode: string): string {
    return `${JSON.stringify(canonicalScope(scope))}|${languageCode}`;
  }
}

/** Scope objects compare by content (key order and number/string chat ids aside). */
function canonicalScope(scope: unknown): Record<string, unknown> {
  if (typeof scope !== "object" || scope === null) return { type: "default" };
  const s = scope as Record<string, unknown>;
  const out: Record<string, unknown> = { type: s.type };
  if (s.chat_id !== undefined) out.chat_id = typeof s.chat_id === "string" && /^-?\d+$/.test(s.chat_id) ? Number(s.chat_id) : s.chat_id;
  if (s.user_id !== undefined) out.user_id = Number(s.user_id);
  return out;
}
