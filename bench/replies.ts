/**
 * Waiting for the bot's answers under load. The bot answers a burst in
 * order: at saturation the last questions wait behind thousands of others,
 * so a fixed wait per question counts late answers as missing (a 15 s wait
 * did, for hundreds of 10,000 questions). Here a question is unanswered only
 * when the bot has gone quiet: nothing sent or edited in any chat for
 * `quietMs` while questions wait. How late an answer came is its latency.
 */
import type { FakeMessage, FakeTelegram, FakeUser } from "../src/dev/fake-telegram/index.js";

export class ReplyWaiter {
  /** The users waiting for an answer, by chat, with what ends their wait. */
  private readonly waiting = new Map<number, (answered: boolean) => void>();
  private lastActivity = performance.now();
  private readonly timer: NodeJS.Timeout;
  private readonly onBotMessage = (message: FakeMessage) => {
    this.lastActivity = performance.now();
    this.end(message.chatId, true);
  };

  constructor(
    private readonly fake: FakeTelegram,
    private readonly quietMs: number,
  ) {
    fake.on("message", this.onBotMessage).on("edit", this.onBotMessage);
    this.timer = setInterval(() => this.giveUpIfQuiet(), Math.min(1000, quietMs / 4));
  }

  /** Sends `text` as `user` (one question at a time per user); resolves with the ms to the bot's next message in that chat, or undefined if the bot went quiet first. */
  async ask(user: FakeUser, text: string): Promise<number | undefined> {
    if (this.waiting.has(user.chatId)) throw new Error(`ReplyWaiter: user ${user.id} is still waiting for an answer`);
    const sent = performance.now();
    // An idle bot is not a quiet one: the quiet spell counts from the first question it has to answer.
    if (this.waiting.size === 0) this.lastActivity = sent;
    const answered = new Promise<boolean>((resolve) => this.waiting.set(user.chatId, resolve));
    user.sendNoWait(text);
    return (await answered) ? performance.now() - sent : undefined;
  }

  /** Stops listening; questions still waiting count as unanswered. */
  close(): void {
    clearInterval(this.timer);
    this.fake.off("message", this.onBotMessage).off("edit", this.onBotMessage);
    for (const chatId of [...this.waiting.keys()]) this.end(chatId, false);
  }

  private end(chatId: number, answered: boolean): void {
    const done = this.waiting.get(chatId);
    if (!done) return;
    this.waiting.delete(chatId);
    done(answered);
  }

  private giveUpIfQuiet(): void {
    if (this.waiting.size > 0 && performance.now() - this.lastActivity >= this.quietMs) {
      for (const chatId of [...this.waiting.keys()]) this.end(chatId, false);
    }
  }
}

/**
 * Open-loop arrivals: questions are sent at a fixed rate whatever the bot
 * answers, so a user may ask again before the last answer came. The bot
 * answers one chat's questions in order, so each message it sends in a chat
 * answers the oldest question waiting there. As ReplyWaiter, questions still
 * waiting when the bot has sent nothing for `quietMs` are unanswered.
 */
export class OpenLoopWaiter {
  /** Per chat, when each waiting question was sent, oldest first. */
  private readonly waiting = new Map<number, number[]>();
  private pending = 0;
  readonly latencies: number[] = [];
  unanswered = 0;
  private lastActivity = performance.now();
  private readonly onBotMessage = (message: FakeMessage) => {
    this.lastActivity = performance.now();
    const sent = this.waiting.get(message.chatId)?.shift();
    if (sent === undefined) return;
    this.pending--;
    this.latencies.push(performance.now() - sent);
  };

  constructor(
    private readonly fake: FakeTelegram,
    private readonly quietMs: number,
  ) {
    fake.on("message", this.onBotMessage).on("edit", this.onBotMessage);
  }

  ask(user: FakeUser, text: string): void {
    const sent = performance.now();
    if (this.pending === 0) this.lastActivity = sent;
    let queue = this.waiting.get(user.chatId);
    if (!queue) this.waiting.set(user.chatId, (queue = []));
    queue.push(sent);
    this.pending++;
    user.sendNoWait(text);
  }

  /** Resolves when every question is answered, or the bot went quiet with some waiting (those count as unanswered). */
  async settle(): Promise<void> {
    while (this.pending > 0 && performance.now() - this.lastActivity < this.quietMs) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  close(): void {
    this.fake.off("message", this.onBotMessage).off("edit", this.onBotMessage);
    this.unanswered += this.pending;
    this.pending = 0;
    this.waiting.clear();
  }
}
