/**
 * Charts for the statistics: an SVG drawn here, turned into a PNG by resvg
 * (@resvg/resvg-js, a prebuilt binary from the npm registry) with the font that
 * ships in node_modules (see font.ts). No system library or system font is used,
 * so the picture is the same here, in CI and in the Docker image.
 *
 * Pure: knows nothing of Telegram or of the bot's languages; every user-facing
 * text (title, labels, the "no data" line) comes in translated.
 */
import { createRequire } from "node:module";
import { FONT_FAMILY, FONT_FILES, fontMetrics, type FontWeight } from "./font.js";

export interface BarChartSpec {
  title: string;
  bars: { label: string; value: number }[];
  /** Put right after each value, as is: "%" or " ta" (give the space yourself). */
  valueSuffix?: string;
  /** Shown instead of the bars when there are none ("No data yet"). */
  emptyText: string;
  /** Between the whole and the fractional part of a value; "," unless told. */
  decimalSeparator?: string;
}

export interface StackedBarsSpec {
  title: string;
  /** The parts of each bar, in order, for the legend; color is "#rgb" or "#rrggbb". */
  series: { name: string; color?: string }[];
  /** One bar per row; values[i] belongs to series[i]. */
  bars: { label: string; values: number[] }[];
  /** Shown instead of the bars when there are none. */
  emptyText: string;
  decimalSeparator?: string;
}

/** More rows than this make an image Telegram would shrink to an unreadable strip. */
export const MAX_BARS = 60;
export const CHART_WIDTH = 900;

/** Thin space (U+2009): the thousands separator, "12 345". */
export const THIN_SPACE = "\u2009";
const MINUS = "\u2212";
const ELLIPSIS = "\u2026";

const PAD = 24;
const TITLE_SIZE = 22;
const TEXT_SIZE = 15;
const SMALL_SIZE = 13;
const ROW = 34;
const BAR_HEIGHT = 22;
/** Labels take at most this share of the width; longer ones are cut with "…". */
const LABEL_SHARE = 0.38;
const GAP = 10;

const INK = "#1f2937";
const MUTED = "#6b7280";
const AXIS = "#9ca3af";
const BACKGROUND = "#ffffff";
const BAR_COLOR = "#4c78a8";
/** Tableau 10: distinct, readable on white, and kind to the common colour blindnesses. */
export const PALETTE = [
  "#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b",
  "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac",
] as const;

// ---------------------------------------------------------------- text helpers

/** Drops what XML 1.0 cannot hold (control characters, lone surrogates) and flattens line breaks. */
function cleanText(text: string): string {
  return text
    .replace(/[\t\n\r]+/g, " ")
    .replace(/[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
}

/** Escapes the five XML special characters, for element text and attribute values alike. */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === '"' ? "&quot;" : "&apos;",
  );
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * What of `text` the font can draw: characters it has no glyph for (emoji, CJK)
 * would show as empty boxes ("tofu"), so they are left out; the double spaces
 * that leaves behind become one.
 */
export function drawableText(text: string): string {
  const metrics = fontMetrics();
  let out = "";
  for (const ch of cleanText(text)) {
    if (ch === " " || metrics.covers(ch.codePointAt(0)!)) out += ch;
  }
  return out.replace(/ {2,}/g, " ");
}

/** `text`, cut at a grapheme boundary and ended with "…" if it is wider than `maxWidth` px. */
export function fitText(text: string, maxWidth: number, fontSize: number, weight: FontWeight = "regular"): string {
  const metrics = fontMetrics(weight);
  const clean = drawableText(text).trim();
  if (metrics.measure(clean, fontSize) <= maxWidth) return clean;
  const parts = Array.from(graphemes.segment(clean), (s) => s.segment);
  const room = maxWidth - metrics.measure(ELLIPSIS, fontSize);
  let width = 0;
  let kept = 0;
  for (const part of parts) {
    const w = metrics.measure(part, fontSize);
    if (width + w > room) break;
    width += w;
    kept++;
  }
  return parts.slice(0, kept).join("").trimEnd() + ELLIPSIS;
}

/**
 * A value as people read it: thousands grouped with a thin space, at most one
 * decimal, a real minus sign. 1234567 -> "1 234 567", 12.25 -> "12,3".
 */
export function formatNumber(value: number, decimalSeparator = ","): string {
  if (!Number.isFinite(value)) return "—";
  const rounded = Math.round(Math.abs(value) * 10) / 10;
  const [whole = "0", fraction] = rounded.toFixed(1).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, THIN_SPACE);
  const sign = value < 0 && rounded !== 0 ? MINUS : "";
  return sign + grouped + (fraction && fraction !== "0" ? decimalSeparator + fraction : "");
}

const width = (text: string, size: number, weight: FontWeight = "regular") => fontMetrics(weight).measure(text, size);
/** Bars are never negative or NaN; such values draw nothing (their text still says what they are). */
const drawable = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  const extra = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  return `<text x="${round(x)}" y="${round(y)}"${extra}>${escapeXml(content)}</text>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

function svgDocument(height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}"` +
      ` font-family="${FONT_FAMILY}" font-size="${TEXT_SIZE}" fill="${INK}">`,
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}

/** The title line; returns the y where the content below it may start. */
function title(body: string[], content: string): number {
  const line = fitText(content, CHART_WIDTH - 2 * PAD, TITLE_SIZE, "bold");
  body.push(text(PAD, PAD + TITLE_SIZE * 0.8, line, { "font-size": TITLE_SIZE, "font-weight": 700 }));
  return PAD + TITLE_SIZE + 16;
}

function emptyChart(titleText: string, emptyText: string): string {
  const body: string[] = [];
  const top = title(body, titleText);
  const height = top + 96;
  const line = fitText(emptyText, CHART_WIDTH - 2 * PAD, TEXT_SIZE + 2);
  body.push(`<rect x="${PAD}" y="${top}" width="${CHART_WIDTH - 2 * PAD}" height="64" rx="8" fill="#f3f4f6"/>`);
  body.push(text(CHART_WIDTH / 2, top + 32 + (TEXT_SIZE + 2) * 0.35, line, {
    "text-anchor": "middle",
    "font-size": TEXT_SIZE + 2,
    fill: MUTED,
  }));
  return svgDocument(height, body);
}

function checkCount(count: number): void {
  if (count > MAX_BARS) throw new RangeError(`a chart holds at most ${MAX_BARS} bars, got ${count}`);
}

/** Where the labels end and the bars begin, from the widest label (cut to LABEL_SHARE). */
function labelColumn(labels: string[]): { labels: string[]; barX: number } {
  const limit = (CHART_WIDTH - 2 * PAD) * LABEL_SHARE;
  const fitted = labels.map((l) => fitText(l, limit, TEXT_SIZE));
  const widest = Math.max(0, ...fitted.map((l) => width(l, TEXT_SIZE)));
  return { labels: fitted, barX: PAD + (widest > 0 ? Math.ceil(widest) + GAP : 0) };
}

// ---------------------------------------------------------------- bar chart

/** The SVG of a horizontal bar chart: label on the left, value at the bar's end. */
export function barChartSvg(spec: BarChartSpec): string {
  checkCount(spec.bars.length);
  if (spec.bars.length === 0) return emptyChart(spec.title, spec.emptyText);

  const body: string[] = [];
  const top = title(body, spec.title);
  const { labels, barX } = labelColumn(spec.bars.map((b) => b.label));
  const suffix = drawableText(spec.valueSuffix ?? "");
  const values = spec.bars.map((b) => formatNumber(b.value, spec.decimalSeparator) + suffix);
  const valueWidth = Math.max(...values.map((v) => width(v, TEXT_SIZE)));
  const barRoom = Math.max(40, CHART_WIDTH - PAD - barX - GAP - valueWidth);
  const max = Math.max(0, ...spec.bars.map((b) => drawable(b.value)));

  spec.bars.forEach((bar, i) => {
    const y = top + i * ROW;
    const mid = y + ROW / 2;
    const length = max > 0 ? (drawable(bar.value) / max) * barRoom : 0;
    // A value above zero always shows, however small next to the largest.
    const shown = drawable(bar.value) > 0 ? Math.max(2, length) : 0;
    if (labels[i]) body.push(text(barX - GAP, mid + TEXT_SIZE * 0.35, labels[i]!, { "text-anchor": "end" }));
    if (shown > 0) {
      body.push(`<rect x="${barX}" y="${round(mid - BAR_HEIGHT / 2)}" width="${round(shown)}" height="${BAR_HEIGHT}" rx="3" fill="${BAR_COLOR}"/>`);
    }
    body.push(text(barX + shown + 6, mid + TEXT_SIZE * 0.35, values[i]!, { fill: INK }));
  });

  const bottom = top + spec.bars.length * ROW;
  body.push(`<line x1="${barX}" y1="${top}" x2="${barX}" y2="${bottom}" stroke="${AXIS}" stroke-width="1"/>`);
  return svgDocument(bottom + PAD, body);
}

// ---------------------------------------------------------------- stacked bars

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The series' own colours, and for those without one the palette's next colour not taken already. */
function seriesColors(series: { color?: string }[]): string[] {
  const taken = new Set<string>();
  for (const { color } of series) {
    if (color === undefined) continue;
    if (!HEX_COLOR.test(color)) throw new TypeError(`a series color is "#rgb" or "#rrggbb", got ${JSON.stringify(color)}`);
    taken.add(color.toLowerCase());
  }
  const free = PALETTE.filter((c) => !taken.has(c));
  let next = 0;
  return series.map(({ color }) => color?.toLowerCase() ?? (free.length > 0 ? free[next++ % free.length]! : PALETTE[next++ % PALETTE.length]!));
}

/** Dark text on a light fill, white text on a dark one. */
function inkOn(fill: string): string {
  const hex = fill.length === 4 ? [...fill.slice(1)].map((c) => c + c).join("") : fill.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.35 ? INK : "#ffffff";
}

/** The legend under the title, wrapped to the width; returns the y below it. */
function legend(body: string[], series: { name: string; color: string }[], top: number): number {
  const swatch = 12;
  const lineHeight = 22;
  const maxName = CHART_WIDTH - 2 * PAD - swatch - 6;
  let x = PAD;
  let y = top;
  for (const s of series) {
    const name = fitText(s.name, maxName, SMALL_SIZE);
    const itemWidth = swatch + 6 + width(name, SMALL_SIZE);
    if (x > PAD && x + itemWidth > CHART_WIDTH - PAD) {
      x = PAD;
      y += lineHeight;
    }
    body.push(`<rect x="${round(x)}" y="${y + 3}" width="${swatch}" height="${swatch}" rx="2" fill="${s.color}"/>`);
    body.push(text(x + swatch + 6, y + 3 + swatch / 2 + SMALL_SIZE * 0.35, name, { "font-size": SMALL_SIZE }));
    x += itemWidth + 20;
  }
  return y + lineHeight + 8;
}

/** The SVG of one horizontal stacked bar per row, with a legend and each row's total at its end. */
export function stackedBarsSvg(spec: StackedBarsSpec): string {
  checkCount(spec.bars.length);
  spec.bars.forEach((bar, i) => {
    if (bar.values.length !== spec.series.length) {
      throw new RangeError(`bar ${i} has ${bar.values.length} values for ${spec.series.length} series`);
    }
  });
  const colors = seriesColors(spec.series);
  const series = spec.series.map((s, i) => ({ name: s.name, color: colors[i]! }));
  if (spec.bars.length === 0) return emptyChart(spec.title, spec.emptyText);

  const body: string[] = [];
  const top = legend(body, series, title(body, spec.title));
  const { labels, barX } = labelColumn(spec.bars.map((b) => b.label));
  const totals = spec.bars.map((b) => b.values.reduce((sum, v) => sum + drawable(v), 0));
  const totalTexts = totals.map((t) => formatNumber(t, spec.decimalSeparator));
  const totalWidth = Math.max(...totalTexts.map((t) => width(t, TEXT_SIZE, "bold")));
  const barRoom = Math.max(40, CHART_WIDTH - PAD - barX - GAP - totalWidth);
  const max = Math.max(0, ...totals);

  spec.bars.forEach((bar, i) => {
    const y = top + i * ROW;
    const mid = y + ROW / 2;
    if (labels[i]) body.push(text(barX - GAP, mid + TEXT_SIZE * 0.35, labels[i]!, { "text-anchor": "end" }));
    let x = barX;
    bar.values.forEach((value, j) => {
      const v = drawable(value);
      if (v === 0 || max === 0) return;
      const w = Math.max(1, (v / max) * barRoom);
      const fill = series[j]!.color;
      body.push(`<rect x="${round(x)}" y="${round(mid - BAR_HEIGHT / 2)}" width="${round(w)}" height="${BAR_HEIGHT}" fill="${fill}"/>`);
      // The part's own number, when it fits inside the part.
      const label = formatNumber(value, spec.decimalSeparator);
      if (width(label, SMALL_SIZE) + 8 <= w) {
        body.push(text(x + w / 2, mid + SMALL_SIZE * 0.35, label, { "text-anchor": "middle", "font-size": SMALL_SIZE, fill: inkOn(fill) }));
      }
      x += w;
    });
    body.push(text(x + 6, mid + TEXT_SIZE * 0.35, totalTexts[i]!, { "font-weight": 700 }));
  });

  const bottom = top + spec.bars.length * ROW;
  body.push(`<line x1="${barX}" y1="${top}" x2="${barX}" y2="${bottom}" stroke="${AXIS}" stroke-width="1"/>`);
  return svgDocument(bottom + PAD, body);
}

// ---------------------------------------------------------------- PNG

// The native renderer is loaded at the first chart, not at start: most days no one asks for /stats, and it costs a few MB resident.
let Resvg: typeof import("@resvg/resvg-js").Resvg | undefined;

/** An SVG (from this module) as PNG bytes, drawn with the shipped font only. */
export function svgToPng(svg: string): Buffer {
  Resvg ??= (createRequire(import.meta.url)("@resvg/resvg-js") as typeof import("@resvg/resvg-js")).Resvg;
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: "original" },
    logLevel: "off",
  });
  return resvg.render().asPng();
}

export const renderBarChart = (spec: BarChartSpec): Buffer => svgToPng(barChartSvg(spec));
export const renderStackedBars = (spec: StackedBarsSpec): Buffer => svgToPng(stackedBarsSvg(spec));
