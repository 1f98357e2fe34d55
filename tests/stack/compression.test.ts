import { randomUUID } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keyClient } from '../support/clients.ts';

/**
 * The gateway compresses as hosted's front does. node:http rather than fetch: fetch decodes the body
 * itself, and these tests must see the bytes on the wire.
 */
const stack = inject('stack');
const run = randomUUID().slice(0, 8);
const BUCKET = `compress-${run}`;
const service = keyClient(stack.apiUrl, stack.serviceRoleKey);
const serviceHeaders = { apikey: stack.serviceRoleKey, Authorization: `Bearer ${stack.serviceRoleKey}` };

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${stack.apiUrl}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(r: Raw): Buffer {
  const coding = r.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(r.body);
  if (coding === 'gzip') return zlib.gunzipSync(r.body);
  expect(coding).toBeUndefined();
  return r.body;
}

/** Big enough to compress: every seeded menu item, all columns. */
const MENU = '/rest/v1/menu_items?select=*&order=id';

// A PNG past the size floor: a real signature, then bytes that would compress if anyone tried.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
  Buffer.alloc(8_000, 0x41),
]);
const CSV = `id,name\n${Array.from({ length: 400 }, (_, i) => `${i},dish number ${i}`).join('\n')}\n`;

beforeAll(async () => {
  const created = await service.storage.createBucket(BUCKET, { public: true });
  expect(created.error).toBeNull();
  const png = await service.storage.from(BUCKET).upload('photo.png', PNG, { contentType: 'image/png' });
  expect(png.error).toBeNull();
  const csv = await service.storage.from(BUCKET).upload('menu.csv', CSV, { contentType: 'text/csv' });
  expect(csv.error).toBeNull();
});

afterAll(async () => {
  await service.storage.from(BUCKET).remove(['photo.png', 'menu.csv']);
  await service.storage.deleteBucket(BUCKET);
});

describe('response compression', () => {
  it('answers REST JSON uncompressed without Accept-Encoding, with Vary', async () => {
    const r = await raw(MENU, serviceHeaders);
    expect(r.status).toBe(200);
    expect(r.body.byteLength).toBeGreaterThan(1024);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.headers['content-length']).toBe(String(r.body.byteLength));
  });

  it.each([
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0, br;q=0.1', 'br'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
  ])('Accept-Encoding %s → %s, the same bytes once decoded, CORS and Content-Range kept', async (accept, coding) => {
    const plain = await raw(MENU, serviceHeaders);
    const r = await raw(MENU, { ...serviceHeaders, 'Accept-Encoding': accept });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(coding);
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(r.body.byteLength).toBeLessThan(plain.body.byteLength);
    expect(r.headers['content-length']).toBe(String(r.body.byteLength));
    expect(decode(r).equals(plain.body)).toBe(true);
    expect(r.headers['content-type']).toBe(plain.headers['content-type']);
    expect(r.headers['content-range']).toBe(plain.headers['content-range']);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['access-control-expose-headers']).toMatch(/Content-Range/);
  });

  it.each(['identity', 'gzip;q=0, br;q=0', 'deflate', '*;q=0'])('Accept-Encoding %s → identity', async (accept) => {
    const r = await raw(MENU, { ...serviceHeaders, 'Accept-Encoding': accept });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(r.body.toString('utf8'))).toBeInstanceOf(Array);
  });

  it('leaves a body under 1 kB alone', async () => {
    const r = await raw('/rest/v1/menu_items?select=id&limit=1', { ...serviceHeaders, 'Accept-Encoding': 'gzip, br' });
    expect(r.status).toBe(200);
    expect(r.body.byteLength).toBeLessThan(1024);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(r.body.toString('utf8'))).toHaveLength(1);
  });

  it('leaves HEAD unaffected: the headers of an uncompressed answer, no body', async () => {
    const r = await raw(MENU, { ...serviceHeaders, 'Accept-Encoding': 'gzip, br' }, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.byteLength).toBe(0);
  });

  it('compresses Auth JSON', async () => {
    const plain = await raw('/auth/v1/admin/users', serviceHeaders);
    expect(plain.status).toBe(200);
    expect(plain.body.byteLength).toBeGreaterThan(1024);
    const r = await raw('/auth/v1/admin/users', { ...serviceHeaders, 'Accept-Encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(r).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('never compresses an image, compresses a stored CSV without a stale Content-Length', async () => {
    const png = await raw(`/storage/v1/object/public/${BUCKET}/photo.png`, { 'Accept-Encoding': 'gzip, br' });
    expect(png.status).toBe(200);
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.equals(PNG)).toBe(true);
    expect(png.headers['content-length']).toBe(String(PNG.byteLength));

    const csv = await raw(`/storage/v1/object/public/${BUCKET}/menu.csv`, { 'Accept-Encoding': 'gzip' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(csv.headers['content-length']).toBeUndefined();
    expect(csv.headers.etag ?? 'W/').toMatch(/^W\//);
    expect(decode(csv).toString('utf8')).toBe(CSV);
  });

  it("compresses a Function's whole answer (its SVG), the same bytes once decoded", async () => {
    const path = `/functions/v1/table-qr?url=${encodeURIComponent(`https://x.example/t/${'a'.repeat(200)}`)}`;
    const plain = await raw(path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('image/svg+xml');
    expect(plain.body.byteLength).toBeGreaterThan(1024);
    const r = await raw(path, { 'Accept-Encoding': 'br' });
    expect(r.headers['content-encoding']).toBe('br');
    expect(decode(r).equals(plain.body)).toBe(true);
  });
});
