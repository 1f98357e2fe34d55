import { readFile } from 'node:fs/promises';
import type { Context, Hono } from 'hono';
import { type JwtKeyInput, verifyJwt } from '../jwt.ts';
import { type Caller, joseStyleMessage, SERVICE_CALLER } from './caller.ts';
import { mustBeValidKey, type ObjectDisk } from './disk.ts';
import { errors } from './errors.ts';
import { objectTarget } from './http.ts';
import type { ObjectRow, ObjectStore } from './object-store.ts';
import {
  MAX_SOURCE_BYTES,
  parseTransform,
  renderImage,
  sourceTooLarge,
  type TransformOptions,
  transformationSegments,
  transformFromString,
} from './transform.ts';

export interface RenderDeps {
  disk: ObjectDisk;
  store: ObjectStore;
  /** Verifies signed-URL tokens (HS256 with the project secret, as hosted's URL signing key). */
  jwtSecret: JwtKeyInput;
  caller: (c: Context, optional?: boolean) => Promise<Caller>;
}

/** The query of a render route: transformation options plus `download`, as hosted's schema. */
function queryOptions(c: Context): TransformOptions {
  return parseTransform(c.req.query(), 'querystring');
}

/**
 * `/render/image/{authenticated,public,sign}/<bucket>/<key>`: the object transformed by sharp the way
 * hosted's imgproxy does it, with hosted's headers (`X-Transformations`, the original's ETag) and its
 * errors for sources it cannot or will not render. Sources are size-checked before they are read.
 */
export function mountRender(routes: Hono, deps: RenderDeps): void {
  const { disk, store } = deps;

  async function render(
    c: Context,
    row: ObjectRow,
    options: TransformOptions,
    extra: { expires?: string } = {},
  ): Promise<Response> {
    const size = await disk.size(row.bucket_id, row.name, row.version);
    if (size === null) throw errors.noSuchKey();
    if (size > MAX_SOURCE_BYTES) throw sourceTooLarge();
    const accept = options.format === 'origin' ? undefined : c.req.header('accept');
    const load = () => readFile(disk.versionPath(row.bucket_id, row.name, row.version));
    const { bytes, contentType } = await renderImage(load, options, accept);
    const meta = row.metadata ?? {};
    const headers = new Headers({
      'accept-ranges': 'bytes',
      'content-type': contentType,
      'content-length': String(bytes.byteLength),
      'x-robots-tag': 'none',
    });
    if (typeof meta.eTag === 'string') headers.set('etag', meta.eTag);
    const lastModified = new Date(typeof meta.lastModified === 'string' ? meta.lastModified : row.updated_at);
    if (!Number.isNaN(lastModified.getTime())) headers.set('last-modified', lastModified.toUTCString());
    if (extra.expires) headers.set('expires', extra.expires);
    else if (typeof meta.cacheControl === 'string' && meta.cacheControl)
      headers.set('cache-control', meta.cacheControl);
    const segments = transformationSegments(options);
    if (segments.length > 0) headers.set('x-transformations', segments.join(','));
    const download = c.req.query('download');
    if (download !== undefined) {
      const file = encodeURIComponent(download);
      headers.set(
        'content-disposition',
        download === '' ? 'attachment;' : `attachment; filename=${file}; filename*=UTF-8''${file}`,
      );
    }
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
  }

  routes.get('/render/image/public/*', async (c) => {
    const options = queryOptions(c);
    const { bucket, name } = objectTarget(c, '/render/image/public/');
    mustBeValidKey(name);
    const found = await store.bucketOrThrow(bucket);
    if (!found.public) throw errors.noSuchBucket();
    return render(c, await store.find(SERVICE_CALLER, bucket, name), options);
  });

  routes.get('/render/image/authenticated/*', async (c) => {
    const options = queryOptions(c);
    const caller = await deps.caller(c);
    const { bucket, name } = objectTarget(c, '/render/image/authenticated/');
    mustBeValidKey(name);
    return render(c, await store.find(caller, bucket, name), options);
  });

  routes.get('/render/image/sign/*', async (c) => {
    const { bucket, name } = objectTarget(c, '/render/image/sign/');
    const token = c.req.query('token');
    if (!token) throw errors.invalidRequest('Missing token');
    let claims: Awaited<ReturnType<typeof verifyJwt>>;
    try {
      claims = await verifyJwt(token, deps.jwtSecret);
    } catch (e) {
      throw errors.invalidJwt(joseStyleMessage(e));
    }
    if ((claims.scope ?? 'download') !== 'download' || 'upsert' in claims) {
      throw errors.invalidSignature('Token is not scoped for download');
    }
    if (claims.url !== `${bucket}/${name}`) throw errors.invalidSignature();
    // The options are the token's, fixed when it was signed; the query cannot change them.
    const options = transformFromString(typeof claims.transformations === 'string' ? claims.transformations : '');
    return render(c, await store.find(SERVICE_CALLER, bucket, name), options, {
      expires: new Date((claims.exp ?? 0) * 1000).toUTCString(),
    });
  });
}
