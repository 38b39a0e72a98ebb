// The fake's state: who exists, which chats and messages there are, which
// queries are open. Method handlers and the test-facing classes both work on
// it. Messages live in per-chat maps so every lookup is O(1).
import type { BotCommand, Chat, InlineKeyboardMarkup, MenuButton, Message, PhotoSize, User, UserFromGetMe } from "grammy/types";
import { Errors } from "./errors.js";
import { toFakeButtons, type UserRequestButton } from "./markup.js";
import { UpdateQueue } from "./update-queue.js";
import type { CallbackAnswer, FakeMessage, MessageKind } from "./types.js";
import { clone } from "./clone.js";

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
  /**
   * A private chat the user wrote in or unblocked the bot in: only then does
   * Telegram let the bot write to it (a button press there needs a bot message, so comes later).
   */
  started: boolean;
  privacyMode: boolean;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  /** How many of `messages` are the bot's (kept so counting is O(1)). */
  botMessages: number;
  /** The reply keyboard the user currently sees (until remove_keyboard). */
  replyKeyboard?: string[][];
  /** Its request_users buttons, which decide what the user may share. */
  userRequests?: UserRequestButton[];
}

/** A photo the bot uploaded: its bytes, and the sizes Telegram lists for it (the largest last). */
export interface UploadedPhoto {
  bytes: Buffer;
  sizes: PhotoSize[];
}

export interface UserRecord {
  user: User;
  chatId: number;
}

export interface CallbackQueryRecord {
  answered: boolean;
  answer?: CallbackAnswer;
  /** The button's callback_data. */
  data: string;
  /** World.clock() when the user pressed; past CALLBACK_QUERY_TTL_MS it cannot be answered. */
  pressedAt: number;
  /** The bot called answerCallbackQuery for it, whatever the answer (refused, too late, failed by a fault). */
  answerCalled?: boolean;
}

/** How long Telegram lets a bot answer a button press. */
export const CALLBACK_QUERY_TTL_MS = 15 * 60 * 1000;

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

/** Message fields that name its kind, in the order to test them (venues have a location, animations a document). */
const KINDS = [
  "text", "photo", "video", "animation", "document", "audio", "voice", "video_note", "sticker",
  "venue", "location", "contact", "dice", "poll", "users_shared",
] as const satisfies readonly MessageKind[];

function kindOf(m: Message): MessageKind {
  return KINDS.find((k) => m[k] !== undefined) ?? "other";
}

function fileIdOf(m: Message, kind: MessageKind): string | undefined {
  if (kind === "photo") return m.photo!.at(-1)?.file_id;
  const media = (m as unknown as Record<string, { file_id?: unknown } | undefined>)[kind];
  return typeof media?.file_id === "string" ? media.file_id : undefined;
}

export type WorldEvent = "message" | "edit" | "delete" | "update";

export class World {
  readonly chats = new Map<number, ChatRecord>();
  readonly users = new Map<number, UserRecord>();
  readonly updates: UpdateQueue;
  readonly commands = new Map<string, BotCommand[]>();
  /** Private chats' own menu buttons (setChatMenuButton with chat_id), by chat id; none means the bot's applies. */
  readonly menuButtons = new Map<number, MenuButton>();
  /** The bot's menu button for chats without their own; none means its commands list. */
  botMenuButton: MenuButton | undefined;
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly inlineQueries = new Map<string, InlineQueryRecord>();
  /** Photos the bot uploaded, by the file_id of their largest size (a bot may send that id again). */
  readonly photos = new Map<string, UploadedPhoto>();
  /** Rejecters of everything a test may be awaiting; called on stop(). */
  readonly pending = new Set<(err: Error) => void>();
  webhook: WebhookState | undefined;

  private readonly watchers = new Map<number, Set<Watcher>>();
  private nextUserId = 1001;
  private nextGroupId = -1001;
  private nextQuery = 1;
  private nextMediaGroup = 1;
  private nextFile = 1;
  /** The bot as it appears in `from` of its messages; one object shared by all of them. */
  readonly botUser: User;

  constructor(
    readonly me: UserFromGetMe,
    private readonly emit: (event: WorldEvent, payload: unknown) => void,
  ) {
    this.updates = new UpdateQueue((update) => emit("update", update));
    this.botUser = { id: me.id, is_bot: true, first_name: me.first_name, username: me.username };
  }

  /** Milliseconds, for ages (callback queries). */
  clock(): number {
    return Date.now();
  }

  now(): number {
    return Math.floor(this.clock() / 1000);
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
    const record: ChatRecord = { chat, blocked: false, started: false, privacyMode, nextMessageId: 1, messages: new Map(), botMessages: 0 };
    this.chats.set(chat.id, record);
    return record;
  }

  /** Private chats for `count` users with consecutive ids, without user objects (benchmarks). */
  addBulkUsers(count: number, firstId = this.nextUserId, started = false): number[] {
    if (!(Number.isInteger(count) && count >= 0)) {
      throw new Error(`FakeTelegram.addUsers: count must be a non-negative integer, got ${count}`);
    }
    if (!(Number.isInteger(firstId) && firstId > 0)) {
      throw new Error(`FakeTelegram.addUsers: user ids are positive integers, got ${firstId}`);
    }
    const ids: number[] = [];
    for (let id = firstId; id < firstId + count; id++) {
      if (this.users.has(id) || this.chats.has(id)) throw new Error(`FakeTelegram: user/chat ${id} already exists`);
      ids.push(id);
    }
    for (const id of ids) this.addChat({ id, type: "private", first_name: `User${id}` }).started = started;
    if (firstId + count > this.nextUserId) this.nextUserId = firstId + count;
    return ids;
  }

  /** Stable per chat, sent with callback queries like Telegram's chat_instance (computed: 100k chats need not store it). */
  chatInstance(chat: ChatRecord): string {
    return String(BigInt(this.me.id) * 1_000_003n + BigInt(Math.abs(chat.chat.id)));
  }

  /** Album ids look like Telegram's: long numeric strings. */
  newMediaGroupId(): string {
    return `1${String(this.nextMediaGroup++).padStart(16, "0")}`;
  }

  /** File ids look like Telegram's photo ids (AgAC...), unique per fake. */
  newFileId(): { file_id: string; file_unique_id: string } {
    const n = String(this.nextFile++).padStart(8, "0");
    return { file_id: `AgACAgIAAxkDUpl${n}FakeUpload`, file_unique_id: `AQADUpl${n}` };
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

  /** A chat the bot may write to: private chats of users who blocked it, or never wrote to it, answer 403. */
  writableChat(id: number | string): ChatRecord {
    const chat = this.chat(id);
    if (chat.blocked) throw Errors.blocked();
    if (chat.chat.type === "private" && !chat.started) throw Errors.cantInitiate();
    return chat;
  }

  /** Stores a new message (ids increase per chat, shared by user and bot). */
  store(chat: ChatRecord, build: (messageId: number) => Message, fromBot: boolean, html?: string): StoredMessage {
    const message = build(chat.nextMessageId++);
    const stored: StoredMessage = { message, fromBot, edits: 0 };
    if (html !== undefined) stored.html = html;
    chat.messages.set(message.message_id, stored);
    if (fromBot) chat.botMessages++;
    return stored;
  }

  remove(chat: ChatRecord, stored: StoredMessage): void {
    chat.messages.delete(stored.message.message_id);
    if (stored.fromBot) chat.botMessages--;
    this.announceDelete(chat.chat.id, stored.message.message_id);
  }

  snapshot(stored: StoredMessage): FakeMessage {
    const m = stored.message;
    const kind = kindOf(m);
    const out: FakeMessage = {
      chatId: m.chat.id,
      messageId: m.message_id,
      kind,
      text: m.text ?? m.caption ?? "",
      buttons: toFakeButtons(m.reply_markup as InlineKeyboardMarkup | undefined),
      edits: stored.edits,
      fromBot: stored.fromBot,
    };
    const entities = m.entities ?? m.caption_entities;
    if (entities !== undefined) out.entities = clone(entities);
    const fileId = fileIdOf(m, kind);
    if (fileId !== undefined) out.fileId = fileId;
    if (m.media_group_id !== undefined) out.mediaGroupId = m.media_group_id;
    if (m.reply_to_message !== undefined) out.replyToMessageId = m.reply_to_message.message_id;
    if (stored.html !== undefined) out.html = stored.html;
    if (stored.keyboard !== undefined) out.keyboard = stored.keyboard.map((row) => [...row]);
    return out;
  }

  /** The bot's messages in the chat, or with `all` everyone's. */
  messagesIn(chatId: number, all = false): FakeMessage[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    const out: FakeMessage[] = [];
    for (const stored of chat.messages.values()) if (all || stored.fromBot) out.push(this.snapshot(stored));
    return out;
  }

  /** Announces a bot message that was sent (kind "message") or edited ("edit"). */
  announce(kind: "message" | "edit", stored: StoredMessage): void {
    const snap = this.snapshot(stored);
    this.emit(kind, snap);
    const set = this.watchers.get(snap.chatId);
    if (set) for (const w of [...set]) w(snap);
  }

  private announceDelete(chatId: number, messageId: number): void {
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
