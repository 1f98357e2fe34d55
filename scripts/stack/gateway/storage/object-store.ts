import { createHash, randomUUID } from 'node:crypto';
import { findBucketAsService } from './buckets.ts';
import { type Caller, ownerOf, SERVICE_CALLER } from './caller.ts';
import type { KeyedMutex, Query, StorageDb } from './db.ts';
import { mustBeValidKey, type ObjectDisk } from './disk.ts';
import { errors } from './errors.ts';
import type { ParsedUpload } from './upload-body.ts';

export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  last_accessed_at: string;
}

const OBJECT_COLUMNS =
  'id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at';

/** Hosted Storage's object metadata document (what `list` and `info` show). */
function fileMetadata(upload: ParsedUpload, lastModified: Date) {
  return {
    eTag: `"${createHash('md5').update(upload.bytes).digest('hex')}"`,
    size: upload.bytes.byteLength,
    mimetype: upload.mimeType,
    cacheControl: upload.cacheControl,
    lastModified: lastModified.toISOString(),
    contentLength: upload.bytes.byteLength,
    httpStatusCode: 200,
  };
}

/** Privileged reads inside a caller's transaction (hosted switches scope the same way). */
async function asService(q: Query): Promise<void> {
  await q(`select set_config('role', 'service_role', true)`);
}

/**
 * Objects: metadata rows in storage.objects written as the caller (RLS decides), bytes on disk
 * written only once the row is accepted and before the transaction commits, so a refused row never
 * leaves bytes and a failed write never leaves a row.
 */
export class ObjectStore {
  constructor(
    private readonly db: StorageDb,
    private readonly disk: ObjectDisk,
    private readonly locks: KeyedMutex,
  ) {}

  async bucketOrThrow(id: string) {
    const bucket = await findBucketAsService(this.db, id);
    if (!bucket) throw errors.noSuchBucket();
    return bucket;
  }

  /** Row of an object as the caller may see it (RLS), or as service for public buckets. */
  async find(caller: Caller, bucket: string, name: string): Promise<ObjectRow> {
    const row = await this.db.withCaller(caller, async (q) => {
      const { rows } = await q<ObjectRow>(
        `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2 limit 1`,
        [bucket, name],
      );
      return rows[0];
    });
    if (!row) throw errors.noSuchKey();
    return row;
  }

  /**
   * Creates (or with `upsert` replaces) an object. `writer` is whose RLS applies (the caller, or
   * service_role for signed uploads) and `owner` the JWT sub recorded on the row.
   */
  async put(opts: {
    writer: Caller;
    owner: string | undefined;
    bucket: string;
    name: string;
    upload: ParsedUpload;
    upsert: boolean;
  }): Promise<{ id: string; key: string }> {
    const { writer, bucket, name, upload, upsert } = opts;
    mustBeValidKey(name);
    const version = randomUUID();
    const { owner, owner_id } = ownerOf(opts.owner);
    const metadata = fileMetadata(upload, new Date());
    const values = [
      randomUUID(),
      bucket,
      name,
      owner,
      owner_id,
      JSON.stringify(metadata),
      // Hosted stores `{ ...userMetadata }`: `{}` when the upload carried none, so info() reads `metadata: {}`.
      JSON.stringify(upload.userMetadata ?? {}),
      version,
    ];
    return this.locks.run([`${bucket}/${name}`], async () => {
      let wrote = false;
      try {
        const id = await this.db.withCaller(writer, async (q) => {
          try {
            // No RETURNING: as on hosted, an INSERT policy alone must be enough to upload.
            await q(
              `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
               values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)
               ${
                 upsert
                   ? `on conflict (name, bucket_id) do update set
                        owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata,
                        user_metadata = excluded.user_metadata, version = excluded.version,
                        updated_at = now(), last_accessed_at = now()`
                   : ''
               }`,
              values,
            );
          } catch (e) {
            if ((e as { code?: string }).code === '23505') throw errors.keyAlreadyExists();
            throw e;
          }
          await this.disk.write(bucket, name, version, upload.bytes);
          wrote = true;
          await asService(q);
          const { rows } = await q<{ id: string }>(
            'select id from storage.objects where bucket_id = $1 and name = $2',
            [bucket, name],
          );
          return rows[0]?.id ?? String(values[0]);
        });
        await this.disk.keepOnly(bucket, name, version);
        return { id, key: `${bucket}/${name}` };
      } catch (e) {
        if (wrote) await this.disk.remove(bucket, name, version).catch(() => {});
        throw e;
      }
    });
  }

  /** Removes the named objects the caller may delete (RLS); answers the deleted rows, as hosted. */
  async remove(caller: Caller, bucket: string, names: string[]): Promise<ObjectRow[]> {
    if (names.length === 0) return [];
    const keys = names.map((n) => `${bucket}/${n}`);
    return this.locks.run(keys, async () => {
      const deleted = await this.db.withCaller(caller, async (q) => {
        const { rows } = await q<ObjectRow>(
          `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${OBJECT_COLUMNS}`,
          [bucket, names],
        );
        return rows;
      });
      for (const row of deleted) await this.disk.remove(bucket, row.name, row.version).catch(() => {});
      return deleted;
    });
  }

  async move(caller: Caller, from: { bucket: string; name: string }, to: { bucket: string; name: string }) {
    mustBeValidKey(from.name);
    mustBeValidKey(to.name);
    await this.bucketOrThrow(to.bucket);
    const { owner, owner_id } = ownerOf(caller.sub);
    const version = randomUUID();
    return this.locks.run([`${from.bucket}/${from.name}`, `${to.bucket}/${to.name}`], async () => {
      const source = await this.db.withCaller(SERVICE_CALLER, async (q) => {
        const { rows } = await q<ObjectRow>(
          `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
          [from.bucket, from.name],
        );
        return rows[0];
      });
      if (!source) throw errors.noSuchKey();
      if (from.bucket === to.bucket && from.name === to.name) return { id: source.id, name: to.name };
      let wrote = false;
      try {
        await this.db.withCaller(caller, async (q) => {
          const r = await q(
            `update storage.objects
                set bucket_id = $3, name = $4, version = $5, owner = $6, owner_id = $7, updated_at = now()
              where bucket_id = $1 and name = $2`,
            [from.bucket, from.name, to.bucket, to.name, version, owner, owner_id],
          );
          if (!r.rowCount) throw errors.noSuchKey();
          await this.disk.copy({ ...from, version: source.version }, { ...to, version });
          wrote = true;
        });
      } catch (e) {
        if (wrote) await this.disk.remove(to.bucket, to.name, version).catch(() => {});
        throw e;
      }
      await this.disk.remove(from.bucket, from.name, source.version).catch(() => {});
      return { id: source.id, name: to.name };
    });
  }

  async copy(
    caller: Caller,
    from: { bucket: string; name: string },
    to: { bucket: string; name: string },
    opts: { upsert: boolean; copyMetadata: boolean; metadata?: { cacheControl?: string; mimetype?: string } },
  ): Promise<ObjectRow> {
    mustBeValidKey(from.name);
    mustBeValidKey(to.name);
    await this.bucketOrThrow(to.bucket);
    const { owner, owner_id } = ownerOf(caller.sub);
    const version = randomUUID();
    return this.locks.run([`${to.bucket}/${to.name}`], async () => {
      let wrote = false;
      try {
        const row = await this.db.withCaller(caller, async (q) => {
          // Reading the source as the caller is the permission check for it (hosted does the same).
          const { rows } = await q<ObjectRow>(
            `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
            [from.bucket, from.name],
          );
          const source = rows[0];
          if (!source) throw errors.noSuchKey();
          const metadata = { ...(source.metadata ?? {}) };
          if (!opts.copyMetadata) {
            if (opts.metadata?.cacheControl !== undefined) metadata.cacheControl = opts.metadata.cacheControl;
            if (opts.metadata?.mimetype !== undefined) metadata.mimetype = opts.metadata.mimetype;
          }
          metadata.lastModified = new Date().toISOString();
          try {
            await q(
              `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
               values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)
               ${
                 opts.upsert
                   ? `on conflict (name, bucket_id) do update set owner = excluded.owner, owner_id = excluded.owner_id,
                        metadata = excluded.metadata, user_metadata = excluded.user_metadata,
                        version = excluded.version, updated_at = now()`
                   : ''
               }`,
              [
                randomUUID(),
                to.bucket,
                to.name,
                owner,
                owner_id,
                JSON.stringify(metadata),
                opts.copyMetadata && source.user_metadata ? JSON.stringify(source.user_metadata) : null,
                version,
              ],
            );
          } catch (e) {
            if ((e as { code?: string }).code === '23505') throw errors.keyAlreadyExists();
            throw e;
          }
          await this.disk.copy({ ...from, version: source.version }, { ...to, version });
          wrote = true;
          await asService(q);
          const dest = await q<ObjectRow>(
            `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
            [to.bucket, to.name],
          );
          return dest.rows[0] as ObjectRow;
        });
        await this.disk.keepOnly(to.bucket, to.name, version);
        return row;
      } catch (e) {
        if (wrote) await this.disk.remove(to.bucket, to.name, version).catch(() => {});
        throw e;
      }
    });
  }
}
