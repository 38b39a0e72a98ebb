// A group chat with the bot in it: people talking to each other (the bot
// usually should stay quiet), and staff replying to the bot's posts.
import type { Message } from "grammy/types";
import { telegramUserOf, type FakeUser } from "./fake-user.js";
import { quoted } from "./methods/handler.js";
import type { FakeMessage, GroupPost } from "./types.js";
import { userMessage } from "./update-factory.js";
import { mediaContent, textContent } from "./user-content.js";
import { waitFor } from "./wait.js";
import type { ChatRecord, StoredMessage, World } from "./world.js";

export class FakeGroup {
  readonly id: number;

  /** @internal Use FakeTelegram.group(). */
  constructor(
    private readonly world: World,
    private readonly record: ChatRecord,
  ) {
    this.id = record.chat.id;
  }

  /** With privacy mode, Telegram only delivers commands and mentions meant for the bot, and replies to its messages. */
  private delivered(content: Partial<Message>, replyTo: StoredMessage | undefined): boolean {
    if (!this.record.privacyMode || replyTo?.fromBot) return true;
    const text = content.text ?? content.caption ?? "";
    const entities = content.entities ?? content.caption_entities ?? [];
    const me = this.world.me.username.toLowerCase();
    return entities.some((e) => {
      const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
      if (e.type === "bot_command") return !part.includes("@") || part.endsWith(`@${me}`);
      return e.type === "mention" && part === `@${me}`;
    });
  }

  /** Stores a message from `user` and queues its update if the bot would get it. */
  private post(user: FakeUser, content: Partial<Message>, replyTo?: StoredMessage): GroupPost {
    const full = (replyTo ? { ...content, reply_to_message: quoted(replyTo.message) } : content) as Partial<Message>;
    const stored = userMessage(this.world, this.record, telegramUserOf(user), full);
    const sent: GroupPost = { messageId: stored.message.message_id };
    if (this.delivered(content, replyTo)) sent.updateId = this.world.updates.push({ message: stored.message as never });
    return sent;
  }

  /** The stored message a reply quotes; it must be in this group. */
  private target(to: FakeMessage, method: string): StoredMessage {
    if (to.chatId !== this.id) {
      throw new Error(`FakeGroup.${method}: message ${to.messageId} is in chat ${to.chatId}, not in group ${this.id}`);
    }
    const stored = this.record.messages.get(to.messageId);
    if (!stored) throw new Error(`FakeGroup.${method}: message ${to.messageId} no longer exists in group ${this.id}`);
    return stored;
  }

  /** A group message from `user`; resolves true if the bot sent or edited anything here within `quietMs`. */
  say(user: FakeUser, text: string, quietMs = 300): Promise<boolean> {
    const content = textContent(text, undefined, "FakeGroup.say");
    const spoke = waitFor<boolean>(
      this.world,
      quietMs,
      (done) => this.world.watch(this.id, () => done(true)),
      () => "quiet",
    ).catch((err: unknown) => {
      if (err instanceof Error && err.message === "quiet") return false;
      throw err;
    });
    this.post(user, content);
    return spoke;
  }

  /** A group message from `user`, without waiting. */
  send(user: FakeUser, text: string): GroupPost {
    return this.post(user, textContent(text, undefined, "FakeGroup.send"));
  }

  /**
   * `user` replies to `to` (a message of this group): reply_to_message is the
   * full stored message. Under privacy mode a reply to the bot's message still
   * reaches the bot, as in Telegram.
   */
  reply(user: FakeUser, to: FakeMessage, text: string): GroupPost {
    return this.post(user, textContent(text, undefined, "FakeGroup.reply"), this.target(to, "reply"));
  }

  replyPhoto(user: FakeUser, to: FakeMessage, caption?: string): GroupPost {
    return this.post(user, mediaContent("FakeGroup.replyPhoto", "photo", caption), this.target(to, "replyPhoto"));
  }

  /** Bot messages in this group, current state. */
  messages(): FakeMessage[] {
    return this.world.messagesIn(this.id);
  }

  /** Every message in this group, the users' and the bot's (e.g. to copy a user's message). */
  history(): FakeMessage[] {
    return this.world.messagesIn(this.id, true);
  }
}
