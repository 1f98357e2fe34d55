import type { Context, Hono } from 'hono';
import { type Caller, SERVICE_CALLER } from './caller.ts';
import type { StorageDb } from './db.ts';
import { mustBeValidBucketName, mustBeValidKey, type ObjectDisk } from './disk.ts';
import { errors } from './errors.ts';
import { jsonBody, objectInfo, objectTarget, sendObject } from './http.ts';
import { listFolder, parseListBody } from './list.ts';
import { listV2, parseListV2Body } from './list-v2.ts';
import type { ObjectStore } from './object-store.ts';
import { readUpload } from './upload-body.ts';

export interface ObjectDeps {
  db: StorageDb;
  disk: ObjectDisk;
  store: ObjectStore;
  caller: (c: Context, optional?: boolean) => Promise<Caller>;
}

function stringField(body: Record<string, unknown>, key: string, required: true): string;
function stringField(body: Record<string, unknown>, key: string, required: false): string | undefined;
function stringField(body: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const v = body[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw errors.invalidRequest(`body must have required property '${key}'`);
    return undefined;
  }
  if (typeof v !== 'string') throw errors.invalidParameter(key);
  return v;
}

/**
 * Object routes. Specific prefixes (list, move, copy, public, info, authenticated) are registered
 * before the catch-all `/object/<bucket>/<key>` routes: Hono runs the first matching handler.
 */
export function mountObjects(routes: Hono, deps: ObjectDeps): void {
  const { db, disk, store } = deps;

  routes.post('/object/list/:bucket', async (c) => {
    const caller = await deps.caller(c);
    const options = parseListBody(await jsonBody(c));
    return c.json(await listFolder(db, caller, c.req.param('bucket'), options));
  });

  routes.post('/object/list-v2/:bucket', async (c) => {
    const caller = await deps.caller(c);
    const options = parseListV2Body(await jsonBody(c));
    return c.json(await listV2(db, caller, c.req.param('bucket'), options));
  });

  routes.post('/object/move', async (c) => {
    const caller = await deps.caller(c);
    const body = await jsonBody(c);
    const bucketId = stringField(body, 'bucketId', true);
    const to = { bucket: stringField(body, 'destinationBucket', false) ?? bucketId, name: '' };
    to.name = stringField(body, 'destinationKey', true);
    const moved = await store.move(caller, { bucket: bucketId, name: stringField(body, 'sourceKey', true) }, to);
    return c.json({ message: 'Successfully moved', Id: moved.id, Key: moved.name });
  });

  routes.post('/object/copy', async (c) => {
    const caller = await deps.caller(c);
    const body = await jsonBody(c);
    const bucketId = stringField(body, 'bucketId', true);
    const destinationBucket = stringField(body, 'destinationBucket', false) ?? bucketId;
    const destinationKey = stringField(body, 'destinationKey', true);
    const metadata = body.metadata as { cacheControl?: string; mimetype?: string } | undefined;
    const row = await store.copy(
      caller,
      { bucket: bucketId, name: stringField(body, 'sourceKey', true) },
      { bucket: destinationBucket, name: destinationKey },
      {
        upsert: c.req.header('x-upsert') === 'true',
        copyMetadata: body.copyMetadata !== false,
        ...(metadata && typeof metadata === 'object' ? { metadata } : {}),
      },
    );
    return c.json({ Id: row.id, Key: `${destinationBucket}/${destinationKey}`, ...row });
  });

  routes.get('/object/public/*', async (c) => {
    const { bucket, name } = objectTarget(c, '/object/public/');
    mustBeValidKey(name);
    const found = await store.bucketOrThrow(bucket);
    if (!found.public) throw errors.noSuchBucket();
    return sendObject(c, disk, await store.find(SERVICE_CALLER, bucket, name), { download: c.req.query('download') });
  });

  // Info (storage-js `info()` / `exists()` use /object/info/<bucket>/<key>).
  routes.get('/object/info/*', async (c) => {
    let target = objectTarget(c, '/object/info/');
    let publicOnly = false;
    let optional = true;
    if (target.bucket === 'public' || target.bucket === 'authenticated') {
      publicOnly = target.bucket === 'public';
      optional = publicOnly;
      target = objectTarget(c, `/object/info/${target.bucket}/`);
    }
    const caller = await deps.caller(c, optional);
    const row = await readableObject(caller, target.bucket, target.name, publicOnly);
    return c.json(objectInfo(row));
  });

  routes.get('/object/authenticated/*', async (c) => {
    const caller = await deps.caller(c);
    const { bucket, name } = objectTarget(c, '/object/authenticated/');
    return sendObject(c, disk, await readableObject(caller, bucket, name, false), {
      download: c.req.query('download'),
    });
  });

  routes.post('/object/*', (c) => upload(c, c.req.header('x-upsert') === 'true'));
  routes.put('/object/*', (c) => upload(c, true));

  routes.get('/object/*', async (c) => {
    const caller = await deps.caller(c, true);
    const { bucket, name } = objectTarget(c, '/object/');
    return sendObject(c, disk, await readableObject(caller, bucket, name, false), {
      download: c.req.query('download'),
    });
  });

  routes.delete('/object/*', async (c) => {
    const caller = await deps.caller(c);
    const { bucket, name } = objectTarget(c, '/object/');
    mustBeValidBucketName(bucket);
    if (name === '') {
      const prefixes = (await jsonBody(c)).prefixes;
      if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== 'string')) {
        throw errors.invalidRequest("body must have required property 'prefixes'");
      }
      if (prefixes.length > 1000) throw errors.invalidRequest('Bulk object requests are limited to 1000 objects');
      return c.json(await store.remove(caller, bucket, prefixes as string[]));
    }
    mustBeValidKey(name);
    await store.find(SERVICE_CALLER, bucket, name);
    const deleted = await store.remove(caller, bucket, [name]);
    if (deleted.length === 0) throw errors.accessDenied('Access denied');
    return c.json({ message: 'Successfully deleted' });
  });

  /**
   * Hosted's read rule: without a valid JWT only public buckets answer; public buckets are read
   * privileged, private ones as the caller (RLS).
   */
  async function readableObject(caller: Caller, bucket: string, name: string, publicOnly: boolean) {
    mustBeValidKey(name);
    const found = await store.bucketOrThrow(bucket);
    if ((!caller.authenticated || publicOnly) && !found.public) throw errors.noSuchBucket();
    return store.find(found.public ? SERVICE_CALLER : caller, bucket, name);
  }

  async function upload(c: Context, upsert: boolean): Promise<Response> {
    const caller = await deps.caller(c);
    const { bucket, name } = objectTarget(c, '/object/');
    mustBeValidKey(name);
    const limits = await store.bucketOrThrow(bucket);
    const file = await readUpload(c, name, limits);
    const { id, key } = await store.put({ writer: caller, owner: caller.sub, bucket, name, upload: file, upsert });
    return c.json({ Id: id, Key: key });
  }
}
