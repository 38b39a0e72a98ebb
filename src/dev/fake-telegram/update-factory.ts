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

export function textContent(text: string): Partial<Message> {
  const entities = detectEntities(text);
  return entities.length > 0 ? { text, entities } : { text };
}

export function captionContent(caption: string | undefined): Partial<Message> {
  if (caption === undefined || caption === "") return {};
  const entities = detectEntities(caption);
  return entities.length > 0 ? { caption, caption_entities: entities } : { caption };
}

let fileCounter = 0;
const fileId = (kind: string) => {
  fileCounter++;
  return {
    file_id: `AgAC${kind}${String(fileCounter).padStart(8, "0")}FakeFileId`,
    file_unique_id: `AQAD${kind}${String(fileCounter).padStart(6, "0")}`,
  };
};

export function stickerContent(): Partial<Message> {
  return {
    sticker: {
      ...fileId("Stk"),
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: "👍",
      set_name: "FakeStickers",
      file_size: 24_000,
    },
  } as Partial<Message>;
}

export function photoContent(caption?: string): Partial<Message> {
  const sizes = [
    [90, 67, 1_200],
    [320, 240, 15_000],
    [800, 600, 60_000],
  ] as const;
  const id = fileId("Pht");
  return {
    photo: sizes.map(([width, height, file_size], i) => ({
      file_id: `${id.file_id}${i}`,
      file_unique_id: `${id.file_unique_id}${i}`,
      width,
      height,
      file_size,
    })),
    ...captionContent(caption),
  };
}

/** A deleted message still has a chat and an id; Telegram then sends date 0 ("inaccessible"). */
export function callbackQuery(
  id: string,
  from: User,
  chat: ChatRecord,
  message: Message | { chat: Chat; message_id: number; date: 0 },
  data: string,
): CallbackQuery {
  return { id, from, message, chat_instance: chat.chatInstance, data } as CallbackQuery;
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
