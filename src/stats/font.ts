/**
 * The chart font: Noto Sans (SIL Open Font License 1.1), shipped as TTF files by
 * the npm package @expo-google-fonts/noto-sans, so a chart renders the same on a
 * developer's machine, in CI and in the Docker image (which has no fonts).
 *
 * The files are found through Node's module resolution from this module, which
 * works from src/ (tsx, vitest) and from the compiled dist/src/ alike.
 *
 * Also reads the advance widths of the font's glyphs (TrueType cmap + hmtx), so
 * labels can be measured and cut to fit before the SVG is drawn.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The family name inside the TTF files; the SVG asks for it by this name. */
export const FONT_FAMILY = "Noto Sans";

export const FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
} as const;

export type FontWeight = keyof typeof FONT_FILES;

/** Advance widths of one font, in font units, looked up by code point. */
class FontMetrics {
  private readonly cache = new Map<number, number>();

  constructor(
    private readonly unitsPerEm: number,
    private readonly advances: Uint16Array,
    private readonly glyphOf: (codePoint: number) => number,
  ) {}

  private advance(codePoint: number): number {
    let width = this.cache.get(codePoint);
    if (width === undefined) {
      const glyph = this.glyphOf(codePoint);
      // Glyphs past numberOfHMetrics share the last advance (a TrueType rule).
      width = this.advances[Math.min(glyph, this.advances.length - 1)] ?? 0;
      this.cache.set(codePoint, width);
    }
    return width;
  }

  /** Width of `text` in pixels at `fontSize` (no kerning: a close, slightly generous estimate). */
  measure(text: string, fontSize: number): number {
    let units = 0;
    for (const ch of text) units += this.advance(ch.codePointAt(0)!);
    return (units / this.unitsPerEm) * fontSize;
  }

  /** Whether the font has a glyph of its own for `codePoint` (not the "missing" box). */
  covers(codePoint: number): boolean {
    return this.glyphOf(codePoint) !== 0;
  }
}

function parseTrueType(data: Buffer, file: string): FontMetrics {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    tables.set(data.toString("latin1", record, record + 4), view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no '${tag}' table`);
    return offset;
  };

  const unitsPerEm = view.getUint16(table("head") + 18);
  const numberOfHMetrics = view.getUint16(table("hhea") + 34);
  const hmtx = table("hmtx");
  const advances = new Uint16Array(numberOfHMetrics);
  for (let i = 0; i < numberOfHMetrics; i++) advances[i] = view.getUint16(hmtx + i * 4);

  // The Unicode subtable: format 12 (full range) if there is one, else format 4 (BMP).
  const cmap = table("cmap");
  let format4: number | undefined;
  let format12: number | undefined;
  const numSubtables = view.getUint16(cmap + 2);
  for (let i = 0; i < numSubtables; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const format = view.getUint16(offset);
    if (format === 12) format12 ??= offset;
    else if (format === 4) format4 ??= offset;
  }

  let glyphOf: (codePoint: number) => number;
  if (format12 !== undefined) {
    const base = format12;
    const groups = view.getUint32(base + 12);
    glyphOf = (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const group = base + 16 + mid * 12;
        const start = view.getUint32(group);
        const end = view.getUint32(group + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return view.getUint32(group + 8) + (cp - start);
      }
      return 0;
    };
  } else if (format4 !== undefined) {
    const base = format4;
    const segCount = view.getUint16(base + 6) / 2;
    const endCodes = base + 14;
    const startCodes = endCodes + segCount * 2 + 2;
    const idDeltas = startCodes + segCount * 2;
    const idRangeOffsets = idDeltas + segCount * 2;
    glyphOf = (cp) => {
      if (cp > 0xffff) return 0;
      for (let i = 0; i < segCount; i++) {
        if (cp > view.getUint16(endCodes + i * 2)) continue;
        const start = view.getUint16(startCodes + i * 2);
        if (cp < start) return 0;
        const delta = view.getInt16(idDeltas + i * 2);
        const rangeOffsetAt = idRangeOffsets + i * 2;
        const rangeOffset = view.getUint16(rangeOffsetAt);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (cp - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  } else {
    throw new Error(`${file}: no Unicode cmap subtable`);
  }

  return new FontMetrics(unitsPerEm, advances, glyphOf);
}

const loaded = new Map<FontWeight, FontMetrics>();

/** The metrics of the chart font in the given weight, read from its file on first use. */
export function fontMetrics(weight: FontWeight = "regular"): FontMetrics {
  let metrics = loaded.get(weight);
  if (metrics === undefined) {
    const file = FONT_FILES[weight];
    metrics = parseTrueType(readFileSync(file), file);
    loaded.set(weight, metrics);
  }
  return metrics;
}

export type { FontMetrics };
