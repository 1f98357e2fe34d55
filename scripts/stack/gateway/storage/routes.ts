import path from 'node:path';
import { Hono } from 'hono';
import type { GatewayConfig } from '../config.ts';
import type { GatewayPart } from '../part.ts';
import { mountBuckets } from './buckets.ts';
import { resolveCaller } from './caller.ts';
import { KeyedMutex, StorageDb } from './db.ts';
import { ObjectDisk } from './disk.ts';
import { renderError } from './errors.ts';
import { jsonBody } from './http.ts';
import { ObjectStore } from './object-store.ts';
import { mountObjects } from './objects.ts';
import { mountRender } from './render.ts';
import { mountSignedUrls } from './signed-urls.ts';

/**
 * `/storage/v1`: Supabase Storage's HTTP API as storage-js 2.119 calls it, image transformations
 * (`/render/image/...`) included. Metadata lives in
 * storage.buckets / storage.objects (RLS decides access, as hosted); bytes under
 * `<localDir>/storage/<bucket>/<key>/<version>`.
 */
export function storagePart(cfg: GatewayConfig): GatewayPart {
  const db = new StorageDb(cfg.db.authenticator, cfg.log);
  const disk = new ObjectDisk(path.join(cfg.localDir, 'storage'));
  const store = new ObjectStore(db, disk, new KeyedMutex());
  const caller = (c: Parameters<typeof resolveCaller>[0], optional = false) => resolveCaller(c, cfg, { optional });

  const routes = new Hono();
  routes.onError((e, c) => renderError(c, e, cfg.log));
  routes.notFound((c) =>
    c.json(
      {
        statusCode: '404',
        code: 'NotFound',
        error: 'Not Found',
        message: `Route ${c.req.method}:${c.req.path} not found`,
      },
      404,
    ),
  );

  mountBuckets(routes, { db, disk, caller, body: jsonBody });
  // Signed-URL routes first: `/object/sign/…` would otherwise look like a bucket called "sign".
  mountSignedUrls(routes, { db, disk, store, jwtSecret: cfg.jwtSecret, caller });
  mountObjects(routes, { db, disk, store, caller });
  mountRender(routes, { disk, store, jwtSecret: cfg.jwtSecret, caller });

  return {
    routes,
    close: () => db.close(),
  };
}
