import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keyClient } from '../support/clients.ts';

// Image transformations through storage-js (getPublicUrl / createSignedUrl / download with
// `transform`), answered with hosted's headers and errors, by sharp instead of imgproxy.
const stack = inject('stack');
const service = keyClient(stack.apiUrl, stack.serviceRoleKey);
const run = randomUUID().slice(0, 8);
const PUBLIC = `render-pub-${run}`;
const PRIVATE = `render-priv-${run}`;

let photo: Buffer; // 400 × 200 PNG

const sizeOf = async (bytes: ArrayBuffer | Buffer) => {
  const meta = await sharp(Buffer.from(bytes as ArrayBuffer)).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
};

beforeAll(async () => {
  photo = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();
  expect((await service.storage.createBucket(PUBLIC, { public: true })).error).toBeNull();
  expect((await service.storage.createBucket(PRIVATE, { public: false })).error).toBeNull();
  for (const bucket of [PUBLIC, PRIVATE]) {
    const up = await service.storage.from(bucket).upload('dish.png', photo, { contentType: 'image/png' });
    expect(up.error).toBeNull();
  }
});
afterAll(async () => {
  for (const bucket of [PUBLIC, PRIVATE]) {
    await service.storage.emptyBucket(bucket);
    await service.storage.deleteBucket(bucket);
  }
});

describe('storage: image transformations', () => {
  it('getPublicUrl with transform renders the public object, resized the way each resize mode says', async () => {
    const { publicUrl } = service.storage
      .from(PUBLIC)
      .getPublicUrl('dish.png', { transform: { width: 100, height: 100, resize: 'contain' } }).data;
    expect(publicUrl).toBe(
      `${stack.apiUrl}/storage/v1/render/image/public/${PUBLIC}/dish.png?width=100&height=100&resize=contain`,
    );
    const res = await fetch(publicUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-transformations')).toBe('height:100,width:100,resizing_type:fit');
    const info = await service.storage.from(PUBLIC).info('dish.png');
    expect(res.headers.get('etag')).toBe(info.data?.etag);
    expect(await sizeOf(await res.arrayBuffer())).toEqual({ format: 'png', width: 100, height: 50 });

    const render = async (transform: Record<string, unknown>) => {
      const url = service.storage.from(PUBLIC).getPublicUrl('dish.png', { transform }).data.publicUrl;
      return sizeOf(await (await fetch(url)).arrayBuffer());
    };
    expect(await render({ width: 100, height: 100, resize: 'cover' })).toMatchObject({ width: 100, height: 100 });
    expect(await render({ width: 100, height: 100, resize: 'fill' })).toMatchObject({ width: 100, height: 100 });
    expect(await render({ width: 100, height: 100 })).toMatchObject({ width: 100, height: 100 });
    expect(await render({ width: 200 })).toMatchObject({ width: 200, height: 100 });
    // Never enlarged; width 0 means "not given"; an oversized side is clamped to hosted's 2500.
    expect(await render({ width: 0 })).toMatchObject({ width: 400, height: 200 });
    const huge = await fetch(`${stack.apiUrl}/storage/v1/render/image/public/${PUBLIC}/dish.png?width=100000`);
    expect(huge.status).toBe(200);
    expect(huge.headers.get('x-transformations')).toBe('width:2500,resizing_type:fill');
    expect(await sizeOf(await huge.arrayBuffer())).toMatchObject({ width: 400, height: 200 });
  });

  it('answers WebP when the client accepts it, unless format=origin; webp and avif when asked', async () => {
    const url = `${stack.apiUrl}/storage/v1/render/image/public/${PUBLIC}/dish.png?width=40`;
    const webp = await fetch(url, { headers: { accept: 'image/avif,image/webp,*/*' } });
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(await sizeOf(await webp.arrayBuffer())).toEqual({ format: 'webp', width: 40, height: 20 });
    const origin = await fetch(`${url}&format=origin`, { headers: { accept: 'image/webp' } });
    expect(origin.headers.get('content-type')).toBe('image/png');
    const avif = await fetch(`${url}&format=avif&quality=50`);
    expect(avif.headers.get('content-type')).toBe('image/avif');
    expect(avif.headers.get('x-transformations')).toBe('width:40,resizing_type:fill,quality:50,format:avif');
    expect((await sizeOf(await avif.arrayBuffer())).format).toBe('heif');
  });

  it('createSignedUrl with transform signs the options into the token; the query cannot change them', async () => {
    const { data, error } = await service.storage.from(PRIVATE).createSignedUrl('dish.png', 60, {
      // storage-js types `format` as 'origin' only; Storage's schema also takes webp and avif.
      transform: { width: 50, quality: 60, format: 'webp' as 'origin' },
    });
    expect(error).toBeNull();
    const signed = new URL(data?.signedUrl ?? '');
    expect(signed.pathname).toBe(`/storage/v1/render/image/sign/${PRIVATE}/dish.png`);
    const claims = JSON.parse(
      Buffer.from(signed.searchParams.get('token')?.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims).toMatchObject({
      transformations: 'width:50,resize:undefined,quality:60,format:webp',
      format: 'webp',
      url: `${PRIVATE}/dish.png`,
      scope: 'download',
    });

    const res = await fetch(`${signed}&width=300`);
    expect(res.status).toBe(200);
    expect(res.headers.get('expires')).toBe(new Date(claims.exp * 1000).toUTCString());
    expect(await sizeOf(await res.arrayBuffer())).toEqual({ format: 'webp', width: 50, height: 25 });

    // Without transform the signed URL stays an object URL.
    const plain = await service.storage.from(PRIVATE).createSignedUrl('dish.png', 60);
    expect(new URL(plain.data?.signedUrl ?? '').pathname).toBe(`/storage/v1/object/sign/${PRIVATE}/dish.png`);
  });

  it('download with transform renders through /render/image/authenticated as the caller', async () => {
    const { data, error } = await service.storage.from(PRIVATE).download('dish.png', { transform: { height: 20 } });
    expect(error).toBeNull();
    expect(data?.type).toBe('image/png');
    expect(await sizeOf(await (data as Blob).arrayBuffer())).toEqual({ format: 'png', width: 40, height: 20 });
    // The anon caller sees nothing of a private bucket without policies.
    const anon = keyClient(stack.apiUrl, stack.anonKey);
    const refused = await anon.storage.from(PRIVATE).download('dish.png', { transform: { height: 20 } });
    expect(refused.data).toBeNull();
    expect(refused.error).toMatchObject({ status: 400, statusCode: '404', message: 'Object not found' });
    // A private bucket is not served by the public render route.
    const res = await fetch(`${stack.apiUrl}/storage/v1/render/image/public/${PRIVATE}/dish.png?width=10`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      statusCode: '404',
      code: 'NoSuchBucket',
      error: 'Bucket not found',
      message: 'Bucket not found',
    });
  });
});

describe('storage: image transformations refuse bad input with Storage’s errors', () => {
  const renderUrl = (name: string, query: string) =>
    `${stack.apiUrl}/storage/v1/render/image/public/${PUBLIC}/${name}?${query}`;
  const expectError = async (res: Response, message: string, code = 'InvalidRequest', error = code) => {
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: '400', code, error, message });
  };

  it('out-of-range and unknown options', async () => {
    for (const [query, message] of [
      ['quality=101', 'querystring/quality must be <= 100'],
      ['quality=10', 'querystring/quality must be >= 20'],
      ['width=-1', 'querystring/width must be >= 0'],
      ['height=abc', 'querystring/height must be integer'],
      ['resize=stretch', 'querystring/resize must be equal to one of the allowed values'],
      ['format=gif', 'querystring/format must be equal to one of the allowed values'],
    ] as const) {
      await expectError(await fetch(renderUrl('dish.png', query)), message, 'InvalidRequest', 'Error');
    }
    const signed = await service.storage.from(PRIVATE).createSignedUrl('dish.png', 60, { transform: { quality: 101 } });
    expect(signed.error).toMatchObject({
      status: 400,
      statusCode: '400',
      message: 'body/transform/quality must be <= 100',
    });
  });

  it('non-image bytes, a 50 MB file and a 64-megapixel image: refused, and the renderer keeps serving', async () => {
    const put = async (name: string, bytes: Uint8Array | Buffer) => {
      const up = await service.storage.from(PUBLIC).upload(name, bytes, { contentType: 'image/png' });
      expect(up.error).toBeNull();
    };
    await put('not-an-image.png', new TextEncoder().encode('plain words, not pixels'));
    await expectError(
      await fetch(renderUrl('not-an-image.png', 'width=10')),
      'The source image is invalid or unsupported for rendering',
    );

    const big = Buffer.alloc(50_000_000);
    photo.copy(big);
    await put('big.png', big);
    await expectError(await fetch(renderUrl('big.png', 'width=10')), 'The source image file is too large to process');

    const wide = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    await put('wide.png', wide);
    await expectError(
      await fetch(renderUrl('wide.png', 'width=10')),
      'The source image resolution is too large to process',
    );

    const ok = await fetch(renderUrl('dish.png', 'width=10'));
    expect(ok.status).toBe(200);
    expect(await sizeOf(await ok.arrayBuffer())).toMatchObject({ width: 10, height: 5 });
  });
});
