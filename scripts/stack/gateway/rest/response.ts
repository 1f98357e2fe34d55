import { errorResponse, RestError } from './errors.ts';
import type { MainResult } from './transaction.ts';

export type Outcome =
  | { error: RestError }
  | { kind: 'read'; result: MainResult; offset: number; counted: boolean; singular: boolean; head: boolean }
  | {
      kind: 'mutate';
      method: string;
      result: MainResult;
      counted: boolean;
      singular: boolean;
      representation: boolean;
      location: string | null;
      applied: string | null;
    }
  | {
      kind: 'rpc';
      result: MainResult;
      offset: number;
      counted: boolean;
      singular: boolean;
      head: boolean;
      returnsSet: boolean;
      returnKind: 'void' | 'scalar' | 'composite';
    };

const JSON_TYPE = 'application/json; charset=utf-8';
const OBJECT_TYPE = 'application/vnd.pgrst.object+json; charset=utf-8';

/** `a-b/total` as PostgREST's Content-Range: `*` for an empty page or an unknown total. */
function contentRange(offset: number, n: number, total: number | null): string {
  const t = total === null ? '*' : String(total);
  return n > 0 ? `${offset}-${offset + n - 1}/${t}` : `*/${t}`;
}

/** `[x]` → `x`: json_agg's text for one element is exactly the element wrapped in brackets. */
function firstElement(body: string, n: number): string {
  return n === 0 ? 'null' : body.slice(1, -1);
}

/** Read-like results (tables and RPC sets) share PostgREST's range/status rules. */
function pagedResponse(r: MainResult, offset: number, counted: boolean, singular: boolean, head: boolean): Response {
  const total = counted && r.total !== null ? Number(r.total) : null;
  if (total !== null && offset > total) {
    return errorResponse(
      new RestError(
        416,
        'PGRST103',
        'Requested range not satisfiable',
        `An offset of ${offset} was requested, but there are only ${total} rows.`,
        null,
        {
          'Content-Range': `*/${total}`,
        },
      ),
    );
  }
  const status = total !== null && r.n < total && !singular ? 206 : 200;
  const headers: Record<string, string> = {
    'Content-Type': singular ? OBJECT_TYPE : JSON_TYPE,
    'Content-Range': contentRange(offset, r.n, total),
  };
  const body = head ? null : singular ? firstElement(r.body, r.n) : r.body;
  return new Response(body, { status, headers });
}

export function respond(o: Outcome): Response {
  if ('error' in o) return errorResponse(o.error);
  if (o.kind === 'read') return pagedResponse(o.result, o.offset, o.counted, o.singular, o.head);
  if (o.kind === 'rpc') {
    if (o.returnKind === 'void') return new Response(null, { status: 204, headers: { 'Content-Range': '0-0/*' } });
    if (o.returnsSet && o.returnKind === 'composite') {
      return pagedResponse(o.result, o.offset, o.counted, o.singular, o.head);
    }
    if (o.returnsSet) {
      return new Response(o.head ? null : o.singular ? firstElement(o.result.body, o.result.n) : o.result.body, {
        status: 200,
        headers: {
          'Content-Type': o.singular ? OBJECT_TYPE : JSON_TYPE,
          'Content-Range': contentRange(0, o.result.n, null),
        },
      });
    }
    // Single scalar or composite: the value itself, not an array.
    const body = o.returnKind === 'composite' ? firstElement(o.result.body, o.result.n) : o.result.body;
    return new Response(o.head ? null : body, {
      status: 200,
      headers: { 'Content-Type': o.singular ? OBJECT_TYPE : JSON_TYPE, 'Content-Range': '0-0/*' },
    });
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
    headers['Content-Type'] = o.singular ? OBJECT_TYPE : JSON_TYPE;
    return new Response(o.singular ? firstElement(r.body, r.n) : r.body, { status, headers });
  }
  headers['Content-Range'] = r.n > 0 ? `0-${r.n - 1}/${total}` : `*/${total}`;
  if (!o.representation) return new Response(null, { status: 204, headers });
  headers['Content-Type'] = o.singular ? OBJECT_TYPE : JSON_TYPE;
  return new Response(o.singular ? firstElement(r.body, r.n) : r.body, { status: 200, headers });
}
