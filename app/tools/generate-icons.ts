/**
 * Draws the app icons (an order ticket on a teal tile) as SVG and PNG without any image library:
 * the shapes are tested per pixel with 4×4 supersampling and written as RGBA PNGs by hand, so the
 * icons are reproducible from this file alone. Run with `tsx app/tools/generate-icons.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';

const teal: Rgb = [15, 118, 110];
const white: Rgb = [255, 255, 255];
type Rgb = [number, number, number];

const ticket = { left: 0.3, right: 0.7, top: 0.22, bottom: 0.76, teeth: 5, toothDepth: 0.04 };
const lines = [0.34, 0.44, 0.54].map((y) => ({ y, left: 0.37, right: 0.63, half: 0.022 }));

/** Colour of the point (x, y) in unit coordinates, or null where the icon is transparent. */
function colourAt(x: number, y: number, fullBleed: boolean): Rgb | null {
  if (!fullBleed && !insideRoundedSquare(x, y, 0.18)) return null;
  if (insideTicket(x, y)) {
    return lines.some((l) => x >= l.left && x <= l.right && Math.abs(y - l.y) <= l.half) ? teal : white;
  }
  return teal;
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideTicket(x: number, y: number): boolean {
  if (x < ticket.left || x > ticket.right || y < ticket.top) return false;
  // The torn bottom edge is a zigzag: its height depends on where x sits within one tooth.
  const toothWidth = (ticket.right - ticket.left) / ticket.teeth;
  const within = ((x - ticket.left) % toothWidth) / toothWidth;
  const edge = ticket.bottom - ticket.toothDepth * Math.abs(1 - 2 * within);
  return y <= edge;
}

function renderPng(size: number, fullBleed: boolean): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // leading 0 = PNG filter "none"
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, fullBleed);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = 1 + px * 4;
      if (a > 0) {
        row[o] = Math.round(r / a);
        row[o + 1] = Math.round(g / a);
        row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((255 * a) / samples ** 2);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function svg(fullBleed: boolean): string {
  const s = (v: number) => Math.round(v * 512 * 100) / 100;
  const toothWidth = (ticket.right - ticket.left) / ticket.teeth;
  const outline = [
    `M${s(ticket.left)} ${s(ticket.top)}`,
    `H${s(ticket.right)}`,
    `V${s(ticket.bottom - ticket.toothDepth)}`,
  ];
  for (let i = ticket.teeth - 1; i >= 0; i--) {
    const x0 = ticket.left + i * toothWidth;
    outline.push(`L${s(x0 + toothWidth / 2)} ${s(ticket.bottom)}`, `L${s(x0)} ${s(ticket.bottom - ticket.toothDepth)}`);
  }
  const tile = `<rect width="512" height="512"${fullBleed ? '' : ' rx="92"'} fill="#0f766e"/>`;
  const bars = lines
    .map(
      (l) =>
        `<rect x="${s(l.left)}" y="${s(l.y - l.half)}" width="${s(l.right - l.left)}" height="${s(2 * l.half)}" fill="#0f766e"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><title>Comanda</title>${tile}<path d="${outline.join(' ')} Z" fill="#fff"/>${bars}</svg>\n`;
}

const out = new URL('../public/icons/', import.meta.url);
await writeFile(new URL('icon.svg', out), svg(false));
await writeFile(new URL('maskable.svg', out), svg(true));
await writeFile(new URL('icon-192.png', out), renderPng(192, false));
await writeFile(new URL('icon-512.png', out), renderPng(512, false));
await writeFile(new URL('maskable-512.png', out), renderPng(512, true));
await writeFile(new URL('apple-touch-icon-180.png', out), renderPng(180, true));
console.log('icons written to app/public/icons/');
