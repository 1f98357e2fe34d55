import assert from 'node:assert/strict';
import { decode } from 'fast-png';
import jsqr from 'jsqr';
import { handleQr, MAX_URL_LENGTH } from './handler.ts';

// jsqr is CommonJS typed as an ES module: Deno's default import is module.exports, the function itself.
const jsQR = jsqr as unknown as typeof jsqr.default;

const get = (query: string, method = 'GET') => handleQr(new Request(`http://fn.local/qr${query}`, { method }));
const q = (url: string, extra = '') => `?url=${encodeURIComponent(url)}${extra}`;

/** What a phone's camera would read from the picture: jsQR on the PNG's decoded RGBA pixels. */
function readQr(png: Uint8Array): { text: string | null; width: number; height: number } {
  const image = decode(png);
  const pixels = image.width * image.height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  // fast-png gives 1 to 4 channels of 8 bits (qrcode writes 8-bit RGBA): widen to RGBA.
  assert.equal(image.depth, 8);
  for (let i = 0; i < pixels; i++) {
    const at = i * image.channels;
    const grey = image.channels < 3;
    rgba[i * 4] = image.data[at];
    rgba[i * 4 + 1] = image.data[grey ? at : at + 1];
    rgba[i * 4 + 2] = image.data[grey ? at : at + 2];
    rgba[i * 4 + 3] = image.channels === 4 || image.channels === 2 ? image.data[at + image.channels - 1] : 255;
  }
  return { text: jsQR(rgba, image.width, image.height)?.data ?? null, width: image.width, height: image.height };
}

Deno.test('a PNG decodes back to its URL, at the asked size', async () => {
  const url = 'https://comanda.example/t/Zx8_k2-QpL0aBcDeFgHi';
  const res = await get(q(url, '&format=png&size=300&margin=2'));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const read = readQr(new Uint8Array(await res.arrayBuffer()));
  assert.deepEqual(read, { text: url, width: 300, height: 300 });
});

Deno.test('defaults: SVG of 512 px with a 4-module margin at level H', async () => {
  const url = 'http://127.0.0.1:5173/t/x';
  const res = await get(q(url));
  assert.equal(res.headers.get('content-type'), 'image/svg+xml');
  const svg = await res.text();
  assert.match(svg, /^<svg [^>]*width="512" height="512" viewBox="0 0 (\d+) \1"/);
  // Level H of a 26-character URL needs version 3 (29 modules), plus 4 + 4 of margin; level M fits in 25.
  assert.match(svg, /viewBox="0 0 37 37"/);
  const png = await get(q(url, '&format=png'));
  assert.deepEqual(readQr(new Uint8Array(await png.arrayBuffer())), { text: url, width: 512, height: 512 });
});

Deno.test('a PNG is exactly the asked size, whatever the size', async () => {
  const url = 'http://127.0.0.1:5173/t/x';
  for (const size of [64, 255, 256, 257, 1000, 2048]) {
    const res = await get(q(url, `&format=png&size=${size}&margin=4`));
    assert.deepEqual(readQr(new Uint8Array(await res.arrayBuffer())), { text: url, width: size, height: size });
  }
});

Deno.test('refuses a size too small to give each module a pixel', async () => {
  // 29 modules + 2 × 16 of margin = 61 pixels at least.
  const url = encodeURIComponent('http://127.0.0.1:5173/t/x');
  assert.equal((await get(`?url=${url}&size=64&margin=16`)).status, 200);
  const res = await get(`?url=${url}&size=64&margin=18`);
  assert.equal((await res.json()).error.code, 'invalid_margin');
  const long = await get(q(`https://x.example/${'a'.repeat(1000)}`, '&size=64'));
  assert.equal(long.status, 400);
  assert.match((await long.json()).error.message, /size must be at least \d+ pixels for this url and margin/);
});

Deno.test('the margin is the quiet zone in modules', async () => {
  const url = 'http://127.0.0.1:5173/t/x';
  assert.match(await (await get(q(url, '&margin=0'))).text(), /viewBox="0 0 29 29"/);
  assert.match(await (await get(q(url, '&margin=16'))).text(), /viewBox="0 0 61 61"/);
});

Deno.test('the same query gives the same picture', async () => {
  const query = q('http://127.0.0.1:5173/t/x', '&format=png&size=128');
  const a = new Uint8Array(await (await get(query)).arrayBuffer());
  const b = new Uint8Array(await (await get(query)).arrayBuffer());
  assert.deepEqual(a, b);
});

for (const [name, query, code, message] of [
  ['a missing url', '', 'invalid_url', /required/],
  ['a url that is not a URL', '?url=table%207', 'invalid_url', /valid absolute URL/],
  ['a url that is not http(s)', q('javascript:alert(1)'), 'invalid_url', /http or https/],
  ['a url too long for a code', q(`https://x.example/${'a'.repeat(MAX_URL_LENGTH)}`), 'invalid_url', /at most 1024/],
  ['a url whose bytes overflow a code', q(`https://x.example/${'é'.repeat(1000)}`), 'invalid_url', /too long to fit/],
  ['another format', q('https://x.example', '&format=gif'), 'invalid_format', /svg or png/],
  ['a size below 64', q('https://x.example', '&size=63'), 'invalid_size', /64 to 2048/],
  ['a size above 2048', q('https://x.example', '&size=2049'), 'invalid_size', /64 to 2048/],
  ['a size that is not a whole number', q('https://x.example', '&size=12.5'), 'invalid_size', /whole number/],
  ['a negative margin', q('https://x.example', '&margin=-1'), 'invalid_margin', /0 to 16/],
  ['a margin above 16', q('https://x.example', '&margin=17'), 'invalid_margin', /0 to 16/],
  ['a margin that is not a number', q('https://x.example', '&margin=wide'), 'invalid_margin', /whole number/],
] as const) {
  Deno.test(`refuses ${name} with a 400 and a stable code`, async () => {
    const res = await get(query);
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const body = await res.json();
    assert.equal(body.error.code, code);
    assert.match(body.error.message, message);
  });
}

Deno.test('answers a CORS preflight and HEAD', async () => {
  const pre = await get('', 'OPTIONS');
  assert.equal(pre.status, 200);
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /authorization/);
  const head = await get(q('https://x.example'), 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

Deno.test('refuses other methods', async () => {
  const res = await get(q('https://x.example'), 'POST');
  assert.equal(res.status, 405);
  assert.equal((await res.json()).error.code, 'method_not_allowed');
});
