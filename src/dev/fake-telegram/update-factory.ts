// Builds the updates a real Telegram client would cause, with the fields bots
// rely on (e.g. grammY's bot.command() needs a bot_command entity at offset 0).
import type { CallbackQuery, Chat, ChatMember, Message, MessageEntity, User } from "grammy/types";
import type { ChatRecord, StoredMessage, World } from "./world.js";

const COMMAND = /(?<!\S)\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@/])/g;
const MENTION = /(?<![A-Za-z0-9_@])@[A-Za-z][A-Za-z0-9_]{3,31}(?![A-Za-z0-9_])/g;
const URL = /(?<![\w@/])https?:\/\/[^\s<>"]*[^\s<>".,;:!?'")\]]/gi;
const HASHTAG = /(?<![\p{L}\p{N}_#])#[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/gu;

/** The entities Telegram's clients attach to a typed text (UTF-16 offsets). */
export function detectEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  const scan = (re: RegExp, type: "bot_command" | "mention" | "url" | "hashtag") => {
    for (const m of text.matchAll(re)) {
      const offset = m.index;
      const length = m[0].length;
      if (found.some((e) => offset < e.offset + e.length && e.offset < offset + length)) continue;
      found.push({ type, offset, length });
    }
  };
  scan(COMMAND, "bot_command");
  scan(URL, "url");
  scan(MENTION, "mention");
  scan(HASHTAG, "hashtag");
  return found.sort((a, b) => a.offset - b.offset);
}

/** Stores a message typed by `user` into `chat` and returns it as Telegram sends it. */
export function userMessage(world: World, chat: ChatRecord, user: User, content: Partial<Message>): StoredMessage {
  return world.store(
    chat,
    (message_id) => ({ message_id, from: user, chat: chat.chat, date: world.now(), ...content }) as Message,
    false,
  );
}

/** A deleted message still has a chat and an id; Telegram then sends date 0 ("inaccessible"). */
export function callbackQuery(
  id: string,
  from: User,
  chatInstance: string,
  message: Message | { chat: Chat; message_id: number; date: 0 },
  data: string,
): CallbackQuery {
  return { id, from, message, chat_instance: chatInstance, data } as CallbackQuery;
}

function member(user: User, status: "member" | "kicked"): ChatMember {
  return status === "kicked" ? { user, status, until_date: 0 } : { user, status };
}

/** my_chat_member for a user blocking (kicked) or unblocking (member) the bot in their private chat. */
export function blockUpdate(world: World, chat: ChatRecord, user: User, blocked: boolean) {
  const bot = world.botUser;
  return {
    my_chat_member: {
      chat: chat.chat,
      from: user,
      date: world.now(),
      old_chat_member: member(bot, blocked ? "member" : "kicked"),
      new_chat_member: member(bot, blocked ? "kicked" : "member"),
    },
  };
}
