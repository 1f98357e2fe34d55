import type { Caller } from './caller.ts';
import type { StorageDb } from './db.ts';
import { errors } from './errors.ts';

export interface ListOptions {
  prefix: string;
  limit: number;
  offset: number;
  search: string;
  sortColumn: 'name' | 'updated_at' | 'created_at' | 'last_accessed_at';
  sortOrder: 'asc' | 'desc';
}

const SORT_COLUMNS = new Set(['name', 'updated_at', 'created_at', 'last_accessed_at']);

/** The body storage-js's `list(path, options)` posts, validated; defaults are hosted's. */
export function parseListBody(body: Record<string, unknown>): ListOptions {
  const int = (value: unknown, fallback: number, key: string) => {
    if (value === undefined || value === null) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw errors.invalidParameter(key);
    return n;
  };
  let prefix = typeof body.prefix === 'string' ? body.prefix : '';
  if (body.prefix !== undefined && typeof body.prefix !== 'string') throw errors.invalidParameter('prefix');
  // A prefix is always a folder (hosted appends the slash too).
  if (prefix.length > 0 && !prefix.endsWith('/')) prefix = `${prefix}/`;
  const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
  const column = typeof sortBy.column === 'string' ? sortBy.column.toLowerCase() : 'name';
  const order = typeof sortBy.order === 'string' && sortBy.order.toLowerCase() === 'desc' ? 'desc' : 'asc';
  return {
    prefix,
    limit: Math.min(int(body.limit, 100, 'limit'), 1500),
    offset: int(body.offset, 0, 'offset'),
    search: typeof body.search === 'string' ? body.search : '',
    sortColumn: (SORT_COLUMNS.has(column) ? column : 'name') as ListOptions['sortColumn'],
    sortOrder: order,
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * One folder level of a bucket, as hosted's `storage.search` answers it: sub-folders (only `name`,
 * everything else null) and files directly under `prefix`, names relative to it; `search` is a
 * case-insensitive prefix on the next path segment. Runs as the caller, so RLS hides what it must.
 * Sorting by name mixes folders and files; any other column lists folders first, as hosted does.
 */
export async function listFolder(db: StorageDb, caller: Caller, bucket: string, o: ListOptions) {
  const dir = o.sortOrder;
  const order =
    o.sortColumn === 'name'
      ? `lower(name) collate "C" ${dir}, name collate "C" ${dir}`
      : `is_folder desc, case when is_folder then lower(name) end collate "C" ${dir}, ${o.sortColumn} ${dir}, name collate "C"`;
  return db.withCaller(caller, async (q) => {
    const { rows } = await q(
      `with base as (
         select substr(o.name, $3::int + 1) as rest, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
           from storage.objects o
          where o.bucket_id = $1 and o.name ilike $2 escape '\\'
       ), entries as (
         select split_part(rest, '/', 1) as name, null::uuid as id, null::timestamptz as updated_at,
                null::timestamptz as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata,
                true as is_folder
           from base where position('/' in rest) > 0
          group by split_part(rest, '/', 1)
         union all
         select rest, id, updated_at, created_at, last_accessed_at, metadata, false
           from base where position('/' in rest) = 0
       )
       select name, id, updated_at, created_at, last_accessed_at, metadata
         from entries
        order by ${order}
        limit $4 offset $5`,
      [bucket, `${escapeLike(o.prefix + o.search)}%`, o.prefix.length, o.limit, o.offset],
    );
    return rows;
  });
}
