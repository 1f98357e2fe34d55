import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { type JwtClaims, signJwt, verifyJwt } from '../jwt.ts';
import { type Caller, joseStyleMessage, ownerOf, SERVICE_CALLER } from './caller.ts';
import type { StorageDb } from './db.ts';
import { mustBeValidKey, type ObjectDisk } from './disk.ts';
import { errors } from './errors.ts';
import { jsonBody, objectTarget, sendObject } from './http.ts';
import type { ObjectStore } from './object-store.ts';
import { parseTransform, transformationSegments } from './transform.ts';
import { readUpload } from './upload-body.ts';

/** Hosted's default lifetime of a signed upload URL (`uploadSignedUrlExpirationTime`). */
const UPLOAD_URL_TTL_SECONDS = 2 * 60 * 60;

type Scope = 'download' | 'upload';

export interface SignedUrlDeps {
  db: StorageDb;
  disk: ObjectDisk;
  store: ObjectStore;
  jwtSecret: string;
  caller: (c: Context) => Promise<Caller>;
}

/**
 * Signed-URL tokens are HS256 JWTs with the project secret, as hosted: `{url: "<bucket>/<key>",
 * scope, iat, exp}` for downloads and `{owner, url, upsert, scope, iat, exp}` for uploads. The
 * scope keeps an upload token from downloading and the reverse.
 */
async function signToken(claims: JwtClaims, expiresIn: number, secret: string): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ ...claims, iat, exp: iat + expiresIn }, secret);
}

async function verifyToken(
  token: string | undefined,
  url: string,
  scope: Scope,
  secret: string,
): Promise<JwtClaims & { url: string }> {
  if (!token) throw errors.invalidRequest('Missing token');
  let claims: JwtClaims;
  try {
    claims = await verifyJwt(token, secret);
  } catch (e) {
    throw errors.invalidJwt(joseStyleMessage(e));
  }
  // Tokens from before scopes existed: upload tokens are the ones carrying `upsert`.
  const tokenScope = claims.scope ?? ('upsert' in claims ? 'upload' : 'download');
  if (tokenScope !== scope) throw errors.invalidSignature(`Token is not scoped for ${scope}`);
  if (claims.url !== url) throw errors.invalidSignature();
  return claims as JwtClaims & { url: string };
}

function expiresInOf(body: Record<string, unknown>): number {
  const n = body.expiresIn;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) {
    throw errors.invalidParameter('expiresIn');
  }
  return Math.floor(n);
}

/**
 * What hosted signs into a download token for `createSignedUrl(path, n, { transform })`: the
 * options as a `transformations` string (and `format`), empty ones left out; the URL then points at
 * `/render/image/sign/...` and the token, not the query, fixes the transformation.
 */
function transformClaims(raw: unknown): { transformations?: string; format?: string } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw errors.schemaValidation('body/transform must be object');
  const options = parseTransform(raw as Record<string, unknown>, 'body/transform');
  const transformations = transformationSegments(options, true).join(',');
  return { ...(transformations ? { transformations } : {}), ...(options.format ? { format: options.format } : {}) };
}

export function mountSignedUrls(routes: Hono, deps: SignedUrlDeps): void {
  const { db, disk, store, jwtSecret } = deps;

  // createSignedUrls posts to /object/sign/<bucket>; createSignedUrl to /object/sign/<bucket>/<key>.
  routes.post('/object/sign/*', async (c) => {
    const caller = await deps.caller(c);
    const { bucket, name } = objectTarget(c, '/object/sign/');
    const body = await jsonBody(c);
    const expiresIn = expiresInOf(body);
    if (name === '') {
      const paths = body.paths;
      if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) throw errors.invalidParameter('paths');
      const visible = await db.withCaller(caller, async (q) => {
        const { rows } = await q<{ name: string }>(
          'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
          [bucket, paths],
        );
        return new Set(rows.map((r) => r.name));
      });
      const results = await Promise.all(
        (paths as string[]).map(async (path) => {
          if (!visible.has(path)) {
            return { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null };
          }
          const url = `${bucket}/${path}`;
          const token = await signToken({ url, scope: 'download' }, expiresIn, jwtSecret);
          return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
        }),
      );
      return c.json(results);
    }
    mustBeValidKey(name);
    const transform = transformClaims(body.transform);
    await store.find(caller, bucket, name);
    const url = `${bucket}/${name}`;
    // `url` and `scope` last, as hosted, so nothing in the options can override them.
    const token = await signToken({ ...transform, url, scope: 'download' }, expiresIn, jwtSecret);
    const route = transform.transformations ? 'render/image' : 'object';
    return c.json({ signedURL: `/${route}/sign/${url}?token=${token}` });
  });

  routes.get('/object/sign/*', async (c) => {
    const { bucket, name } = objectTarget(c, '/object/sign/');
    const claims = await verifyToken(c.req.query('token'), `${bucket}/${name}`, 'download', jwtSecret);
    const row = await store.find(SERVICE_CALLER, bucket, name);
    return sendObject(c, disk, row, {
      download: c.req.query('download'),
      expires: new Date((claims.exp ?? 0) * 1000).toUTCString(),
    });
  });

  routes.post('/object/upload/sign/*', async (c) => {
    const caller = await deps.caller(c);
    const { bucket, name } = objectTarget(c, '/object/upload/sign/');
    mustBeValidKey(name);
    await store.bucketOrThrow(bucket);
    const upsert = c.req.header('x-upsert') === 'true';
    // Hosted checks the caller could insert here now (probe, rolled back) before handing out the URL.
    await db.probe(caller, async (q) => {
      try {
        await q(
          `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, version)
           values ($1, $2, $3, $4, $5, $6::jsonb, $7)
           ${upsert ? 'on conflict (name, bucket_id) do update set version = excluded.version' : ''}`,
          [
            randomUUID(),
            bucket,
            name,
            ownerOf(caller.sub).owner,
            ownerOf(caller.sub).owner_id,
            JSON.stringify({ mimetype: c.req.header('content-type') }),
            randomUUID(),
          ],
        );
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw errors.keyAlreadyExists();
        throw e;
      }
    });
    const url = `${bucket}/${name}`;
    const token = await signToken(
      { owner: caller.sub, url, upsert, scope: 'upload' },
      UPLOAD_URL_TTL_SECONDS,
      jwtSecret,
    );
    return c.json({ url: `/object/upload/sign/${url}?token=${token}`, token });
  });

  routes.put('/object/upload/sign/*', async (c) => {
    const { bucket, name } = objectTarget(c, '/object/upload/sign/');
    const claims = await verifyToken(c.req.query('token'), `${bucket}/${name}`, 'upload', jwtSecret);
    mustBeValidKey(name);
    const limits = await store.bucketOrThrow(bucket);
    const upload = await readUpload(c, name, limits);
    // The token is the permission: the write runs privileged, owned by whoever asked for the URL.
    const { key } = await store.put({
      writer: SERVICE_CALLER,
      owner: typeof claims.owner === 'string' ? claims.owner : undefined,
      bucket,
      name,
      upload,
      upsert: claims.upsert === true,
    });
    return c.json({ Key: key });
  });
}
