// What Telegram checks of an uploaded photo: that it is an image (the fake
// reads PNG and JPEG), at most 10 MB, width + height at most 10000, and a
// side ratio of at most 20. The size comes from the file's own header.
import { badRequest } from "./errors.js";

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_SIDES = 10_000;
const MAX_RATIO = 20;

export interface ImageSize {
  format: "png" | "jpeg";
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG: the signature, then the IHDR chunk holding width and height. */
function pngSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { format: "png", width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** JPEG: segments after the start marker, up to a start-of-frame (SOF0-15 but DHT, JPG and DAC) holding height and width. */
function jpegSize(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let pos = 2;
  while (pos + 9 <= bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: "jpeg", height: bytes.readUInt16BE(pos + 5), width: bytes.readUInt16BE(pos + 7) };
    }
    pos += 2 + bytes.readUInt16BE(pos + 2);
  }
  return undefined;
}

/** The photo's size, or the error Telegram answers for it. */
export function checkPhoto(bytes: Buffer): ImageSize {
  if (bytes.length > MAX_PHOTO_BYTES) throw badRequest("PHOTO_SAVE_FILE_INVALID");
  const size = pngSize(bytes) ?? jpegSize(bytes);
  if (!size || size.width === 0 || size.height === 0) throw badRequest("IMAGE_PROCESS_FAILED");
  const { width, height } = size;
  if (width + height > MAX_SIDES || Math.max(width, height) / Math.min(width, height) > MAX_RATIO) throw badRequest("PHOTO_INVALID_DIMENSIONS");
  return size;
}
