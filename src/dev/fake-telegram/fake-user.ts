// A simulated Telegram user in a private chat with the bot: types messages,
// presses buttons, uses inline mode, blocks the bot. Every action becomes the
// update a real client would cause.
import type { InlineKeyboardMarkup, Message, User } from "grammy/types";
import { blockUpdate, callbackQuery, photoContent, stickerContent, textContent, userMessage } from "./update-factory.js";
import type { FakeMessage, WaitOptions } from "./types.js";
import { DEFAULT_TIMEOUT_MS, waitFor } from "./wait.js";
import type { ChatRecord, World } from "./world.js";

/** Lets FakeGroup find the Telegram user behind a FakeUser without widening the public API. */
const users = new WeakMap<FakeUser, User>();
export const telegramUserOf = (u: FakeUser): User => users.get(u)!;

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

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

  private pushMessage(content: Partial<Message>): number {
    this.assertCanWrite();
    const stored = userMessage(this.world, this.chat, this.user, content);
    return this.world.updates.push({ message: stored.message as never });
  }

  /** Sends a text message and resolves with the bot's next message sent or edited in this chat. */
  send(text: string, options?: WaitOptions): Promise<FakeMessage> {
    this.assertCanWrite();
    let updateId = 0;
    const reply = this.nextIn(this.chatId, options?.timeoutMs, () => `FakeUser ${this.id} sent ${quote(text)} (update ${updateId})`);
    updateId = this.sendNoWait(text);
    return reply;
  }

  /** Sends a text message without waiting; returns the update_id. */
  sendNoWait(text: string): number {
    if (text.trim() === "") throw new Error("FakeUser.send: Telegram clients cannot send an empty message");
    if (text.length > 4096) throw new Error("FakeUser.send: Telegram clients cannot send more than 4096 characters in one message");
    return this.pushMessage(textContent(text));
  }

  sendSticker(options?: WaitOptions): Promise<FakeMessage> {
    this.assertCanWrite();
    let updateId = 0;
    const reply = this.nextIn(this.chatId, options?.timeoutMs, () => `FakeUser ${this.id} sent a sticker (update ${updateId})`);
    updateId = this.pushMessage(stickerContent());
    return reply;
  }

  sendPhoto(caption?: string, options?: WaitOptions): Promise<FakeMessage> {
    this.assertCanWrite();
    if (caption !== undefined && caption.length > 1024) throw new Error("FakeUser.sendPhoto: captions are limited to 1024 characters");
    let updateId = 0;
    const reply = this.nextIn(this.chatId, options?.timeoutMs, () => `FakeUser ${this.id} sent a photo (update ${updateId})`);
    updateId = this.pushMessage(photoContent(caption));
    return reply;
  }

  /**
   * Presses an inline button (exact text or RegExp) on the message as it is
   * now, and resolves with the next bot message sent or edited in its chat.
   * Throws at once if there is no such callback button.
   */
  press(message: FakeMessage, button: string | RegExp, options?: WaitOptions): Promise<FakeMessage> {
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
    queryId = this.pressData(message, data);
    return reply;
  }

  /** Sends a callback query with any data (forged or stale buttons); returns its id. */
  pressData(message: FakeMessage, data: string): string {
    const chat = this.world.chat(message.chatId);
    const stored = chat.messages.get(message.messageId);
    const id = this.world.newQueryId();
    // Telegram sends an "inaccessible message" (date 0) for deleted messages.
    const msg = stored ? structuredClone(stored.message) : { chat: chat.chat, message_id: message.messageId, date: 0 as const };
    this.world.callbackQueries.set(id, { answered: false });
    this.world.updates.push({ callback_query: callbackQuery(id, this.user, chat, msg, data) });
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

  /** Unblocks the bot (my_chat_member "member"). */
  unblock(): void {
    const chat = this.chat;
    if (!chat.blocked) return;
    chat.blocked = false;
    this.world.updates.push(blockUpdate(this.world, chat, this.user, false));
  }

  /** Bot messages in this chat, current state. */
  messages(): FakeMessage[] {
    return this.world.botMessages(this.chatId);
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
