import { initWasm, Resvg } from '@resvg/resvg-wasm';
// Roboto (Regular, Medium) as base64 TTF inside a JavaScript module: satori reads TTF/OTF/WOFF but
// not WOFF2, and Deno (locally and on hosted Supabase) imports only modules from npm packages, not
// a package's .ttf/.woff files, so a font package of plain font files cannot be read from here.
import vfs from 'pdfmake/build/vfs_fonts.js';
import QRCode from 'qrcode';
import satori from 'satori';
import type { CardSize } from './handler.ts';
import { resvgWasm } from './resvg-wasm.js';
import { scanToOrder } from './words.ts';

/** What one card shows. */
export interface Card {
  restaurantName: string;
  locale: string;
  tableLabel: string;
  /** The guest page the QR code opens: `<base_url>/t/<qr_token>`. */
  url: string;
}

interface Layout {
  /** Layout size in CSS pixels, 4 px per millimetre. */
  width: number;
  height: number;
  /** PNG pixels per layout pixel. */
  zoom: number;
  /** Printed size for the HTML sheet. */
  widthMm: number;
  heightMm: number;
  pad: number;
  name: number;
  label: number;
  qr: number;
  scan: number;
}

/**
 * A6 is 105 × 148 mm, drawn at 3 × (1260 × 1776 px, about 305 dpi). 80 mm receipt paper prints
 * 72 mm wide at 203 dpi, i.e. 576 dots: the strip is 72 × 96 mm at 2 × (576 × 768 px).
 */
export const LAYOUTS: Record<CardSize, Layout> = {
  a6: {
    width: 420,
    height: 592,
    zoom: 3,
    widthMm: 105,
    heightMm: 148,
    pad: 28,
    name: 30,
    label: 60,
    qr: 264,
    scan: 26,
  },
  '80mm': {
    width: 288,
    height: 384,
    zoom: 2,
    widthMm: 72,
    heightMm: 96,
    pad: 12,
    name: 22,
    label: 44,
    qr: 196,
    scan: 20,
  },
};

/** Pixel size of a card's PNG. */
export const pngSize = (size: CardSize) => ({
  width: LAYOUTS[size].width * LAYOUTS[size].zoom,
  height: LAYOUTS[size].height * LAYOUTS[size].zoom,
});

const base64Bytes = (b64: string) => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)).buffer;
const fonts = [
  { name: 'Roboto', data: base64Bytes(vfs['Roboto-Regular.ttf']), weight: 400 as const, style: 'normal' as const },
  { name: 'Roboto', data: base64Bytes(vfs['Roboto-Medium.ttf']), weight: 500 as const, style: 'normal' as const },
];

// One compile per isolate; initWasm refuses a second call.
let resvgReady: Promise<void> | null = null;
const resvg = () => (resvgReady ??= initWasm(resvgWasm));

type Node = { type: string; props: Record<string, unknown> };
const div = (style: Record<string, unknown>, children: unknown): Node => ({ type: 'div', props: { style, children } });

const LINE_HEIGHT = 1.15;
/** Roboto's average advance per em, a little generous so an estimate rarely wraps more than planned. */
const EM_PER_CHAR = 0.58;

/**
 * The font size at which `value` fits in `lines` lines of `width`, never above `max` nor below half
 * of it. The box is cut at `lines` lines, so a text longer than estimated never pushes the QR code.
 */
export function fitFontSize(value: string, width: number, lines: number, max: number): number {
  const fits = (lines * width) / (EM_PER_CHAR * Math.max(1, [...value].length));
  return Math.floor(Math.max(max / 2, Math.min(max, fits)));
}

const text = (size: number, weight: number, lines: number, value: string) =>
  div(
    {
      display: 'flex',
      justifyContent: 'center',
      width: '100%',
      maxHeight: Math.ceil(lines * size * LINE_HEIGHT),
      overflow: 'hidden',
      flexShrink: 0,
      fontSize: size,
      fontWeight: weight,
      lineHeight: LINE_HEIGHT,
      textAlign: 'center',
    },
    value,
  );

async function cardTree(card: Card, l: Layout): Promise<Node> {
  // Level H: the code still scans with a stain or a scratch on the card; 2 modules of quiet zone.
  const qrSvg: string = await QRCode.toString(card.url, { type: 'svg', errorCorrectionLevel: 'H', margin: 2 });
  const qrSrc = `data:image/svg+xml;base64,${btoa(qrSvg)}`;
  const inner = l.width - 2 * l.pad;
  const scan = scanToOrder(card.locale);
  return div(
    {
      // Satori sizes boxes without their padding (content-box).
      width: inner,
      height: l.height - 2 * l.pad,
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'space-between',
      padding: l.pad,
      backgroundColor: '#ffffff',
      color: '#000000',
      fontFamily: 'Roboto',
    },
    [
      // The name may take two lines; the label one at full size, or two smaller.
      text(fitFontSize(card.restaurantName, inner, 2, l.name), 400, 2, card.restaurantName),
      text(fitFontSize(card.tableLabel, inner, 1, l.label), 500, 2, card.tableLabel),
      // The code keeps its size whatever the words do: a squeezed code may not scan.
      { type: 'img', props: { src: qrSrc, width: l.qr, height: l.qr, style: { flexShrink: 0 } } },
      text(fitFontSize(scan, inner, 1, l.scan), 500, 1, scan),
    ],
  );
}

/**
 * The card as SVG. Satori draws text as paths (`embedFont`, the default) so the card looks the same
 * wherever it is opened; `embedFont: false` writes `<text>` elements instead, which tests read.
 */
export async function renderCardSvg(card: Card, size: CardSize, opts: { embedFont?: boolean } = {}): Promise<string> {
  const l = LAYOUTS[size];
  // biome-ignore lint/suspicious/noExplicitAny: satori takes React elements; this is their plain-object form.
  return satori((await cardTree(card, l)) as any, {
    width: l.width,
    height: l.height,
    fonts,
    embedFont: opts.embedFont ?? true,
  });
}

/** The card as PNG at the size's print resolution (see LAYOUTS). */
export async function renderCardPng(card: Card, size: CardSize): Promise<Uint8Array<ArrayBuffer>> {
  const [svg] = await Promise.all([renderCardSvg(card, size), resvg()]);
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: LAYOUTS[size].zoom }, background: '#ffffff' });
  try {
    return new Uint8Array(rendered.render().asPng());
  } finally {
    rendered.free();
  }
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

/** UTF-8 safe base64 (btoa takes Latin-1 only). */
function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Every card on one print-ready page, one card per printed page: A6 sheets, or 72 × 96 mm strips
 * on 80 mm receipt paper. Each card is an `<img>` of its SVG, so cards never share satori's
 * element ids and print as vectors.
 */
export async function renderSheetHtml(cards: Card[], size: CardSize, title: string): Promise<string> {
  const l = LAYOUTS[size];
  const page =
    size === 'a6' ? `size: ${l.widthMm}mm ${l.heightMm}mm; margin: 0` : `size: 80mm ${l.heightMm + 8}mm; margin: 4mm`;
  const svgs = await Promise.all(cards.map((card) => renderCardSvg(card, size)));
  const images = cards
    .map(
      (card, i) =>
        `<img src="data:image/svg+xml;base64,${base64Utf8(svgs[i] as string)}" alt="${escapeHtml(card.tableLabel)}">`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(cards[0]?.locale.slice(0, 2) ?? 'en')}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
@page { ${page}; }
html, body { margin: 0; }
img { display: block; width: ${l.widthMm}mm; height: ${l.heightMm}mm; break-after: page; }
img:last-child { break-after: auto; }
@media screen {
  body { background: #ddd; padding: 8mm; display: flex; flex-wrap: wrap; gap: 8mm; }
  img { background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
}
</style>
</head>
<body>
${images}
</body>
</html>
`;
}
