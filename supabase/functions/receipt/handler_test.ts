import assert from 'node:assert/strict';
import { ticketPayload } from '../_shared/print/fixtures.ts';
import type { TicketPayload } from '../_shared/print-layouts.ts';
import { type ReceiptReader, receiptHandler, subjectOf } from './handler.ts';

const ORDER_ID = '5b0c6a1e-6d8e-4c1f-9a57-1d2f0e3c4b5a';
const STRANGER_ORDER_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

const b64url = (o: unknown) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (claims: Record<string, unknown>) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.sig`;
const USER = jwt({ sub: 'c0ffee00-0000-4000-8000-000000000001', role: 'authenticated' });
const ANON_KEY = jwt({ role: 'anon' });

// The fake data edge: one order the caller may see; every other id is "not found", as RLS makes it.
const payload: TicketPayload = ticketPayload('EUR', 'receipt', 42);
const calls: { token: string; orderId: string }[] = [];
const reader: ReceiptReader = (token, orderId) => {
  calls.push({ token, orderId });
  return Promise.resolve(orderId === ORDER_ID ? payload : null);
};
const handler = receiptHandler(reader);
const get = (query: string, token: string | null = USER, method = 'GET') =>
  handler(
    new Request(`http://fn.local/receipt${query}`, {
      method,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    }),
  );

/** The characters an SVG shows, in order: receiptline draws one <tspan> per character. */
const shown = (svg: string) =>
  svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&amp;/g, '&');

async function expectError(res: Response, status: number, code: string): Promise<string> {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('content-type'), 'application/json');
  const body = await res.json();
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  return JSON.stringify(body);
}

Deno.test('reads the subject of a JWT', () => {
  assert.equal(subjectOf(USER), 'c0ffee00-0000-4000-8000-000000000001');
  assert.equal(subjectOf(ANON_KEY), null);
  assert.equal(subjectOf('not-a-jwt'), null);
});

Deno.test('answers SVG by default, with the order number and the total, read with the caller token', async () => {
  calls.length = 0;
  const res = await get(`?order=${ORDER_ID}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/svg+xml');
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  const svg = await res.text();
  assert.match(svg, /^<svg /);
  const text = shown(svg);
  assert.match(text, /Commande\s#42/);
  // 2 × 18,50 € + 6,50 € = 43,50 € (French formatting, EUR), the total right after its label.
  assert.match(text, /Total43,50\s€/);
  assert.deepEqual(calls, [{ token: USER, orderId: ORDER_ID }]);
});

Deno.test('answers the markup and the plain text', async () => {
  const markup = await get(`?order=${ORDER_ID}&format=markup`);
  assert.equal(markup.headers.get('content-type'), 'text/plain; charset=utf-8');
  const m = await markup.text();
  assert.match(m, /Chez Awa/);
  assert.match(m, /43,50/);

  const text = await get(`?order=${ORDER_ID.toUpperCase()}&format=text`);
  assert.equal(text.status, 200);
  const t = await text.text();
  assert.match(t, /42/);
  assert.match(t, /43,50/);
  // Plain text is the printer's lines: none wider than its 42 columns.
  for (const line of t.split('\n')) assert.ok([...line].length <= 42, line);
});

Deno.test('an unknown or foreign order is a 404, the same body either way', async () => {
  const a = await expectError(await get(`?order=${STRANGER_ORDER_ID}`), 404, 'order_not_found');
  const b = await expectError(await get(`?order=${crypto.randomUUID()}`), 404, 'order_not_found');
  assert.equal(a, b);
});

Deno.test('no JWT, or an API key without a user, is a 401', async () => {
  await expectError(await get(`?order=${ORDER_ID}`, null), 401, 'not_authenticated');
  await expectError(await get(`?order=${ORDER_ID}`, ANON_KEY), 401, 'not_authenticated');
});

for (const [name, query, code] of [
  ['no order', '', 'invalid_order_id'],
  ['an order that is not a UUID', '?order=42', 'invalid_order_id'],
  ['an injected order', `?order=${ORDER_ID}'%20or%201=1`, 'invalid_order_id'],
  ['an unknown format', `?order=${ORDER_ID}&format=pdf`, 'invalid_format'],
  ['the escpos format (printers only)', `?order=${ORDER_ID}&format=escpos`, 'invalid_format'],
] as const) {
  Deno.test(`refuses ${name} with a 400`, async () => {
    calls.length = 0;
    await expectError(await get(query), 400, code);
    assert.equal(calls.length, 0);
  });
}

Deno.test('a failing read is a 500 with a stable code, not a 404', async () => {
  const failing = receiptHandler(() => Promise.reject(new Error('connection refused')));
  const res = await failing(
    new Request(`http://fn.local/receipt?order=${ORDER_ID}`, { headers: { Authorization: `Bearer ${USER}` } }),
  );
  await expectError(res, 500, 'internal_error');
});

Deno.test('answers a CORS preflight and refuses other methods', async () => {
  const pre = await get('', null, 'OPTIONS');
  assert.equal(pre.status, 200);
  assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  await expectError(await get(`?order=${ORDER_ID}`, USER, 'POST'), 405, 'method_not_allowed');
});
