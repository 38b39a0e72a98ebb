// A group chat with the bot in it, to check how the bot behaves among
// people talking to each other (it usually should stay quiet).
import type { MessageEntity } from "grammy/types";
import { telegramUserOf, type FakeUser } from "./fake-user.js";
import { textContent, userMessage } from "./update-factory.js";
import type { FakeMessage } from "./types.js";
import { waitFor } from "./wait.js";
import type { ChatRecord, World } from "./world.js";

export class FakeGroup {
  readonly id: number;

  /** @internal Use FakeTelegram.group(). */
  constructor(
    private readonly world: World,
    private readonly record: ChatRecord,
  ) {
    this.id = record.chat.id;
  }

  /** With privacy mode, Telegram only delivers commands and mentions meant for the bot. */
  private delivered(text: string, entities: MessageEntity[]): boolean {
    if (!this.record.privacyMode) return true;
    const me = this.world.me.username.toLowerCase();
    return entities.some((e) => {
      const part = text.slice(e.offset, e.offset + e.length).toLowerCase();
      if (e.type === "bot_command") return !part.includes("@") || part.endsWith(`@${me}`);
      return e.type === "mention" && part === `@${me}`;
    });
  }

  /** A group message from `user`; resolves true if the bot sent or edited anything here within `quietMs`. */
  say(user: FakeUser, text: string, quietMs = 300): Promise<boolean> {
    if (text.trim() === "") throw new Error("FakeGroup.say: Telegram clients cannot send an empty message");
    const content = textContent(text);
    const stored = userMessage(this.world, this.record, telegramUserOf(user), content);
    const spoke = waitFor<boolean>(
      this.world,
      quietMs,
      (done) => this.world.watch(this.id, () => done(true)),
      () => "quiet",
    ).catch((err: unknown) => {
      if (err instanceof Error && err.message === "quiet") return false;
      throw err;
    });
    if (this.delivered(text, content.entities ?? [])) this.world.updates.push({ message: stored.message as never });
    return spoke;
  }

  /** Bot messages in this group, current state. */
  messages(): FakeMessage[] {
    return this.world.botMessages(this.id);
  }
}
