import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { chooseCoding, compression } from './compression.ts';

const BIG = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })));

/** A gateway-like app: what the services answer, behind the compression middleware. */
function app(): Hono {
  const a = new Hono();
  a.use('*', compression({ streamingPrefixes: ['/functions/v1'] }));
  a.get('/rest/v1/items', (c) => c.body(BIG, 200, { 'Content-Type': 'application/json' }));
  a.get('/rest/v1/page', (c) =>
    c.body(BIG, 206, { 'Content-Type': 'application/json', 'Content-Range': '0-199/1000' }),
  );
  a.get('/storage/v1/part', (c) =>
    c.body(BIG.slice(0, 2000), 206, { 'Content-Type': 'text/csv', 'Content-Range': 'bytes 0-1999/9000' }),
  );
  a.get('/rest/v1/no-transform', (c) =>
    c.body(BIG, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-transform' }),
  );
  a.get('/rest/v1/encoded', (c) =>
    c.body(BIG, 200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }),
  );
  // A Function streaming its answer: one chunk now, the rest only when the test says so.
  a.get('/functions/v1/stream', () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${'x'.repeat(2000)}\n`));
        release = () => controller.close();
      },
    });
    return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson' } });
  });
  return a;
}
let release = () => {};

const get = (path: string, accept = 'gzip, br') => app().request(path, { headers: { 'Accept-Encoding': accept } });

describe('chooseCoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['deflate', undefined],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['gzip;q=1, br;q=0.9', 'gzip'],
    ['br;q=0', undefined],
    ['br;q=0, *', 'gzip'],
    ['*;q=0', undefined],
    ['gzip;q=abc', undefined],
  ])('%s → %s', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding);
  });
});

describe('compression middleware', () => {
  it('compresses an in-memory JSON answer', async () => {
    const res = await get('/rest/v1/items', 'gzip');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(BIG);
  });

  it("compresses PostgREST's 206 (an item range, whole JSON)", async () => {
    const res = await get('/rest/v1/page');
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Range')).toBe('0-199/1000');
  });

  it.each(['/storage/v1/part', '/rest/v1/no-transform'])('leaves %s as it is', async (path) => {
    const res = await get(path);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect((await res.text()).length).toBeGreaterThan(1024);
  });

  it('never encodes twice', async () => {
    const res = await get('/rest/v1/encoded');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(await res.text()).toBe(BIG);
  });

  it("passes a Function's stream through unbuffered and uncompressed", async () => {
    const res = await get('/functions/v1/stream');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    // The first chunk arrives while the function has not finished: nothing held it back.
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(`${'x'.repeat(2000)}\n`);
    release();
    expect((await reader.read()).done).toBe(true);
  });
});
