import type { Context } from 'hono';
import type { ObjectDisk } from './disk.ts';
import { errors } from './errors.ts';
import type { ObjectRow } from './object-store.ts';

/** JSON bodies of Storage's small requests are tiny; anything bigger is a mistake, not a file. */
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * `<bucket>/<key>` after a route marker such as `/object/public/`, taken from the raw URL and
 * percent-decoded once (so `%2e%2e%2f` is seen as `../` and refused by key validation, never by luck).
 */
export function objectTarget(c: Context, marker: string): { bucket: string; name: string } {
  const pathname = new URL(c.req.url).pathname;
  const at = pathname.indexOf(marker);
  if (at < 0) throw errors.invalidRequest('Invalid object path');
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(at + marker.length));
  } catch {
    throw errors.invalidKey(pathname.slice(at + marker.length));
  }
  const slash = rest.indexOf('/');
  if (slash < 0) return { bucket: rest, name: '' };
  return { bucket: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > JSON_BODY_LIMIT) throw errors.entityTooLarge('request body');
  const text = await c.req.text();
  if (text.length > JSON_BODY_LIMIT) throw errors.entityTooLarge('request body');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.invalidRequest('Body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw errors.invalidRequest('Body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** The object's bytes with the headers hosted's asset renderer sets. */
export async function sendObject(
  c: Context,
  disk: ObjectDisk,
  row: ObjectRow,
  opts: { download?: string | undefined; expires?: string },
): Promise<Response> {
  const size = await disk.size(row.bucket_id, row.name, row.version);
  if (size === null) throw errors.noSuchKey();
  const meta = row.metadata ?? {};
  const headers = new Headers({
    'content-type': typeof meta.mimetype === 'string' ? meta.mimetype : 'application/octet-stream',
    'content-length': String(size),
    'x-robots-tag': 'none',
  });
  if (typeof meta.eTag === 'string') headers.set('etag', meta.eTag);
  const lastModified = new Date(typeof meta.lastModified === 'string' ? meta.lastModified : row.updated_at);
  if (!Number.isNaN(lastModified.getTime())) headers.set('last-modified', lastModified.toUTCString());
  if (opts.expires) headers.set('expires', opts.expires);
  else if (typeof meta.cacheControl === 'string' && meta.cacheControl) headers.set('cache-control', meta.cacheControl);
  if (opts.download !== undefined) {
    const file = encodeURIComponent(opts.download);
    headers.set(
      'content-disposition',
      opts.download === '' ? 'attachment;' : `attachment; filename=${file}; filename*=UTF-8''${file}`,
    );
  }
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(disk.stream(row.bucket_id, row.name, row.version), { status: 200, headers });
}

/** Object info in hosted's shape (storage-js camel-cases it for `info()`). */
export function objectInfo(row: ObjectRow) {
  const meta = row.metadata ?? {};
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    bucket_id: row.bucket_id,
    size: meta.size ?? null,
    content_type: meta.mimetype ?? null,
    cache_control: meta.cacheControl ?? null,
    etag: meta.eTag ?? null,
    metadata: row.user_metadata,
    last_modified: row.updated_at,
    created_at: row.created_at,
  };
}
