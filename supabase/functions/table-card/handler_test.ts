import assert from 'node:assert/strict';
import { decode } from 'fast-png';
import jsqr from 'jsqr';
import { type CardRead, type CardReader, fileName, parseBaseUrl, tableCardHandler } from './handler.ts';
import { pngSize, renderCardPng, renderCardSvg } from './render.ts';

// jsqr is CommonJS typed as an ES module: Deno's default import is module.exports, the function itself.
const jsQR = jsqr as unknown as typeof jsqr.default;

const RESTAURANT = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const TABLE = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const BASE = 'http://127.0.0.1:5173';

/** A signed-in user's JWT shape (unsigned: the platform verifies signatures before the handler). */
const jwt = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;
const OWNER = jwt({ sub: '11111111-1111-4111-8111-111111111111', role: 'authenticated' });
const ANON_KEY = jwt({ role: 'anon' });

const tables = [
  { id: TABLE, label: 'Terraza 4', qr_token: 'tok-terraza-4_AbC' },
  { id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', label: 'Barra', qr_token: 'tok-barra' },
];
const restaurant = { name: 'Casa Lupe & Hijos', locale: 'es-MX' };

/** A reader that answers like RLS would and records what it was asked. */
function reader(answer: CardRead = { ok: true, restaurant, tables }) {
  const calls: unknown[][] = [];
  const read: CardReader = async (...args) => {
    calls.push(args);
    if (!answer.ok) return answer;
    const [, , , tableId] = args;
    const picked = tableId ? answer.tables.filter((t) => t.id === tableId) : answer.tables;
    if (tableId && picked.length === 0) return { ok: false, reason: 'table_not_found' };
    return { ...answer, tables: picked };
  };
  return { read, calls };
}

function get(query: string, opts: { token?: string | null; answer?: CardRead; method?: string } = {}) {
  const { read, calls } = reader(opts.answer);
  const token = opts.token === undefined ? OWNER : opts.token;
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const res = tableCardHandler(read)(
    new Request(`http://fn.local/table-card${query}`, { method: opts.method ?? 'GET', headers }),
  );
  return { res, calls };
}

const query = (params: Record<string, string>) =>
  `?${new URLSearchParams({ restaurant_id: RESTAURANT, base_url: BASE, ...params })}`;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readPng(bytes: Uint8Array) {
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
  const image = decode(bytes);
  assert.equal(image.depth, 8);
  const pixels = image.width * image.height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = image.data[i * image.channels + Math.min(c, image.channels - 1)];
    rgba[i * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, qr: jsQR(rgba, image.width, image.height)?.data ?? null };
}

/** The words of satori's SVG when it writes text as `<text>` (embedFont: false), joined. */
const svgText = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&amp;/g, '&');

Deno.test('a card shows the restaurant, the table and "Scan to order" in the restaurant language', async () => {
  const card = { restaurantName: restaurant.name, locale: 'es-MX', tableLabel: 'Terraza 4', url: `${BASE}/t/x` };
  for (const size of ['a6', '80mm'] as const) {
    const text = svgText(await renderCardSvg(card, size, { embedFont: false }));
    assert.equal(text, 'Casa Lupe & HijosTerraza 4Escanea para pedir');
  }
  for (const [locale, words] of [
    ['en', 'Scan to order'],
    ['fr-CI', 'Scannez pour commander'],
    ['id', 'Pindai untuk memesan'],
    ['de', 'Scan to order'],
  ]) {
    assert.ok(svgText(await renderCardSvg({ ...card, locale }, 'a6', { embedFont: false })).endsWith(words));
  }
  // As served, satori draws the text as paths: no font is needed wherever the SVG is opened.
  const served = await renderCardSvg(card, 'a6');
  assert.match(served, /^<svg width="420" height="592" viewBox="0 0 420 592"/);
  assert.doesNotMatch(served, /<text/);
});

for (const [size, expected] of [
  ['a6', { width: 1260, height: 1776 }],
  ['80mm', { width: 576, height: 768 }],
] as const) {
  Deno.test(`one table's ${size} card is a PNG of ${expected.width} × ${expected.height} whose code opens the table`, async () => {
    assert.deepEqual(pngSize(size), expected);
    const { res, calls } = get(query({ table_id: TABLE, size }));
    const response = await res;
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    assert.equal(response.headers.get('content-disposition'), `inline; filename="table-card-terraza-4-${size}.png"`);
    assert.equal(response.headers.get('access-control-expose-headers'), 'Content-Disposition');
    const png = readPng(new Uint8Array(await response.arrayBuffer()));
    assert.deepEqual(png, { ...expected, qr: `${BASE}/t/tok-terraza-4_AbC` });
    // The reader is asked with the caller's token and subject, ids lower-cased.
    assert.deepEqual(calls, [[OWNER, '11111111-1111-4111-8111-111111111111', RESTAURANT, TABLE]]);
  });
}

Deno.test('long names shrink; the QR code keeps its size and still scans', async () => {
  const card = {
    restaurantName: 'Le Restaurant Panoramique du Plateau — Cuisine Ivoirienne et Française, Cocody Riviera Trois',
    locale: 'fr',
    tableLabel: 'Terrasse du fond près de la fontaine 12',
    url: `${BASE}/t/abcdefghijklmnopqrstuvwx`,
  };
  for (const size of ['a6', '80mm'] as const) {
    assert.deepEqual(readPng(await renderCardPng(card, size)), { ...pngSize(size), qr: card.url });
  }
});

Deno.test('one card as SVG', async () => {
  const res = await get(query({ table_id: TABLE.toUpperCase(), format: 'svg' })).res;
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/svg+xml');
  assert.match(await res.text(), /^<svg width="420" height="592"/);
});

Deno.test('all tables: one print-ready HTML page, one card per printed page', async () => {
  const res = await get(query({})).res;
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  const html = await res.text();
  assert.match(html, /@page \{ size: 105mm 148mm; margin: 0; \}/);
  assert.match(html, /<title>Casa Lupe &amp; Hijos<\/title>/);
  assert.match(html, /<html lang="es">/);
  const images = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([^"]+)" alt="([^"]*)">/g)];
  assert.deepEqual(
    images.map((m) => m[2]),
    ['Terraza 4', 'Barra'],
  );
  const strips = await (await get(query({ size: '80mm' })).res).text();
  assert.match(strips, /@page \{ size: 80mm 104mm; margin: 4mm; \}/);
  assert.match(strips, /img \{ display: block; width: 72mm; height: 96mm;/);
});

Deno.test('all tables come as html only', async () => {
  const res = await get(query({ format: 'png' })).res;
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.code, 'invalid_format');
});

Deno.test('a restaurant without active tables says so', async () => {
  const res = await get(query({}), { answer: { ok: true, restaurant, tables: [] } }).res;
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error.code, 'no_active_tables');
});

for (const [name, token] of [
  ['no Authorization', null],
  ['an API key without a user', ANON_KEY],
  ['a token that is not a JWT', 'garbage'],
] as const) {
  Deno.test(`refuses ${name} with 401 before reading anything`, async () => {
    const { res, calls } = get(query({ table_id: TABLE }), { token });
    const response = await res;
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), {
      error: { code: 'not_authenticated', message: 'Sign in to print table cards' },
    });
    assert.equal(calls.length, 0);
  });
}

for (const [reason, status, message] of [
  ['forbidden', 403, "Only the restaurant's owner and managers can print table cards"],
  ['restaurant_not_found', 404, 'No such restaurant'],
  ['table_not_found', 404, 'No such table'],
] as const) {
  Deno.test(`answers ${reason} with ${status} and a JSON error`, async () => {
    const res = await get(query({ table_id: TABLE }), { answer: { ok: false, reason } }).res;
    assert.equal(res.status, status);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(await res.json(), { error: { code: reason, message } });
  });
}

Deno.test("another table's id is not found", async () => {
  const res = await get(query({ table_id: '5b5b5b5b-5b5b-4b5b-8b5b-5b5b5b5b5b5b' })).res;
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error.code, 'table_not_found');
});

for (const [name, params, code] of [
  ['a missing restaurant_id', { restaurant_id: '' }, 'invalid_restaurant_id'],
  ['a restaurant_id that is not a UUID', { restaurant_id: '1; drop table' }, 'invalid_restaurant_id'],
  ['a table_id that is not a UUID', { table_id: 'T4' }, 'invalid_table_id'],
  ['another size', { table_id: TABLE, size: 'a4' }, 'invalid_size'],
  ['another format', { table_id: TABLE, format: 'pdf' }, 'invalid_format'],
  ['a missing base_url', { base_url: '' }, 'invalid_base_url'],
  ['a base_url that is not http(s)', { base_url: 'javascript:alert(1)' }, 'invalid_base_url'],
  ['a base_url with a query', { base_url: 'https://x.example/?a=1' }, 'invalid_base_url'],
] as const) {
  Deno.test(`refuses ${name} with a 400 and a stable code, reading nothing`, async () => {
    const { res, calls } = get(query(params));
    const response = await res;
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.code, code);
    assert.equal(calls.length, 0);
  });
}

Deno.test('base_url keeps a path prefix and drops a trailing slash', () => {
  assert.equal(parseBaseUrl('https://order.example/'), 'https://order.example');
  assert.equal(parseBaseUrl('https://x.example/app/'), 'https://x.example/app');
});

Deno.test('file names are ASCII', () => {
  assert.equal(fileName('Café "Été" 4', 'a6', 'png'), 'table-card-cafe-ete-4-a6.png');
  assert.equal(fileName('桌', '80mm', 'svg'), 'table-card-table-80mm.svg');
});

Deno.test('answers a CORS preflight and refuses other methods', async () => {
  const pre = await get('', { method: 'OPTIONS', token: null }).res;
  assert.equal(pre.status, 200);
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /authorization/);
  const post = await get(query({}), { method: 'POST' }).res;
  assert.equal(post.status, 405);
  assert.equal((await post.json()).error.code, 'method_not_allowed');
});
