import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  CHART_WIDTH,
  MAX_BARS,
  THIN_SPACE,
  barChartSvg,
  drawableText,
  escapeXml,
  fitText,
  formatNumber,
  renderBarChart,
  renderStackedBars,
  stackedBarsSvg,
  svgToPng,
  type BarChartSpec,
} from "../../src/stats/chart.js";
import { FONT_FILES, fontMetrics } from "../../src/stats/font.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Image {
  width: number;
  height: number;
  /** RGBA, row after row. */
  pixels: Buffer;
}

/** A small PNG reader for what resvg writes: 8-bit RGBA, not interlaced. */
function decodePng(png: Buffer): Image {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // bit depth, RGBA, no interlace
    } else if (type === "IDAT") {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** Width and height from the IHDR chunk, read straight from the bytes. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels in the box that are clearly darker than the white background (text, bars). */
function ink(image: Image, box: { x0: number; y0: number; x1: number; y1: number }): { count: number; minX: number; maxX: number } {
  let count = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let y = Math.max(0, box.y0); y < Math.min(image.height, box.y1); y++) {
    for (let x = Math.max(0, box.x0); x < Math.min(image.width, box.x1); x++) {
      const i = (y * image.width + x) * 4;
      const lightness = (image.pixels[i]! + image.pixels[i + 1]! + image.pixels[i + 2]!) / 3;
      if (lightness < 160) {
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
  }
  return { count, minX, maxX };
}

/** The x where the bars begin: the axis line of the chart. */
const axisX = (svg: string) => Number(/<line x1="([\d.]+)"/.exec(svg)![1]);
/** The y range of the chart's rows: from the axis line. */
const rowsBand = (svg: string) => {
  const m = /<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)"/.exec(svg)!;
  return { y0: Number(m[1]), y1: Number(m[2]) };
};

/** Ink of the label column of a one-bar chart with this label. */
function labelInk(label: string) {
  const spec: BarChartSpec = { title: "", emptyText: "", bars: [{ label, value: 5 }] };
  const svg = barChartSvg(spec);
  const image = decodePng(svgToPng(svg));
  return ink(image, { x0: 0, x1: axisX(svg) - 2, ...rowsBand(svg) });
}

/** One character drawn by itself through the same renderer and font as the charts. */
function glyphImage(ch: string): Image {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" fill="#fff"/>` +
    `<text x="10" y="42" font-family="Noto Sans" font-size="32">${escapeXml(ch)}</text></svg>`;
  return decodePng(svgToPng(svg));
}

const bars = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Row ${i + 1}`, value: (i + 1) * 10 }));

describe("bar chart PNG", () => {
  it("is a PNG of the chart's width, its height from the IHDR chunk", () => {
    const png = renderBarChart({ title: "Applications", emptyText: "No data", bars: bars(3) });
    const size = pngSize(png);
    expect(size.width).toBe(CHART_WIDTH);
    expect(size.height).toBeGreaterThan(100);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([size.width, size.height]);
  });

  it("grows in height with the number of bars, row by row", () => {
    const heights = [1, 2, 5, 20].map((n) => pngSize(renderBarChart({ title: "T", emptyText: "-", bars: bars(n) })).height);
    expect(heights[1]! - heights[0]!).toBeGreaterThan(20);
    expect(heights[3]! - heights[2]!).toBe(15 * (heights[1]! - heights[0]!));
    expect(heights[3]!).toBeLessThan(1000); // 20 bars still fit a phone screen or two
  });

  it("refuses more bars than a readable image holds", () => {
    expect(() => barChartSvg({ title: "T", emptyText: "-", bars: bars(MAX_BARS + 1) })).toThrow(RangeError);
    expect(() => barChartSvg({ title: "T", emptyText: "-", bars: bars(MAX_BARS) })).not.toThrow();
  });

  it("draws bars in proportion to the values", () => {
    const svg = barChartSvg({ title: "T", emptyText: "-", bars: [{ label: "a", value: 100 }, { label: "b", value: 50 }, { label: "c", value: 0 }] });
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="22"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2); // a zero draws no bar
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.5, 2);
    // ...and the image shows them: the longer bar has about twice the ink of the shorter one.
    const image = decodePng(svgToPng(svg));
    const x0 = axisX(svg) + 2;
    const { y0 } = rowsBand(svg);
    const first = ink(image, { x0, x1: x0 + widths[0]! - 2, y0, y1: y0 + 34 }).count;
    const second = ink(image, { x0, x1: x0 + widths[0]! - 2, y0: y0 + 34, y1: y0 + 68 }).count;
    expect(second / first).toBeGreaterThan(0.4);
    expect(second / first).toBeLessThan(0.6);
  });

  it("renders the same bytes every time", () => {
    const spec: BarChartSpec = { title: "Заявки", emptyText: "-", bars: bars(4) };
    expect(renderBarChart(spec).equals(renderBarChart(spec))).toBe(true);
  });
});

describe("text in the image", () => {
  it("draws Cyrillic, Uzbek Cyrillic and Uzbek Latin with ʻ using the shipped font", () => {
    for (const label of ["Корея", "Ўзбекистон", "қишлоқ хўжалиги", "Oʻzbekiston", "ʻʻʻ"]) {
      expect(labelInk(label).count, label).toBeGreaterThan(10);
    }
    expect(labelInk("").count).toBe(0);
  });

  it("has a real glyph, not the font's empty box, for every letter the bot writes", () => {
    // Each character drawn alone, compared with a private-use character, which no
    // font has: a character the font lacked would be drawn as the same box.
    const tofu = glyphImage("\u{E000}");
    expect(ink(tofu, { x0: 0, x1: tofu.width, y0: 0, y1: tofu.height }).count).toBeGreaterThan(10); // the box is drawn
    expect(glyphImage("\u{1F600}").pixels.equals(tofu.pixels)).toBe(true); // the control: an emoji is that box too
    for (const ch of "AzЖжЎўҚқҒғҲҳЁёЪъЫыЭэ" + "ʻʼ‘’«»—…№" + "0123456789") {
      expect(glyphImage(ch).pixels.equals(tofu.pixels), ch).toBe(false);
    }
  });

  it("leaves out characters the font cannot draw instead of drawing boxes", () => {
    expect(drawableText("📢 Qabul 2025 🎓")).toBe(" Qabul 2025 ");
    expect(drawableText("Корея\u4e2d")).toBe("Корея");
    const svg = barChartSvg({ title: "🎓 Stats", emptyText: "-", bars: [{ label: "📢 Qabul", value: 1 }] });
    expect(svg).not.toContain("📢");
    expect(svg).toContain(">Qabul</text>");
    expect(svg).toContain(">Stats</text>");
    expect(labelInk("📢")).toEqual(labelInk(""));
  });

  it("gives oʻ more ink than o alone (the ʻ is a glyph, not a gap)", () => {
    expect(labelInk("oʻoʻoʻoʻ").count).toBeGreaterThan(labelInk("oooo").count + 10);
  });

  it("lays text out as wide as the font metrics say", () => {
    const title = "Статистика: oʻquv yili";
    const svg = barChartSvg({ title, emptyText: "-", bars: bars(1) });
    const image = decodePng(svgToPng(svg));
    const titleInk = ink(image, { x0: 0, x1: CHART_WIDTH, y0: 20, y1: 52 });
    const expected = fontMetrics("bold").measure(title, 22);
    expect(titleInk.minX).toBeGreaterThanOrEqual(24);
    expect(titleInk.minX).toBeLessThan(28);
    expect(Math.abs(titleInk.maxX - 24 - expected)).toBeLessThan(4);
  });

  it("cuts a long label with … and keeps it inside the label column", () => {
    const long = "Oʻzbekiston — Germaniya qoʻshma magistratura va doktorantura dasturi, 2025/2026 oʻquv yili";
    const svg = barChartSvg({ title: "T", emptyText: "-", bars: [{ label: long, value: 1 }] });
    expect(svg).toContain("…");
    expect(svg).not.toContain("oʻquv yili");
    const image = decodePng(svgToPng(svg));
    const label = ink(image, { x0: 0, x1: axisX(svg) - 2, ...rowsBand(svg) });
    expect(label.minX).toBeGreaterThanOrEqual(24);
    expect(axisX(svg)).toBeLessThan(CHART_WIDTH * 0.45);
  });

  it("fitText leaves short text alone and cuts long text to the width", () => {
    expect(fitText("Korea", 200, 15)).toBe("Korea");
    const cut = fitText("Ўзбекистон Республикаси Олий таълим вазирлиги", 120, 15);
    expect(cut.endsWith("…")).toBe(true);
    expect(fontMetrics().measure(cut, 15)).toBeLessThanOrEqual(120);
    expect(cut.length).toBeGreaterThan(5);
    // A letter with a combining mark is not split from its mark.
    expect(fitText("e\u0301".repeat(100), 40, 15)).toMatch(/^(e\u0301)+…$/u);
  });
});

describe("XML safety", () => {
  it("escapes the special characters in labels, title, suffix and empty text", () => {
    const nasty = `<script>&"'`;
    const svg = barChartSvg({ title: nasty, emptyText: nasty, valueSuffix: nasty, bars: [{ label: nasty, value: 3 }] });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;&amp;&quot;&apos;");
    const png = svgToPng(svg); // resvg parses it as XML: it throws on a broken document
    expect(pngSize(png).width).toBe(CHART_WIDTH);
    expect(labelInk("<script>&").count).toBeGreaterThan(10);
  });

  it("would fail to render had the label not been escaped (the check above means something)", () => {
    const raw = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text><script>&</text></svg>`;
    expect(() => svgToPng(raw)).toThrow();
  });

  it("drops characters XML cannot hold", () => {
    expect(escapeXml("a\u0000b\u0007c\nd\ud800")).toBe("abc d");
    const svg = barChartSvg({ title: "T\u0001", emptyText: "-", bars: [{ label: "x\u001by", value: 1 }] });
    expect(pngSize(svgToPng(svg)).width).toBe(CHART_WIDTH);
  });
});

describe("no data", () => {
  it("shows the title and the empty text instead of bars", () => {
    const svg = barChartSvg({ title: "Заявки", emptyText: "Пока нет данных", bars: [] });
    expect(svg).toContain("Пока нет данных");
    expect(svg).toContain("Заявки");
    expect(svg).not.toContain("<line");
    const image = decodePng(svgToPng(svg));
    expect(image.width).toBe(CHART_WIDTH);
    // The empty text is drawn, centred.
    const line = ink(image, { x0: 0, x1: CHART_WIDTH, y0: 80, y1: image.height - 20 });
    expect(line.count).toBeGreaterThan(50);
    expect(Math.abs((line.minX + line.maxX) / 2 - CHART_WIDTH / 2)).toBeLessThan(6);
  });

  it("does the same for stacked bars, legend left out", () => {
    const svg = stackedBarsSvg({ title: "Рассылки", series: [{ name: "Отправлено" }], bars: [], emptyText: "Рассылок не было" });
    expect(svg).toContain("Рассылок не было");
    expect(svg).not.toContain("Отправлено");
    expect(pngSize(svgToPng(svg)).width).toBe(CHART_WIDTH);
  });
});

describe("formatNumber", () => {
  it("groups thousands with a thin space", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe(`1${THIN_SPACE}000`);
    expect(formatNumber(1234567)).toBe(`1${THIN_SPACE}234${THIN_SPACE}567`);
  });

  it("keeps one decimal at most, with the separator asked for", () => {
    expect(formatNumber(12.25)).toBe("12,3");
    expect(formatNumber(12.25, ".")).toBe("12.3");
    expect(formatNumber(7.0)).toBe("7");
    expect(formatNumber(99.96)).toBe("100");
    expect(formatNumber(1234.5)).toBe(`1${THIN_SPACE}234,5`);
  });

  it("writes negatives with a minus sign and non-numbers as a dash", () => {
    expect(formatNumber(-1500)).toBe(`\u22121${THIN_SPACE}500`);
    expect(formatNumber(-0.01)).toBe("0");
    expect(formatNumber(Number.NaN)).toBe("—");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("—");
  });

  it("puts the formatted value and its suffix at the bar's end", () => {
    const svg = barChartSvg({ title: "T", emptyText: "-", valueSuffix: " ta", bars: [{ label: "a", value: 45210 }, { label: "b", value: -3 }] });
    expect(svg).toContain(`>45${THIN_SPACE}210 ta</text>`);
    expect(svg).toContain(">\u22123 ta</text>");
  });
});

describe("stacked bars", () => {
  const spec = {
    title: "Рассылки",
    emptyText: "-",
    series: [
      { name: "Отправлено", color: "#54A24B" },
      { name: "Заблокировали", color: "#e45756" },
      { name: "Ошибка" },
      { name: "В очереди" },
    ],
    bars: [
      { label: "Qabul 2025", values: [1520, 34, 3, 0] },
      { label: "Стипендия", values: [800, 12, 50, 400] },
    ],
  };

  it("draws one stacked bar per row, a legend and the totals", () => {
    const svg = stackedBarsSvg(spec);
    for (const name of ["Отправлено", "Заблокировали", "Ошибка", "В очереди"]) expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain(`>1${THIN_SPACE}557</text>`);
    expect(svg).toContain(`>1${THIN_SPACE}262</text>`);
    expect(svg).toContain(`>1${THIN_SPACE}520</text>`); // a part wide enough shows its number
    expect(svg).toContain('fill="#54a24b"');
    // A series without a colour takes the palette's next one that no other series has.
    expect(svg).toContain('fill="#4c78a8"');
    expect(svg).toContain('fill="#f58518"');

    // Parts of a row are laid end to end, in proportion to their values.
    const parts = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="22" fill="(#[0-9a-f]+)"/g)].map((m) => ({
      x: Number(m[1]),
      w: Number(m[2]),
    }));
    expect(parts).toHaveLength(3 + 4); // the zero draws nothing
    expect(parts[1]!.x).toBeCloseTo(parts[0]!.x + parts[0]!.w, 0);
    expect(parts[0]!.w / parts[3]!.w).toBeCloseTo(1520 / 800, 1);

    const png = renderStackedBars(spec);
    const image = decodePng(png);
    expect(image.width).toBe(CHART_WIDTH);
    // The green of the first part is really in the picture.
    const { y0 } = rowsBand(svg);
    const i = ((y0 + 17) * image.width + Math.round(parts[0]!.x + 5)) * 4;
    expect([image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]]).toEqual([0x54, 0xa2, 0x4b]);
  });

  it("grows with the rows and wraps a long legend", () => {
    const one = pngSize(renderStackedBars({ ...spec, bars: spec.bars.slice(0, 1) })).height;
    const two = pngSize(renderStackedBars(spec)).height;
    expect(two - one).toBe(34);
    const manySeries = Array.from({ length: 12 }, (_, i) => ({ name: `Серия номер ${i + 1}` }));
    const wide = stackedBarsSvg({ ...spec, series: manySeries, bars: [{ label: "x", values: manySeries.map(() => 1) }] });
    const narrow = stackedBarsSvg({ ...spec, series: manySeries.slice(0, 2), bars: [{ label: "x", values: [1, 1] }] });
    expect(rowsBand(wide).y0).toBeGreaterThan(rowsBand(narrow).y0);
  });

  it("refuses rows that do not match the series, and colours that are not hex", () => {
    expect(() => stackedBarsSvg({ ...spec, bars: [{ label: "x", values: [1, 2] }] })).toThrow(RangeError);
    expect(() => stackedBarsSvg({ ...spec, series: [{ name: "a", color: 'red" onload="x' }], bars: [] })).toThrow(TypeError);
  });

  it("escapes series names and labels", () => {
    const svg = stackedBarsSvg({ ...spec, series: [{ name: "<b>&" }], bars: [{ label: "a<b", values: [1] }] });
    expect(svg).toContain("&lt;b&gt;&amp;");
    expect(svg).toContain("a&lt;b");
    expect(pngSize(svgToPng(svg)).width).toBe(CHART_WIDTH);
  });
});

describe("font", () => {
  it("comes from node_modules as TTF files that cover the bot's alphabets", () => {
    expect(FONT_FILES.regular).toMatch(/node_modules.*NotoSans_400Regular\.ttf$/);
    const metrics = fontMetrics();
    for (const ch of "AZaz АЯая ЎўҚқҒғҲҳ ʻʼ‘’…\u2009—−") expect(metrics.covers(ch.codePointAt(0)!), ch).toBe(true);
  });
});
