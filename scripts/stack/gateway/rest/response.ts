import { COMPRESS_MIN_BYTES } from '../compression.ts';
import { errorResponse, RestError } from './errors.ts';
import type { MainResult } from './query/transaction.ts';

/** Bodies arrive rendered by Postgres for the negotiated media type (`contentType`). */
export type Outcome =
  | { error: RestError }
  | {
      kind: 'read';
      result: MainResult;
      offset: number;
      total: number | null;
      singular: boolean;
      head: boolean;
      contentType: string;
      applied: string | null;
    }
  | {
      kind: 'mutate';
      method: string;
      result: MainResult;
      counted: boolean;
      singular: boolean;
      representation: boolean;
      contentType: string;
      location: string | null;
      applied: string | null;
    }
  | {
      kind: 'rpc';
      result: MainResult;
      offset: number;
      total: number | null;
      singular: boolean;
      head: boolean;
      returnsSet: boolean;
      returnKind: 'void' | 'scalar' | 'composite';
      contentType: string;
      applied: string | null;
    }
  | { kind: 'plan'; body: string; contentType: string };

/** `a-b/total` as PostgREST's contentRangeH: `*` for an empty page or a zero total. */
function contentRange(offset: number, n: number, total: number | null): string {
  const t = total === null ? '*' : String(total);
  return n > 0 && total !== 0 ? `${offset}-${offset + n - 1}/${t}` : `*/${t}`;
}

/** PostgREST's rangeStatusHeader: 416 past the end, 206 for a partial page of a known total. */
function rangeStatus(offset: number, n: number, total: number | null, singular: boolean): number {
  if (total === null) return 200;
  if (offset > total) return 416;
  return n < total && !singular ? 206 : 200;
}

function outOfRange(offset: number, total: number): Response {
  return errorResponse(
    new RestError(
      416,
      'PGRST103',
      'Requested range not satisfiable',
      `An offset of ${offset} was requested, but there are only ${total} rows.`,
      null,
      { 'Content-Range': `*/${total}` },
    ),
  );
}

/** Reads and function results share PostgREST's range/status rules. */
function pagedResponse(
  r: MainResult,
  o: { offset: number; total: number | null; singular: boolean; head: boolean; contentType: string },
  applied: string | null,
  pageTotal = r.n,
): Response {
  const status = rangeStatus(o.offset, pageTotal, o.total, o.singular);
  if (status === 416 && o.total !== null) return outOfRange(o.offset, o.total);
  const headers: Record<string, string> = {
    'Content-Type': o.contentType,
    'Content-Range': contentRange(o.offset, pageTotal, o.total),
  };
  if (applied) headers['Preference-Applied'] = applied;
  if (o.head) return new Response(null, { status, headers });
  // The length node-server would send anyway; declared, compression skips a small body unread.
  const length = typeof r.body === 'string' ? Buffer.byteLength(r.body) : COMPRESS_MIN_BYTES;
  if (length < COMPRESS_MIN_BYTES) headers['Content-Length'] = String(length);
  return new Response(r.body, { status, headers });
}

export function respond(o: Outcome): Response {
  if ('error' in o) return errorResponse(o.error);
  if (o.kind === 'plan') return new Response(o.body, { status: 200, headers: { 'Content-Type': o.contentType } });
  if (o.kind === 'read') return pagedResponse(o.result, o, o.applied);
  if (o.kind === 'rpc') {
    // A function returning one value is one row (PostgREST's pageCountSelectF).
    const pageTotal = o.returnsSet ? o.result.n : 1;
    if (o.returnKind === 'void') {
      const headers: Record<string, string> = { 'Content-Range': contentRange(o.offset, pageTotal, o.total) };
      if (o.applied) headers['Preference-Applied'] = o.applied;
      return new Response(null, { status: 204, headers });
    }
    return pagedResponse(o.result, o, o.applied, pageTotal);
  }
  const r = o.result;
  const headers: Record<string, string> = {};
  if (o.applied) headers['Preference-Applied'] = o.applied;
  const total = o.counted ? String(r.n) : '*';
  if (o.method === 'POST' || o.method === 'PUT') {
    headers['Content-Range'] = `*/${total}`;
    if (o.location) headers.Location = o.location;
    // A merge upsert that only updated existing rows is 200, as PostgREST reports it.
    const status = r.inserted !== undefined && r.inserted !== null && r.inserted <= 0 && r.n > 0 ? 200 : 201;
    if (!o.representation) return new Response(null, { status, headers });
    headers['Content-Type'] = o.contentType;
    return new Response(r.body, { status, headers });
  }
  headers['Content-Range'] = r.n > 0 ? `0-${r.n - 1}/${total}` : `*/${total}`;
  if (!o.representation) return new Response(null, { status: 204, headers });
  headers['Content-Type'] = o.contentType;
  return new Response(r.body, { status: 200, headers });
}
