import type { Hono } from 'hono';
import type { Caller } from './caller.ts';
import { ownerOf, SERVICE_CALLER } from './caller.ts';
import type { StorageDb } from './db.ts';
import { mustBeValidBucketName, type ObjectDisk } from './disk.ts';
import { errors, toStorageError } from './errors.ts';
import { mustBeValidMimeTypeList, parseFileSizeLimit } from './upload-body.ts';

export interface BucketRow {
  id: string;
  name: string;
  owner: string | null;
  public: boolean;
  created_at: string;
  updated_at: string;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
  type?: string;
}

const BUCKET_COLUMNS = 'id, name, owner, public, created_at, updated_at, file_size_limit, allowed_mime_types';
const SORTABLE = new Set(['id', 'name', 'created_at', 'updated_at']);

export interface BucketDeps {
  db: StorageDb;
  disk: ObjectDisk;
  caller: (c: import('hono').Context, optional?: boolean) => Promise<Caller>;
  body: (c: import('hono').Context) => Promise<Record<string, unknown>>;
}

/** A bucket as the privileged lookups see it (hosted's `asSuperUser().findBucket`). */
export async function findBucketAsService(db: StorageDb, id: string): Promise<BucketRow | null> {
  return db.withCaller(SERVICE_CALLER, async (q) => {
    const { rows } = await q<BucketRow>(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id]);
    return rows[0] ?? null;
  });
}

function mimeList(value: unknown): string[] | null | undefined {
  if (value === undefined || value === null) return value;
  mustBeValidMimeTypeList(value);
  const list = value.filter((m) => m);
  return list;
}

/**
 * Bucket administration as hosted Storage does it: every statement runs as the caller, so only
 * service_role (BYPASSRLS) or a caller that RLS policies on storage.buckets admit can see or change
 * buckets. Emptying is done synchronously here (hosted queues it).
 */
export function mountBuckets(routes: Hono, deps: BucketDeps): void {
  const { db, disk } = deps;

  routes.get('/bucket', async (c) => {
    const caller = await deps.caller(c);
    const limit = c.req.query('limit');
    const offset = c.req.query('offset');
    const search = c.req.query('search');
    const sortColumn = c.req.query('sortColumn');
    const sortOrder = c.req.query('sortOrder')?.toLowerCase() === 'desc' ? 'desc' : 'asc';
    if (sortColumn !== undefined && !SORTABLE.has(sortColumn)) throw errors.invalidParameter('sortColumn');
    const values: unknown[] = [];
    let sql = `select ${BUCKET_COLUMNS}, type from storage.buckets`;
    if (search) {
      values.push(`%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      sql += ` where name ilike $${values.length}`;
    }
    if (sortColumn) sql += ` order by ${sortColumn} ${sortOrder}`;
    for (const [key, raw] of [
      ['limit', limit],
      ['offset', offset],
    ] as const) {
      if (raw === undefined) continue;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) throw errors.invalidParameter(key);
      values.push(n);
      sql += ` ${key} $${values.length}`;
    }
    const rows = await db.withCaller(caller, async (q) => (await q<BucketRow>(sql, values)).rows);
    return c.json(rows);
  });

  routes.get('/bucket/:id', async (c) => {
    const caller = await deps.caller(c);
    const id = c.req.param('id');
    const row = await db.withCaller(caller, async (q) => {
      const { rows } = await q<BucketRow>(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id]);
      return rows[0];
    });
    if (!row) throw errors.noSuchBucket();
    return c.json(row);
  });

  routes.post('/bucket', async (c) => {
    const caller = await deps.caller(c);
    const body = await deps.body(c);
    const name = body.name ?? body.id;
    mustBeValidBucketName(name);
    const id = typeof body.id === 'string' && body.id ? body.id : name;
    mustBeValidBucketName(id);
    if (body.type !== undefined && body.type !== null && body.type !== 'STANDARD') {
      throw errors.invalidRequest(`Bucket type ${String(body.type)} is not supported by the local stack`);
    }
    const fileSizeLimit = parseFileSizeLimit(body.file_size_limit) ?? null;
    const allowed = mimeList(body.allowed_mime_types) ?? null;
    const { owner, owner_id } = ownerOf(caller.sub);
    try {
      await db.withCaller(caller, (q) =>
        q(
          `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [id, name, owner, owner_id, body.public === true, fileSizeLimit, allowed],
        ),
      );
    } catch (e) {
      if (toStorageError(e)?.code === 'ResourceAlreadyExists') throw errors.bucketAlreadyExists();
      throw e;
    }
    return c.json({ name });
  });

  routes.put('/bucket/:id', async (c) => {
    const caller = await deps.caller(c);
    const id = c.req.param('id');
    mustBeValidBucketName(id);
    const body = await deps.body(c);
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (typeof body.public === 'boolean') set('public', body.public);
    const limit = parseFileSizeLimit(body.file_size_limit);
    if (limit !== undefined) set('file_size_limit', limit);
    const allowed = mimeList(body.allowed_mime_types);
    if (allowed !== undefined) set('allowed_mime_types', allowed);
    if (sets.length === 0) throw errors.noContent();
    set('updated_at', new Date().toISOString());
    values.push(id);
    const count = await db.withCaller(caller, async (q) => {
      const r = await q(`update storage.buckets set ${sets.join(', ')} where id = $${values.length}`, values);
      return r.rowCount ?? 0;
    });
    if (count === 0) throw errors.noSuchBucket();
    return c.json({ message: 'Successfully updated' });
  });

  routes.post('/bucket/:id/empty', async (c) => {
    const caller = await deps.caller(c);
    const id = c.req.param('id');
    const visible = await db.withCaller(caller, async (q) => {
      const { rows } = await q('select id from storage.buckets where id = $1', [id]);
      return rows.length > 0;
    });
    if (!visible) throw errors.noSuchBucket();
    // Hosted empties through an admin job once the caller may see the bucket; so do we, at once.
    await db.withCaller(SERVICE_CALLER, (q) => q('delete from storage.objects where bucket_id = $1', [id]));
    // A bucket made by SQL may have a name no folder was ever created for: nothing to remove then.
    await disk.removeBucket(id).catch(() => {});
    // Hosted's words (it queues the work); here the bucket is already empty when they arrive.
    return c.json({ message: 'Empty bucket has been queued. Completion may take up to an hour.' });
  });

  routes.delete('/bucket/:id', async (c) => {
    const caller = await deps.caller(c);
    const id = c.req.param('id');
    const hasObjects = await db.withCaller(SERVICE_CALLER, async (q) => {
      const { rows } = await q('select 1 from storage.objects where bucket_id = $1 limit 1', [id]);
      return rows.length > 0;
    });
    if (hasObjects) throw errors.bucketNotEmpty();
    const count = await db.withCaller(caller, async (q) => {
      const r = await q('delete from storage.buckets where id = $1', [id]);
      return r.rowCount ?? 0;
    });
    if (count === 0) throw errors.noSuchBucket();
    await disk.removeBucket(id).catch(() => {});
    return c.json({ message: 'Successfully deleted' });
  });
}
