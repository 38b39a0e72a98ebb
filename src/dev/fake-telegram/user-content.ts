// What a Telegram client lets a user send, as message content: text with the
// entities the client detects plus the formatting the user applied, media
// with plausible file ids, albums, shared users. Throws on what no client can
// send, so a test can't feed the bot an impossible message.
import type { Message, MessageEntity, User } from "grammy/types";
import { ApiError } from "./errors.js";
import type { UserRequestButton } from "./markup.js";
import { checkEntities, MAX_CAPTION, MAX_TEXT } from "./text.js";
import type { AlbumItem } from "./types.js";
import { detectEntities } from "./update-factory.js";

export type MediaType = AlbumItem["type"];

const MIN_ALBUM = 2;
const MAX_ALBUM = 10;

const sameEntity = (a: MessageEntity, b: MessageEntity) => a.type === b.type && a.offset === b.offset && a.length === b.length;

/** The user's formatting, checked as Telegram checks a bot's, plus what the client detects (commands, links...). */
function entitiesFor(where: string, text: string, explicit: MessageEntity[] | undefined): MessageEntity[] {
  const detected = detectEntities(text);
  if (!explicit || explicit.length === 0) return detected;
  let checked: MessageEntity[];
  try {
    checked = checkEntities(explicit, "entities", text.length);
  } catch (err) {
    if (err instanceof ApiError) throw new Error(`${where}: ${err.description}`, { cause: err });
    throw err;
  }
  const extra = detected.filter((d) => !checked.some((e) => sameEntity(d, e)));
  return [...checked, ...extra].sort((a, b) => a.offset - b.offset || b.length - a.length);
}

export function textContent(text: string, entities?: MessageEntity[], where = "FakeUser.send"): Partial<Message> {
  if (text.trim() === "") throw new Error(`${where}: Telegram clients cannot send an empty message`);
  if (text.length > MAX_TEXT) {
    throw new Error(`${where}: Telegram clients cannot send more than ${MAX_TEXT} characters in one message`);
  }
  const all = entitiesFor(where, text, entities);
  return all.length > 0 ? { text, entities: all } : { text };
}

function captionContent(where: string, caption: string | undefined, entities: MessageEntity[] | undefined): Partial<Message> {
  if (caption === undefined || caption === "") {
    if (entities && entities.length > 0) throw new Error(`${where}: caption entities given without a caption`);
    return {};
  }
  if (caption.length > MAX_CAPTION) throw new Error(`${where}: captions are limited to ${MAX_CAPTION} characters`);
  const all = entitiesFor(where, caption, entities);
  return all.length > 0 ? { caption, caption_entities: all } : { caption };
}

let fileCounter = 0;
/** Prefixes follow Telegram's file ids per type (AgAC photo, BQAC document, BAAC video, CAAC sticker). */
const fileId = (prefix: string, kind: string) => {
  fileCounter++;
  return {
    file_id: `${prefix}${kind}${String(fileCounter).padStart(8, "0")}FakeFileId`,
    file_unique_id: `AQAD${kind}${String(fileCounter).padStart(6, "0")}`,
  };
};

export function stickerContent(): Partial<Message> {
  return {
    sticker: {
      ...fileId("CAAC", "Stk"),
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

function media(type: MediaType): Partial<Message> {
  switch (type) {
    case "photo": {
      const id = fileId("AgAC", "Pht");
      const sizes = [
        [90, 67, 1_200],
        [320, 240, 15_000],
        [800, 600, 60_000],
      ] as const;
      return {
        photo: sizes.map(([width, height, file_size], i) => ({
          file_id: `${id.file_id}${i}`,
          file_unique_id: `${id.file_unique_id}${i}`,
          width,
          height,
          file_size,
        })),
      };
    }
    case "document":
      return {
        document: { ...fileId("BQAC", "Doc"), file_name: "document.pdf", mime_type: "application/pdf", file_size: 184_320 },
      };
    case "video":
      return {
        video: { ...fileId("BAAC", "Vid"), width: 1280, height: 720, duration: 14, mime_type: "video/mp4", file_size: 2_411_520 },
      };
  }
}

export function mediaContent(where: string, type: MediaType, caption?: string, entities?: MessageEntity[]): Partial<Message> {
  return { ...media(type), ...captionContent(where, caption, entities) };
}

/** An album as Telegram delivers it: one message per item, sharing a media_group_id. */
export function albumContents(where: string, items: AlbumItem[], mediaGroupId: string): Partial<Message>[] {
  if (items.length < MIN_ALBUM || items.length > MAX_ALBUM) {
    throw new Error(`${where}: an album has ${MIN_ALBUM} to ${MAX_ALBUM} items, got ${items.length}`);
  }
  const documents = items.filter((i) => i.type === "document").length;
  if (documents > 0 && documents < items.length) {
    throw new Error(`${where}: documents can only be grouped with documents, not with photos or videos`);
  }
  return items.map((item) => ({ ...mediaContent(where, item.type, item.caption, item.captionEntities), media_group_id: mediaGroupId }));
}

/** What the user picked with a request_users button; the bot learns only the fields the button asked for. */
export function usersSharedContent(where: string, button: UserRequestButton, users: User[]): Partial<Message> {
  if (users.length < 1 || users.length > button.maxQuantity) {
    throw new Error(`${where}: button ${button.requestId} lets the user pick 1 to ${button.maxQuantity} user(s), got ${users.length}`);
  }
  for (const u of users) {
    if (button.userIsBot !== undefined && u.is_bot !== button.userIsBot) {
      const offers = button.userIsBot ? "bots" : "people, not bots";
      throw new Error(`${where}: button ${button.requestId} only offers ${offers}; user ${u.id} does not fit`);
    }
  }
  const shared = users.map((u) => ({
    user_id: u.id,
    ...(button.requestName ? { first_name: u.first_name, ...(u.last_name ? { last_name: u.last_name } : {}) } : {}),
    ...(button.requestUsername && u.username ? { username: u.username } : {}),
  }));
  return { users_shared: { request_id: button.requestId, users: shared } } as Partial<Message>;
}
