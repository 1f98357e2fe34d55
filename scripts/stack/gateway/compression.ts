import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/**
 * Response compression as hosted's front (Cloudflare, with Envoy behind it) applies it: text-like
 * types above a small size, brotli or gzip as the client's Accept-Encoding allows, brotli preferred
 * at equal weight. Images, archives and other already-compressed media pass untouched.
 */

/** Cloudflare's floor for compressing a response; smaller bodies gain nothing. */
export const COMPRESS_MIN_BYTES = 1024;

type Coding = 'br' | 'gzip';

/** JSON in all its PostgREST and problem variants, text (not event streams), CSV, SVG, XML, JavaScript. */
const COMPRESSIBLE =
  /^\s*(?:text\/(?!event-stream(?:[;\s]|$))[^;\s]+|application\/(?:json|javascript|ecmascript|x-javascript|xml|csv|geo\+json|[^;\s]+\+(?:json|xml|text|yaml))|image\/svg\+xml)(?:[;\s]|$)/i;

/** Dynamic-content levels: brotli 4 and gzip 6 compress a 200 kB menu in a few ms. */
const BROTLI_OPTIONS: zlib.BrotliOptions = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
};
const GZIP_OPTIONS: zlib.ZlibOptions = { level: 6 };

const brotli = promisify(zlib.brotliCompress) as (buf: Uint8Array, o: zlib.BrotliOptions) => Promise<Buffer>;
const gzip = promisify(zlib.gzip) as (buf: Uint8Array, o: zlib.ZlibOptions) => Promise<Buffer>;

/**
 * The coding to answer with, or undefined for identity: the highest q among br and gzip (named or
 * through `*`), q=0 meaning "not acceptable", brotli winning ties as Cloudflare prefers it.
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding | undefined {
  if (!acceptEncoding) return undefined;
  let br: number | undefined;
  let gz: number | undefined;
  let star: number | undefined;
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=');
      if (k?.trim().toLowerCase() === 'q') {
        const n = Number(v?.trim());
        q = Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : 0;
      }
    }
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gz = Math.max(gz ?? 0, q);
    else if (name === '*') star = q;
  }
  const qBr = br ?? star ?? 0;
  const qGz = gz ?? star ?? 0;
  if (qBr <= 0 && qGz <= 0) return undefined;
  return qBr >= qGz ? 'br' : 'gzip';
}

function addVary(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

function compressStream(body: ReadableStream<Uint8Array>, coding: Coding): ReadableStream<Uint8Array> {
  const encoder = coding === 'br' ? zlib.createBrotliCompress(BROTLI_OPTIONS) : zlib.createGzip(GZIP_OPTIONS);
  const source = Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>);
  source.on('error', (e) => encoder.destroy(e));
  return Readable.toWeb(source.pipe(encoder)) as unknown as ReadableStream<Uint8Array>;
}

/**
 * Compresses what the services answer. What is left alone: HEAD, 1xx/204/304, byte ranges (206 or a
 * `bytes` Content-Range: offsets must stay byte-exact; PostgREST's item ranges are whole JSON and
 * compress), bodies already encoded, `Cache-Control: no-transform`, non-text types, bodies under
 * 1 kB, and a Function's body of unknown length — that is a stream the function chose, and
 * buffering or compressing it would hold back its chunks. Realtime's websockets never come here.
 */
export function compression(opts: { streamingPrefixes: string[] }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const { status } = res;
    if (c.req.method === 'HEAD' || status < 200 || status === 204 || status === 304) return;
    const headers = res.headers;
    const type = headers.get('Content-Type');
    if (!type || !COMPRESSIBLE.test(type) || headers.has('Content-Encoding')) return;
    const range = headers.get('Content-Range');
    if (range ? /^\s*bytes/i.test(range) : status === 206) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get('Cache-Control') ?? '')) return;
    const declared = headers.get('Content-Length');
    if (declared !== null && Number(declared) < COMPRESS_MIN_BYTES) return;
    // Read only now: `body` turns @hono/node-server's light Response into a web one with a stream,
    // a cost per request that small answers (REST declares their length) never pay.
    if (!res.body) return;
    const path = c.req.path;
    if (declared === null && opts.streamingPrefixes.some((p) => path.startsWith(p))) return;

    const coding = chooseCoding(c.req.header('Accept-Encoding'));
    let compressed: Response;
    if (declared !== null) {
      // A known length (a stored object, a Function's whole answer): stream it through the encoder.
      addVary(headers);
      if (!coding) return;
      compressed = new Response(compressStream(res.body, coding), res);
    } else {
      // The gateway's own answers (REST, Auth, Storage's JSON) are in memory already.
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.byteLength < COMPRESS_MIN_BYTES || !coding) {
        const plain = new Response(bytes, res);
        if (bytes.byteLength >= COMPRESS_MIN_BYTES) addVary(plain.headers);
        c.res = undefined;
        c.res = plain;
        return;
      }
      const out = coding === 'br' ? await brotli(bytes, BROTLI_OPTIONS) : await gzip(bytes, GZIP_OPTIONS);
      // A view, not a copy: zlib answers a Buffer over a plain ArrayBuffer, which the DOM typings (e2e
      // imports this file) only take as Uint8Array<ArrayBuffer>.
      compressed = new Response(new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength), res);
      compressed.headers.set('Content-Length', String(out.byteLength));
      addVary(compressed.headers);
    }
    if (declared !== null) compressed.headers.delete('Content-Length');
    compressed.headers.set('Content-Encoding', coding);
    addVary(compressed.headers);
    // The compressed bytes differ from the stored ones: a strong validator would lie (RFC 9110 8.8.1).
    const etag = compressed.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) compressed.headers.set('ETag', `W/${etag}`);
    // Replace rather than merge: hono's setter would copy the old Content-Length back.
    c.res = undefined;
    c.res = compressed;
  };
}
