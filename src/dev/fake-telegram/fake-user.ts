// A simulated Telegram user in a private chat with the bot: types messages,
// presses buttons, uses inline mode, blocks the bot. Every action becomes the
// update a real client would cause.
import type { InlineKeyboardMarkup, Message, MessageEntity, User } from "grammy/types";
import type { AlbumItem, FakeMessage, MediaOptions, PressOptions, SentRef, SharedUserInit, WaitOptions } from "./types.js";
import { blockUpdate, callbackQuery, userMessage } from "./update-factory.js";
import { albumContents, mediaContent, stickerContent, textContent, usersSharedContent, type MediaType } from "./user-content.js";
import { DEFAULT_TIMEOUT_MS, waitFor } from "./wait.js";
import type { ChatRecord, World } from "./world.js";
import { clone } from "./clone.js";

/** Lets FakeGroup find the Telegram user behind a FakeUser without widening the public API. */
const users = new WeakMap<FakeUser, User>();
export const telegramUserOf = (u: FakeUser): User => users.get(u)!;

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
const capitalized = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function sharedUser(u: FakeUser | SharedUserInit): User {
  if (u instanceof FakeUser) return telegramUserOf(u);
  return {
    id: u.id,
    is_bot: u.isBot ?? false,
    first_name: u.firstName,
    ...(u.lastName ? { last_name: u.lastName } : {}),
    ...(u.username ? { username: u.username } : {}),
  };
}

export class FakeUser {
  readonly id: number;
  readonly chatId: number;

  /** @internal Use FakeTelegram.user(). */
  constructor(
    private readonly world: World,
    user: User,
    private readonly diagnose: () => string,
  ) {
    this.id = user.id;
    this.chatId = user.id;
    users.set(this, user);
  }

  private get user(): User {
    return users.get(this)!;
  }

  private get chat(): ChatRecord {
    return this.world.chat(this.chatId);
  }

  private assertCanWrite(): void {
    if (this.chat.blocked) throw new Error(`FakeUser ${this.id} has blocked the bot; call unblock() first`);
  }

  /** Waits for the next bot message sent or edited in `chatId`; subscribe before acting. */
  private nextIn(chatId: number, timeoutMs: number | undefined, what: () => string): Promise<FakeMessage> {
    const ms = timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return waitFor<FakeMessage>(
      this.world,
      ms,
      (done) => this.world.watch(chatId, done),
      () => `${what()}, but the bot sent or edited nothing in chat ${chatId} within ${ms} ms.\n${this.diagnose()}`,
    );
  }

  private pushMessage(content: Partial<Message>): SentRef {
    this.assertCanWrite();
    this.chat.started = true;
    const stored = userMessage(this.world, this.chat, this.user, content);
    return { updateId: this.world.updates.push({ message: stored.message as never }), messageId: stored.message.message_id };
  }

  /**
   * Subscribes, then sends: resolves with the bot's next message sent or
   * edited in this chat. Content is built (and checked) before, so `send`
   * cannot throw and leave a wait behind.
   */
  private sendAndWait(what: string, send: () => number, options?: WaitOptions): Promise<FakeMessage> {
    this.assertCanWrite();
    let updateId = 0;
    const reply = this.nextIn(this.chatId, options?.timeoutMs, () => `FakeUser ${this.id} sent ${what} (update ${updateId})`);
    updateId = send();
    return reply;
  }

  /** Sends a text message and resolves with the bot's next message sent or edited in this chat. */
  send(text: string, options?: WaitOptions): Promise<FakeMessage> {
    const content = textContent(text);
    return this.sendAndWait(quote(text), () => this.pushMessage(content).updateId, options);
  }

  /** Sends a text message without waiting; returns the update_id. */
  sendNoWait(text: string): number {
    return this.pushMessage(textContent(text)).updateId;
  }

  /** A text with the user's formatting (bold, links...: entities checked against the text), like send(). */
  sendFormatted(text: string, entities: MessageEntity[], options?: WaitOptions): Promise<FakeMessage> {
    const content = textContent(text, entities, "FakeUser.sendFormatted");
    return this.sendAndWait(`formatted ${quote(text)}`, () => this.pushMessage(content).updateId, options);
  }

  sendFormattedNoWait(text: string, entities: MessageEntity[]): SentRef {
    return this.pushMessage(textContent(text, entities, "FakeUser.sendFormatted"));
  }

  sendSticker(options?: WaitOptions): Promise<FakeMessage> {
    const content = stickerContent();
    return this.sendAndWait("a sticker", () => this.pushMessage(content).updateId, options);
  }

  sendPhoto(caption?: string, options?: MediaOptions): Promise<FakeMessage> {
    return this.sendMedia("photo", caption, options);
  }

  sendDocument(caption?: string, options?: MediaOptions): Promise<FakeMessage> {
    return this.sendMedia("document", caption, options);
  }

  sendVideo(caption?: string, options?: MediaOptions): Promise<FakeMessage> {
    return this.sendMedia("video", caption, options);
  }

  /** A photo, document or video (plausible file ids) without waiting. */
  sendMediaNoWait(type: MediaType, caption?: string, options?: Pick<MediaOptions, "captionEntities">): SentRef {
    return this.pushMessage(mediaContent(`FakeUser.send${capitalized(type)}`, type, caption, options?.captionEntities));
  }

  private sendMedia(type: MediaType, caption: string | undefined, options: MediaOptions | undefined): Promise<FakeMessage> {
    const content = mediaContent(`FakeUser.send${capitalized(type)}`, type, caption, options?.captionEntities);
    return this.sendAndWait(`a ${type}`, () => this.pushMessage(content).updateId, options);
  }

  /**
   * An album (2-10 photos/videos, or 2-10 documents): one message update per
   * item with consecutive ids and a shared media_group_id, as Telegram sends
   * them. Resolves with the bot's next message in this chat.
   */
  sendAlbum(items: AlbumItem[], options?: WaitOptions): Promise<FakeMessage> {
    const contents = albumContents("FakeUser.sendAlbum", items, this.world.newMediaGroupId());
    return this.sendAndWait(`an album of ${items.length}`, () => contents.map((c) => this.pushMessage(c))[0]!.updateId, options);
  }

  sendAlbumNoWait(items: AlbumItem[]): SentRef[] {
    const contents = albumContents("FakeUser.sendAlbum", items, this.world.newMediaGroupId());
    return contents.map((c) => this.pushMessage(c));
  }

  /**
   * Picks users with the request_users button `requestId` of the reply
   * keyboard this user sees: a users_shared message with the fields the
   * button asked for (names with request_name, username with
   * request_username). Throws if there is no such button or the pick breaks
   * its rules (max_quantity, user_is_bot). Resolves with the bot's next message.
   */
  shareUser(
    requestId: number,
    shared: FakeUser | SharedUserInit | (FakeUser | SharedUserInit)[],
    options?: WaitOptions,
  ): Promise<FakeMessage> {
    const button = this.chat.userRequests?.find((b) => b.requestId === requestId);
    if (!button) {
      const ids = this.chat.userRequests?.map((b) => b.requestId) ?? [];
      throw new Error(
        `FakeUser.shareUser: the keyboard FakeUser ${this.id} sees has no request_users button with request_id ${requestId}` +
          ` (request_users buttons: ${ids.length > 0 ? ids.join(", ") : "none"})`,
      );
    }
    const users = (Array.isArray(shared) ? shared : [shared]).map(sharedUser);
    const content = usersSharedContent("FakeUser.shareUser", button, users);
    return this.sendAndWait(`users_shared for request ${requestId}`, () => this.pushMessage(content).updateId, options);
  }

  /**
   * Presses an inline button (exact text or RegExp) on the message as it is
   * now, and resolves with the next bot message sent or edited in its chat.
   * Throws at once if there is no such callback button.
   */
  press(message: FakeMessage, button: string | RegExp, options?: PressOptions): Promise<FakeMessage> {
    const chat = this.world.chat(message.chatId);
    const stored = chat.messages.get(message.messageId);
    if (!stored) throw new Error(`FakeUser.press: message ${message.messageId} in chat ${message.chatId} no longer exists`);
    const rows = (stored.message.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
    const matches = (text: string) => {
      if (typeof button === "string") return text === button;
      button.lastIndex = 0;
      return button.test(text);
    };
    const found = rows.flat().find((b) => matches(b.text));
    if (!found) {
      const list = rows.length === 0 ? "none" : rows.map((r) => `[${r.map((b) => quote(b.text)).join(", ")}]`).join(" ");
      throw new Error(`FakeUser.press: message ${message.messageId} has no button ${String(button)}; its buttons: ${list}`);
    }
    const data = (found as { callback_data?: string }).callback_data;
    if (data === undefined) {
      throw new Error(`FakeUser.press: button ${quote(found.text)} is not a callback button (${Object.keys(found).join(", ")}); pressing it sends nothing to the bot`);
    }
    let queryId = "";
    const reply = this.nextIn(message.chatId, options?.timeoutMs, () => `FakeUser ${this.id} pressed ${quote(found.text)} (callback query ${queryId})`);
    queryId = this.pressData(message, data, options);
    return reply;
  }

  /** Sends a callback query with any data (forged or stale buttons); returns its id. */
  pressData(message: FakeMessage, data: string, options?: Pick<PressOptions, "ageMs">): string {
    const chat = this.world.chat(message.chatId);
    const stored = chat.messages.get(message.messageId);
    const id = this.world.newQueryId();
    // Telegram sends an "inaccessible message" (date 0) for deleted messages.
    const msg = stored ? clone(stored.message) : { chat: chat.chat, message_id: message.messageId, date: 0 as const };
    this.world.callbackQueries.set(id, { answered: false, data, pressedAt: this.world.clock() - (options?.ageMs ?? 0) });
    this.world.updates.push({ callback_query: callbackQuery(id, this.user, this.world.chatInstance(chat), msg, data) });
    return id;
  }

  /** Types an inline query (@bot query) and resolves with the results of the bot's answerInlineQuery. */
  inline(query: string, options?: WaitOptions): Promise<unknown[]> {
    if (query.length > 256) throw new Error("FakeUser.inline: inline queries are limited to 256 characters");
    const id = this.world.newQueryId();
    const record: { answered: boolean; onAnswer?: (r: unknown[]) => void } = { answered: false };
    this.world.inlineQueries.set(id, record);
    const ms = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const results = waitFor<unknown[]>(
      this.world,
      ms,
      (done) => {
        record.onAnswer = done;
        return () => delete record.onAnswer;
      },
      () => `FakeUser ${this.id} sent inline query ${quote(query)} (id ${id}), but the bot did not answer it within ${ms} ms.\n${this.diagnose()}`,
    );
    this.world.updates.push({ inline_query: { id, from: this.user, query, offset: "", chat_type: "sender" } });
    return results;
  }

  /** Blocks the bot: a my_chat_member update ("kicked"), then 403 for messages to this chat. */
  block(): void {
    const chat = this.chat;
    if (chat.blocked) return;
    chat.blocked = true;
    this.world.updates.push(blockUpdate(this.world, chat, this.user, true));
  }

  /** Unblocks the bot (my_chat_member "member"); the bot may write to them again, as after a /start. */
  unblock(): void {
    const chat = this.chat;
    if (!chat.blocked) return;
    chat.blocked = false;
    chat.started = true;
    this.world.updates.push(blockUpdate(this.world, chat, this.user, false));
  }

  /** Bot messages in this chat, current state. */
  messages(): FakeMessage[] {
    return this.world.messagesIn(this.chatId);
  }

  lastMessage(): FakeMessage | undefined {
    return this.messages().at(-1);
  }

  /** The reply keyboard the user sees now (button texts; send one with send()), if any. */
  keyboard(): string[][] | undefined {
    return this.chat.replyKeyboard?.map((row) => [...row]);
  }

  /** The next bot message sent or edited in this chat, from now on. */
  nextMessage(options?: WaitOptions): Promise<FakeMessage> {
    return this.nextIn(this.chatId, options?.timeoutMs, () => `Waited for a bot message to FakeUser ${this.id}`);
  }
}
