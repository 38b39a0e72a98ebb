// Public, test-facing shapes of the fake Telegram server. Everything here is
// plain data so tests can snapshot, compare and print it.
import type { MessageEntity } from "grammy/types";

/** What a message holds, named after its Message field ("other" for service messages the fake does not name). */
export type MessageKind =
  | "text" | "photo" | "video" | "animation" | "document" | "audio" | "voice" | "video_note" | "sticker"
  | "venue" | "location" | "contact" | "dice" | "poll" | "users_shared" | "other";

/** A message as the user currently sees it (a snapshot, never live). */
export interface FakeMessage {
  chatId: number;
  messageId: number;
  kind: MessageKind;
  /** Plain text as the user sees it (entities parsed); the caption for media, "" for stickers. */
  text: string;
  /** Entities of the text, or of the caption for media; absent when none. */
  entities?: MessageEntity[];
  /** file_id of the media (the largest size for photos). */
  fileId?: string;
  /** Shared by the messages of one album. */
  mediaGroupId?: string;
  /** The message this one replies to (same chat). */
  replyToMessageId?: number;
  /** Raw text as sent, when parse_mode was HTML. */
  html?: string;
  /** Inline keyboard; [] when none. */
  buttons: FakeButton[][];
  /** Reply keyboard (button texts) this message showed, if any. Telegram does not echo these, the fake remembers. */
  keyboard?: string[][];
  /** How many times it was edited. */
  edits: number;
  fromBot: boolean;
}

/** A message a test sent as a user: its update (for getUpdates) and its id in the chat (for copyMessage). */
export interface SentRef {
  updateId: number;
  messageId: number;
}

/** A group message a test sent; updateId is absent when privacy mode kept it from the bot. */
export interface GroupPost {
  messageId: number;
  updateId?: number;
}

export interface MediaOptions extends WaitOptions {
  /** Formatting of the caption (the client's bold, italic, links...); checked against the caption. */
  captionEntities?: MessageEntity[];
}

export interface AlbumItem {
  type: "photo" | "video" | "document";
  caption?: string;
  captionEntities?: MessageEntity[];
}

/** Someone a user picks with a request_users button (a FakeUser works too). */
export interface SharedUserInit {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  isBot?: boolean;
}

export interface FakeButton {
  text: string;
  callbackData?: string;
  url?: string;
  switchInlineQuery?: string;
  switchInlineQueryCurrentChat?: string;
}

/** One HTTP call the bot made, recorded once it was answered. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  ok: boolean;
  errorCode?: number;
  description?: string;
  /** performance.now() when the request arrived. */
  at: number;
  /** The `result` the fake answered with (ok calls only). */
  result?: unknown;
  /** The client went away before the answer (e.g. grammY aborting a long poll on bot.stop()). Not counted by rejected(). */
  aborted?: boolean;
  /** Failed by a rule of injectFault(): the test asked for it. Not counted by rejected(). */
  injected?: boolean;
}

/** A deliberate failure, see FakeTelegram.injectFault. */
export interface FaultRule {
  /** Method name (case-insensitive). Without it the rule matches every method except getUpdates. */
  method?: string;
  /** Only calls whose chat_id is this (calls without chat_id never match). */
  chatId?: number;
  /** How many calls to hit; unlimited when omitted. */
  times?: number;
  /** Chance (0..1) that a matching call is hit. */
  probability?: number;
  /** Defaults: 429 when only retryAfter is given, 400 when only description is. */
  errorCode?: number;
  /** Defaults to Telegram's text for the code, e.g. "Too Many Requests: retry after N". */
  description?: string;
  /** Sent as parameters.retry_after (default 1 for 429). */
  retryAfter?: number;
  /** Destroy the socket instead of answering (the client sees a connection reset). */
  reset?: boolean;
  /** Wait this long before answering (alone: just slow, the call then succeeds). */
  delayMs?: number;
}

export interface FakeUserInit {
  id?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** The app's language, "en" unless given; null: none, as Telegram sends for some users. */
  languageCode?: string | null;
  /**
   * The user started the bot before the test began (a restored database,
   * seeded subscribers). Otherwise, as in Telegram, everything the bot sends
   * to their private chat answers 403 "Forbidden: bot can't initiate
   * conversation with a user" until they write to it there (a message or a
   * command) or unblock it; writing or pressing buttons in a group does not count.
   */
  startedBot?: boolean;
}

export interface FakeGroupInit {
  id?: number;
  title?: string;
  /**
   * Model Telegram's privacy mode: only commands, mentions of the bot and
   * replies to the bot reach it. Default false = the bot sees every message
   * (as when it is a group admin), so tests also cover the bot's own filtering.
   */
  privacyMode?: boolean;
}

export interface StartOptions {
  token?: string;
  port?: number;
  botUsername?: string;
  botFirstName?: string;
  /** Flood control over sends and edits (off by default; {} for Telegram's limits); see FakeTelegram.setRateLimits. */
  rateLimits?: RateLimits | false;
  /** Keep only the most recent N calls in `calls` (default: all), for long benchmarks. */
  maxRecordedCalls?: number;
  /** Seeds injected faults' `probability` (default: FAKE_TELEGRAM_SEED, else DEFAULT_SEED), so a run can be replayed. */
  seed?: number;
}

/** Telegram's flood limits; each one omitted keeps Telegram's value (TELEGRAM_RATE_LIMITS), false switches it off. */
export interface RateLimits {
  /** All chats together (Telegram: about 30 a second). */
  global?: RateLimit | false;
  /** Each chat (Telegram: about 1 a second, short bursts tolerated). */
  perChat?: RateLimit | false;
  /** Each group or supergroup (negative chat id), on top of perChat (Telegram: 20 a minute). */
  perGroup?: GroupRateLimit | false;
}

/** A token bucket. */
export interface RateLimit {
  /** Tokens refilled per second. */
  perSecond: number;
  /** Bucket size: calls allowed at once after a pause. Default ceil(perSecond / 10), at least 1. */
  burst?: number;
}

export interface GroupRateLimit {
  /** At most this many calls in any 60 seconds. */
  perMinute: number;
  /** The group's chat takes this many at once instead of perChat's burst (refilled at perChat's rate). */
  burst: number;
}

/** Calls of rate-limited methods since the last reset (counted while a limit is set). */
export interface RateLimitStats {
  accepted: number;
  rejected: number;
  /** 429s per limit reached (a call over two limits counts for both). */
  rejectedBy: { global: number; perChat: number; perGroup: number };
  /** performance.now() of the first and the last 429. */
  firstRejectedAt?: number;
  lastRejectedAt?: number;
}

/** Per method: answered ok, and answered with an error (aborted long polls are neither). */
export interface CallCount {
  ok: number;
  failed: number;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export interface PressOptions extends WaitOptions {
  /**
   * The press reaches the bot this old, as after a bot that was down: past 15
   * minutes Telegram refuses to answer it (400 "query is too old").
   */
  ageMs?: number;
}

export interface CallbackAnswer {
  text?: string;
  showAlert?: boolean;
  url?: string;
  cacheTime?: number;
}
