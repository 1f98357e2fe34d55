import assert from 'node:assert/strict';
import { handleTableQr, MAX_URL_LENGTH } from './handler.ts';

const get = (query: string, method = 'GET') =>
  handleTableQr(new Request(`http://fn.local/table-qr${query}`, { method }));

Deno.test('encodes a guest URL as SVG', async () => {
  const res = await get(`?url=${encodeURIComponent('https://comanda.example/t/abc123')}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/svg+xml');
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(await res.text(), /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
});

Deno.test('the same URL gives the same picture', async () => {
  const q = `?url=${encodeURIComponent('http://127.0.0.1:5173/t/x')}`;
  assert.equal(await (await get(q)).text(), await (await get(q)).text());
});

for (const [name, query, message] of [
  ['missing', '', /required/],
  ['not a URL', '?url=table%207', /valid absolute URL/],
  ['not http(s)', `?url=${encodeURIComponent('javascript:alert(1)')}`, /http or https/],
  ['too long', `?url=${encodeURIComponent(`https://x.example/${'a'.repeat(MAX_URL_LENGTH)}`)}`, /at most 1024/],
] as const) {
  Deno.test(`refuses a url that is ${name}`, async () => {
    const res = await get(query);
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.error.code, 'invalid_url');
    assert.match(body.error.message, message);
  });
}

Deno.test('answers a CORS preflight', async () => {
  const res = await get('', 'OPTIONS');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(res.headers.get('access-control-allow-headers') ?? '', /authorization/);
});

Deno.test('refuses other methods', async () => {
  const res = await get('?url=https%3A%2F%2Fx.example', 'POST');
  assert.equal(res.status, 405);
  assert.equal((await res.json()).error.code, 'method_not_allowed');
});

Deno.test('is an alias of qr: level H, size and margin, PNG on demand', async () => {
  const url = encodeURIComponent('http://127.0.0.1:5173/t/x');
  assert.match(
    await (await get(`?url=${url}&size=200&margin=0`)).text(),
    /width="200" height="200" viewBox="0 0 29 29"/,
  );
  const png = await get(`?url=${url}&format=png`);
  assert.equal(png.headers.get('content-type'), 'image/png');
});
