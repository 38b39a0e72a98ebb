// The fake Telegram server's photo uploads: sendPhoto and sendMediaGroup with
// files sent as multipart/form-data (grammY's InputFile, or a plain form),
// checked as Telegram checks photos, and the bytes kept for tests to look at.
import { crc32, deflateSync } from "node:zlib";
import { type Api, InputFile, InputMediaBuilder } from "grammy";
import type { Message } from "grammy/types";
import { beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "../../src/dev/fake-telegram/index.js";
import { api, apiError, fake, useFakeTelegram } from "./fake-setup.js";

let user: FakeUser;

useFakeTelegram();
beforeEach(() => {
  user = fake.user({ startedBot: true });
});

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real (white, greyscale) PNG of that size. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte: none
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** The start of a baseline JPEG: SOI, an APP0 segment, then the frame header with the size. */
function jpeg(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

describe("sendPhoto", () => {
  it("takes an uploaded PNG with a caption: a photo message whose bytes a test can read back", async () => {
    const bytes = png(900, 300);
    const sent = await api.sendPhoto(user.chatId, new InputFile(bytes, "chart.png"), { caption: "<b>Users</b> by language", parse_mode: "HTML" });
    const message = user.lastMessage()!;
    expect(message).toMatchObject({ kind: "photo", text: "Users by language", entities: [{ type: "bold", offset: 0, length: 5 }], fromBot: true });
    expect(message.fileId).toBe(sent.photo.at(-1)!.file_id);
    expect(fake.file(message.fileId!)).toEqual(bytes);
    // Telegram lists smaller copies first and the photo's own size last.
    expect(sent.photo.map((s) => [s.width, s.height])).toEqual([[90, 30], [320, 107], [800, 267], [900, 300]]);
    expect(sent.photo.at(-1)!.file_size).toBe(bytes.length);
    expect(fake.rejected()).toEqual([]);
  });

  it("takes a JPEG, and a photo sent again by its file_id (same picture, nothing uploaded)", async () => {
    const first = await api.sendPhoto(user.chatId, new InputFile(jpeg(640, 480)));
    expect(first.photo.at(-1)).toMatchObject({ width: 640, height: 480 });
    const again = await api.sendPhoto(user.chatId, first.photo.at(-1)!.file_id, { caption: "again" });
    expect(again.photo).toEqual(first.photo);
    expect(user.messages().map((m) => [m.kind, m.text])).toEqual([["photo", ""], ["photo", "again"]]);
  });

  it("takes a plain form upload under the parameter's own name, as curl -F photo=@file sends it", async () => {
    const form = new FormData();
    form.set("chat_id", String(user.chatId));
    form.set("caption", "from a form");
    form.set("photo", new Blob([png(20, 10)], { type: "image/png" }), "photo.png");
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendPhoto`, { method: "POST", body: form });
    const json = (await res.json()) as { ok: boolean; result: Message.PhotoMessage };
    expect(json.ok).toBe(true);
    expect(json.result.photo.at(-1)).toMatchObject({ width: 20, height: 10 });
    expect(user.lastMessage()).toMatchObject({ kind: "photo", text: "from a form" });
  });

  it("refuses what Telegram refuses, and sends nothing then", async () => {
    const refused = async (photo: InputFile | string, caption?: string) => (await apiError(api.sendPhoto(user.chatId, photo, caption === undefined ? {} : { caption }))).description;
    expect(await refused(new InputFile(Buffer.from("GIF89a not really"), "x.gif"))).toBe("Bad Request: IMAGE_PROCESS_FAILED");
    expect(await refused(new InputFile(Buffer.concat([png(10, 10), Buffer.alloc(10 * 1024 * 1024)])))).toBe("Bad Request: PHOTO_SAVE_FILE_INVALID");
    expect(await refused(new InputFile(png(9000, 1001)))).toBe("Bad Request: PHOTO_INVALID_DIMENSIONS");
    expect(await refused(new InputFile(png(2100, 100)))).toBe("Bad Request: PHOTO_INVALID_DIMENSIONS");
    expect(await refused(new InputFile(png(10, 10)), "x".repeat(1025))).toBe("Bad Request: message caption is too long");
    expect(await refused("AgACAgIAAxkDUplUnknownFileId")).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    expect(user.messages()).toEqual([]);
    // The limits themselves are allowed.
    await api.sendPhoto(user.chatId, new InputFile(png(2000, 100)), { caption: "x".repeat(1024) });
    expect(user.messages()).toHaveLength(1);
  });

  it("refuses a broken multipart body, and file uploads to methods the fake takes no files for", async () => {
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendPhoto`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: '--b\r\ncontent-disposition: form-data; name="chat_id"\r\n\r\n1001',
    });
    expect(((await res.json()) as { description: string }).description).toBe("Bad Request: can't parse multipart/form-data request body");
    expect((await apiError(api.sendDocument(user.chatId, new InputFile(Buffer.from("%PDF-1.4"), "a.pdf")))).description).toBe(
      "Bad Request: file uploads are not supported by the fake",
    );
  });
});

describe("sendMediaGroup", () => {
  const photo = (width: number, caption?: string) => InputMediaBuilder.photo(new InputFile(png(width, 100)), caption === undefined ? {} : { caption });

  it("sends 2-10 uploaded photos as one album, each with its caption and bytes", async () => {
    const sent = await api.sendMediaGroup(user.chatId, [photo(300, "Users"), photo(400, "Most asked"), photo(500)]);
    expect(sent).toHaveLength(3);
    const album = user.messages();
    expect(album.map((m) => [m.kind, m.text])).toEqual([["photo", "Users"], ["photo", "Most asked"], ["photo", ""]]);
    expect(new Set(album.map((m) => m.mediaGroupId)).size).toBe(1);
    expect(album[0]!.mediaGroupId).toBeDefined();
    expect(album.map((m) => fake.file(m.fileId!)!.readUInt32BE(16))).toEqual([300, 400, 500]); // each its own picture
    expect(fake.rejected()).toEqual([]);
  });

  it("refuses fewer than 2 or more than 10 items, items that are not photos, and a whole album for one bad photo", async () => {
    const description = async (media: Parameters<Api["sendMediaGroup"]>[1]) => (await apiError(api.sendMediaGroup(user.chatId, media))).description;
    expect(await description([photo(300)])).toBe("Bad Request: an album has 2 to 10 items, got 1");
    expect(await description(Array.from({ length: 11 }, () => photo(300)))).toBe("Bad Request: an album has 2 to 10 items, got 11");
    expect(await description([photo(300), InputMediaBuilder.video(new InputFile(Buffer.from("x")))])).toBe("Bad Request: the fake supports only photos in media groups");
    expect(await description([photo(300), InputMediaBuilder.photo(new InputFile(Buffer.from("not an image")))])).toBe("Bad Request: IMAGE_PROCESS_FAILED");
    expect(await description([photo(300), photo(300, "x".repeat(1025))])).toBe("Bad Request: message caption is too long");
    expect(user.messages()).toEqual([]);
    await api.sendMediaGroup(user.chatId, Array.from({ length: 10 }, () => photo(300)));
    expect(user.messages()).toHaveLength(10);
  });
});

describe("to a user who never wrote to the bot", () => {
  it("refuses a photo and an album with 403, and nothing arrives", async () => {
    const stranger = fake.user();
    const photo = (width: number) => InputMediaBuilder.photo(new InputFile(png(width, 100)));
    const refused = await Promise.all([
      apiError(api.sendPhoto(stranger.chatId, new InputFile(png(300, 100)))),
      apiError(api.sendMediaGroup(stranger.chatId, [photo(300), photo(400)])),
    ]);
    expect(refused.map((err) => [err.error_code, err.description])).toEqual(Array(2).fill([403, "Forbidden: bot can't initiate conversation with a user"]));
    expect(fake.history(stranger.chatId)).toEqual([]);
  });
});
