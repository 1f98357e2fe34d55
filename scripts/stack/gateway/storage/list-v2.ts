import type { Caller } from './caller.ts';
import type { Query, StorageDb } from './db.ts';
import { errors } from './errors.ts';

type SortColumn = 'name' | 'updated_at' | 'created_at';
type SortOrder = 'asc' | 'desc';

export interface ListV2Options {
  prefix: string;
  limit: number;
  cursor: ContinuationToken | undefined;
  withDelimiter: boolean;
  sortBy: { column: SortColumn; order: SortOrder | undefined } | undefined;
}

/** Hosted's cursor: `l:<startAfter>\no:<order>\nc:<column>\na:<timestamp>`, base64. */
interface ContinuationToken {
  startAfter: string;
  sortOrder?: string;
  sortColumn?: string;
  sortColumnAfter?: string;
}

const TOKEN_PARTS: Array<[string, keyof ContinuationToken]> = [
  ['l', 'startAfter'],
  ['o', 'sortOrder'],
  ['c', 'sortColumn'],
  ['a', 'sortColumnAfter'],
];

function encodeToken(token: ContinuationToken): string {
  let out = '';
  for (const [k, field] of TOKEN_PARTS) if (token[field]) out += `${k}:${token[field]}\n`;
  return Buffer.from(out.slice(0, -1)).toString('base64');
}

function decodeToken(raw: string): ContinuationToken {
  const token: ContinuationToken = { startAfter: '', sortOrder: 'asc' };
  for (const part of Buffer.from(raw, 'base64').toString().split('\n')) {
    const m = /^(\S):(.*)/.exec(part);
    const field = m && TOKEN_PARTS.find(([k]) => k === m[1])?.[1];
    if (!m || !field) throw errors.invalidParameter('Invalid Parameter continuation token');
    token[field] = m[2] as string;
  }
  return token;
}

/** Fastify's coercion of scalar body fields (`coerceTypes`), then hosted's schema, in its words. */
function asString(value: unknown, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw errors.schemaValidation(`body/${key} must be string`);
}

/** The body of storage-js's `listV2()` (`POST /object/list-v2/<bucket>`), validated as hosted's route schema. */
export function parseListV2Body(body: Record<string, unknown>): ListV2Options {
  let limit: number | undefined;
  if (body.limit !== undefined) {
    const n = typeof body.limit === 'string' && body.limit.trim() !== '' ? Number(body.limit) : body.limit;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw errors.schemaValidation('body/limit must be integer');
    if (n < 1) throw errors.schemaValidation('body/limit must be >= 1');
    limit = n;
  }
  const rawDelimiter = body.with_delimiter;
  if (rawDelimiter !== undefined && ![true, false, 'true', 'false'].includes(rawDelimiter as never)) {
    throw errors.schemaValidation('body/with_delimiter must be boolean');
  }
  let sortBy: ListV2Options['sortBy'];
  if (body.sortBy !== undefined) {
    const s = body.sortBy as Record<string, unknown>;
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw errors.schemaValidation('body/sortBy must be object');
    if (s.column === undefined) throw errors.schemaValidation("body/sortBy must have required property 'column'");
    if (!['name', 'updated_at', 'created_at'].includes(s.column as string)) {
      throw errors.schemaValidation('body/sortBy/column must be equal to one of the allowed values');
    }
    if (s.order !== undefined && !['asc', 'desc'].includes(s.order as string)) {
      throw errors.schemaValidation('body/sortBy/order must be equal to one of the allowed values');
    }
    sortBy = { column: s.column as SortColumn, order: s.order as SortOrder | undefined };
  }
  const cursor = asString(body.cursor, 'cursor');
  return {
    prefix: asString(body.prefix, 'prefix') ?? '',
    limit: Math.min(limit || 1000, 1000),
    cursor: cursor ? decodeToken(cursor) : undefined,
    withDelimiter: rawDelimiter === true || rawDelimiter === 'true',
    sortBy,
  };
}

interface Row {
  key?: string;
  name: string;
  id: string | null;
  metadata: unknown;
  updated_at: Date | string | null;
  created_at: Date | string | null;
  last_accessed_at: Date | string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Objects without a delimiter: every key under the prefix, by name or by a timestamp then name, the
 * cursor a `(timestamp, name)` or `name` bound (hosted's flat listObjectsV2 query).
 */
async function flatRows(q: Query, bucket: string, o: ListV2Options, column: string | undefined, order: SortOrder) {
  const values: unknown[] = [bucket, o.limit + 1];
  const where = ['bucket_id = $1'];
  const timestampColumn = column === 'updated_at' || column === 'created_at' ? column : undefined;
  const op = order === 'asc' ? '>' : '<';
  if (o.prefix) {
    values.push(`${escapeLike(o.prefix)}%`);
    where.push(`name like $${values.length} escape '\\'`);
  }
  if (o.cursor?.startAfter) {
    if (timestampColumn && o.cursor.sortColumnAfter) {
      values.push(o.cursor.sortColumnAfter, o.cursor.startAfter);
      where.push(
        `row(date_trunc('milliseconds', ${timestampColumn}), name collate "C") ${op}
         row(coalesce(nullif($${values.length - 1}, '')::timestamptz, 'epoch'::timestamptz), $${values.length})`,
      );
    } else {
      values.push(o.cursor.startAfter);
      where.push(`name collate "C" ${op} $${values.length}`);
    }
  }
  const { rows } = await q<Row>(
    `select id, name, metadata, updated_at, created_at, last_accessed_at
       from storage.objects
      where ${where.join(' and ')}
      order by ${timestampColumn ? `${timestampColumn} ${order}, ` : ''}name collate "C" ${order}
      limit $2`,
    values,
  );
  return rows;
}

/**
 * One level under the prefix, as hosted's `storage.search_v2`: a folder per common prefix (its name
 * the path up to, not including, the next `/`; `key` the last segment) and the objects directly
 * there. By name, folders sit where their keys sort (bytewise) and the cursor is the last name
 * returned; by a timestamp, a folder carries its oldest object's created_at for both timestamps.
 */
async function delimitedRows(q: Query, bucket: string, o: ListV2Options, column: SortColumn, order: SortOrder) {
  const levels = o.prefix ? o.prefix.split('/').length : 1;
  const byName = column === 'name';
  const op = order === 'asc' ? '>' : '<';
  const values: unknown[] = [bucket, `${escapeLike(o.prefix)}%`, o.prefix.length, levels, o.limit + 1];
  let after = '';
  if (o.cursor?.startAfter) {
    values.push(o.cursor.startAfter);
    const start = `$${values.length}`;
    if (byName) {
      // A cursor naming a folder resumes after everything in it.
      after = `where sort_key collate "C" ${op} case when exists (
          select 1 from storage.objects f where f.bucket_id = $1 and f.name collate "C" like ${start} || '/%'
        ) then ${start} || '/' else ${start} end`;
    } else {
      values.push(o.cursor.sortColumnAfter ?? '');
      after = `where row(date_trunc('milliseconds', ${column}), name collate "C") ${op}
        row(coalesce(nullif($${values.length}, '')::timestamptz, 'epoch'::timestamptz), ${start})`;
    }
  }
  const orderBy = byName
    ? `sort_key collate "C" ${order}`
    : `coalesce(date_trunc('milliseconds', ${column}), 'epoch'::timestamptz) ${order}, name collate "C" ${order}`;
  const { rows } = await q<Row>(
    `with raw as (
       select o.name, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata,
              case when position('/' in substr(o.name, $3::int + 1)) > 0
                   then left(o.name, $3::int + position('/' in substr(o.name, $3::int + 1))) end as common_prefix
         from storage.objects o
        where o.bucket_id = $1 and o.name collate "C" like $2 escape '\\'
     ), entries as (
       select rtrim(common_prefix, '/') as name, null::uuid as id, min(created_at) as updated_at,
              min(created_at) as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata,
              common_prefix as sort_key
         from raw where common_prefix is not null group by common_prefix
       union all
       select name, id, updated_at, created_at, last_accessed_at, metadata, name
         from raw where common_prefix is null
     )
     select split_part(name, '/', $4::int) as key, name, id,
            ${byName ? 'case when id is null then null else updated_at end' : 'updated_at'} as updated_at,
            ${byName ? 'case when id is null then null else created_at end' : 'created_at'} as created_at,
            last_accessed_at, metadata
       from entries ${after}
      order by ${orderBy}
      limit $5`,
    values,
  );
  return rows;
}

const iso = (v: Date | string | null) => (v === null ? undefined : new Date(v).toISOString());

/**
 * `POST /object/list-v2/<bucket>` as hosted's listObjectsV2 answers it: `{hasNext, nextCursor,
 * nextCursorKey, folders, objects}`, folder names ending in `/`, names relative to the bucket.
 * Runs as the caller, so RLS hides what it must.
 */
export async function listV2(db: StorageDb, caller: Caller, bucket: string, o: ListV2Options) {
  const column = (o.cursor?.sortColumn || o.sortBy?.column) as SortColumn | undefined;
  const order: SortOrder = (o.cursor?.sortOrder || o.sortBy?.order) === 'desc' ? 'desc' : 'asc';
  const rows = await db.withCaller(caller, (q) =>
    o.withDelimiter ? delimitedRows(q, bucket, o, column ?? 'name', order) : flatRows(q, bucket, o, column, order),
  );
  const hasNext = rows.length > o.limit;
  const page = hasNext ? rows.slice(0, o.limit) : rows;
  const folders: Row[] = [];
  const objects: Row[] = [];
  for (const row of page) {
    if (row.id === null) folders.push({ ...row, name: row.name.endsWith('/') ? row.name : `${row.name}/` });
    else objects.push(row);
  }
  const last = page[page.length - 1];
  let nextCursor: string | undefined;
  if (hasNext && last) {
    nextCursor = encodeToken({
      startAfter: last.name,
      ...((o.cursor?.sortOrder || o.sortBy?.order) && { sortOrder: o.cursor?.sortOrder || o.sortBy?.order }),
      ...(column && { sortColumn: column }),
      ...(column && column !== 'name' && last[column] && { sortColumnAfter: iso(last[column]) }),
    });
  }
  return { hasNext, nextCursor, nextCursorKey: hasNext ? last?.name : undefined, folders, objects };
}
