// sendPhoto and sendMediaGroup (photos): a photo uploaded with the request
// (multipart/form-data, "attach://<part>") or sent again by the file_id it
// got. The uploaded bytes are kept so tests can look at the picture
// (FakeTelegram.file). An album is checked whole before any of it is sent.
import type { PhotoSize } from "grammy/types";
import { badRequest, Errors } from "../errors.js";
import { checkPhoto } from "../images.js";
import { checkReplyMarkup } from "../markup.js";
import { UploadedFile } from "../multipart.js";
import { chatIdParam, isRecord, jsonParam, type Params } from "../params.js";
import { captionText, type Formatted } from "../text.js";
import type { ChatRecord, UploadedPhoto, World } from "../world.js";
import { clone } from "../clone.js";
import { botMessage, replyTarget, type Handler } from "./handler.js";
import { rememberKeyboard } from "./messages.js";

/** The only methods the fake takes files for (lower-cased); a multipart body to any other is refused. */
export const UPLOAD_METHODS = new Set(["sendphoto", "sendmediagroup"]);

const MIN_ALBUM = 2;
const MAX_ALBUM = 10;
/** The longest sides of the smaller copies Telegram makes, and of the largest it keeps. */
const THUMBNAIL_SIDES = [90, 320, 800];
const LARGEST_SIDE = 2560;

const wrongFile = () => badRequest("wrong file identifier/HTTP URL specified");

function scaled(width: number, height: number, side: number): { width: number; height: number } {
  const factor = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}

/** Checks an upload, and lists its sizes as Telegram would. */
function upload(world: World, file: UploadedFile): UploadedPhoto {
  const { width, height } = checkPhoto(file.bytes);
  const largest = scaled(width, height, LARGEST_SIDE);
  const sides = THUMBNAIL_SIDES.filter((side) => side < Math.max(largest.width, largest.height));
  const sizes: PhotoSize[] = [...sides.map((side) => scaled(width, height, side)), largest].map((size, i, all) => ({
    ...world.newFileId(),
    ...size,
    // The copies are smaller files, roughly by their area.
    file_size: i === all.length - 1 ? file.bytes.length : Math.ceil((file.bytes.length * size.width * size.height) / (largest.width * largest.height)),
  }));
  return { bytes: file.bytes, sizes };
}

/** A photo parameter: "attach://<part>", a file uploaded under the parameter's own name, or a file_id this fake gave out. */
function photoParam(world: World, p: Params, raw: unknown, field: string): UploadedPhoto {
  if (raw === undefined || raw === null || raw === "") throw Errors.required(field);
  if (raw instanceof UploadedFile) return upload(world, raw);
  if (typeof raw !== "string") throw wrongFile();
  const attached = /^attach:\/\/(.+)$/.exec(raw);
  if (attached) {
    const file = p[attached[1]!];
    if (!(file instanceof UploadedFile)) throw badRequest(`can't find attached file "${attached[1]}"`);
    return upload(world, file);
  }
  const known = world.photos.get(raw);
  if (!known) throw wrongFile();
  return known;
}

/** Sends the photo as a new bot message, and keeps it (by its largest size's file_id) to be sent again or looked at. */
function storePhoto(world: World, chat: ChatRecord, photo: UploadedPhoto, caption: Formatted | undefined, extra: Record<string, unknown>) {
  world.photos.set(photo.sizes.at(-1)!.file_id, photo);
  return botMessage(
    world,
    chat,
    {
      ...extra,
      photo: photo.sizes,
      ...(caption && caption.text !== "" ? { caption: caption.text } : {}),
      ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
    },
    caption?.html,
  );
}

const sendPhoto: Handler = (world, p) => {
  const chat = world.writableChat(chatIdParam(p));
  const caption = captionText(p);
  const checked = checkReplyMarkup(p, { chatType: chat.chat.type, botUsername: world.me.username });
  const reply = replyTarget(world, chat, p);
  const photo = photoParam(world, p, p.photo, "photo");
  const stored = storePhoto(world, chat, photo, caption, {
    ...(reply ? { reply_to_message: reply } : {}),
    ...(checked?.kind === "inline" ? { reply_markup: checked.markup } : {}),
  });
  rememberKeyboard(chat, stored, checked);
  world.announce("message", stored);
  return clone(stored.message);
};

const sendMediaGroup: Handler = (world, p) => {
  const chat = world.writableChat(chatIdParam(p));
  const media = jsonParam(p, "media");
  if (media === undefined) throw Errors.required("media");
  if (!Array.isArray(media)) throw Errors.fieldType("media", "Array");
  if (media.length < MIN_ALBUM || media.length > MAX_ALBUM) throw badRequest(`an album has ${MIN_ALBUM} to ${MAX_ALBUM} items, got ${media.length}`);
  const reply = replyTarget(world, chat, p);
  const items = media.map((item: unknown) => {
    if (!isRecord(item)) throw badRequest("can't parse InputMedia: InputMedia must be an Object");
    if (item.type !== "photo") throw badRequest("the fake supports only photos in media groups");
    return { caption: captionText(item), media: item.media };
  });
  // Every item is checked before anything is sent: a bad one fails the whole album, as in Telegram.
  const photos = items.map((item) => ({ caption: item.caption, photo: photoParam(world, p, item.media, "media") }));
  const mediaGroupId = world.newMediaGroupId();
  return photos.map(({ photo, caption }) => {
    const stored = storePhoto(world, chat, photo, caption, { media_group_id: mediaGroupId, ...(reply ? { reply_to_message: reply } : {}) });
    world.announce("message", stored);
    return clone(stored.message);
  });
};

export const mediaMethods: Record<string, Handler> = { sendPhoto, sendMediaGroup };
