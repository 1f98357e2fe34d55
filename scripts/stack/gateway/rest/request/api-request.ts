import { RestError } from '../errors.ts';
import type { SchemaCache } from '../schema/schema-cache.ts';
import { dbSettingOn } from '../schema/schema-cache.ts';
import { isSingular, type Negotiated, negotiate } from './media.ts';
import { parseFilterValue } from './parse-filters.ts';
import { type Preferences, parsePrefer, txEndSetting } from './prefer.ts';
import { type ParsedQuery, parseQuery } from './query-params.ts';
import type { RequestIdentity } from './request-auth.ts';
import { type JsonBody, type RpcBody, readJsonBody, readRpcBody } from './request-body.ts';

// PostgREST's ApiRequest: everything read from the HTTP request (path, method, profile, Prefer,
// Accept, body, query string) before the schema cache plans it. Split in the order the handler
// checks them — the profile before the schema cache is loaded, the rest once the caller is known.

/** The parts of a request every kind of call needs once it is authenticated and negotiated (PostgREST's ApiRequest). */
export interface Call {
  req: Request;
  /** The exposed schema the request works in (Accept-Profile / Content-Profile). */
  schema: string;
  method: string;
  resource: string;
  isRpc: boolean;
  query: string;
  prefs: Preferences;
  media: Negotiated;
  singular: boolean;
  identity: RequestIdentity;
  body: JsonBody | null;
  rpcBody: RpcBody | null;
}

/** Where the request goes: the path under /rest/v1, the method and the exposed schema it names. */
export interface RequestTarget {
  url: URL;
  path: string;
  method: string;
  schema: string;
  /** Whether responses name the schema in Content-Profile. */
  profiled: boolean;
}

export function requestTarget(req: Request, schemas: string[]): RequestTarget {
  const url = new URL(req.url);
  const at = url.pathname.indexOf('/rest/v1');
  const path = at >= 0 ? url.pathname.slice(at + '/rest/v1'.length) || '/' : url.pathname;
  const method = req.method.toUpperCase();
  const profile = req.headers.get(
    ['DELETE', 'PATCH', 'POST', 'PUT'].includes(method) ? 'content-profile' : 'accept-profile',
  );
  if (profile !== null && !schemas.includes(profile)) {
    throw new RestError(
      406,
      'PGRST106',
      `Invalid schema: ${profile}`,
      null,
      `Only the following schemas are exposed: ${schemas.join(', ')}`,
    );
  }
  const schema = profile ?? (schemas[0] as string);
  // PostgREST names the schema in Content-Profile whenever it could have been another one.
  const profiled = profile !== null || schemas.length !== 1;
  return { url, path, method, schema, profiled };
}

/** The OpenAPI root (`/`) or a call on a table, view or function, negotiated and with its body read. */
export async function apiRequest(
  req: Request,
  target: RequestTarget,
  cache: SchemaCache,
  identity: RequestIdentity,
): Promise<{ root: boolean; call: Call }> {
  const { path, method, schema } = target;
  const segments = path.split('/').filter(Boolean).map(decodeSegment);
  if (segments.length === 0) {
    const root: Call = {
      req,
      schema,
      method: 'GET',
      resource: '',
      isRpc: false,
      query: '',
      prefs: parsePrefer(null),
      media: negotiate(null, false),
      singular: false,
      identity,
      body: null,
      rpcBody: null,
    };
    return { root: true, call: root };
  }
  const isRpc = segments[0] === 'rpc' && segments.length === 2;
  if (segments.length !== 1 && !isRpc) throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL');
  if (
    !['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'PUT'].includes(method) ||
    (isRpc && !['GET', 'HEAD', 'POST'].includes(method))
  ) {
    throw new RestError(
      405,
      isRpc ? 'PGRST101' : 'PGRST117',
      isRpc ? `Cannot use the ${method} method on RPC` : `Unsupported HTTP method: ${method}`,
    );
  }
  const txEnd = txEndSetting(cache.dbSettings.get('db_tx_end'));
  const prefs = parsePrefer(req.headers.get('prefer'), txEnd.allowOverride);
  if (prefs.handling === 'strict' && prefs.invalid.length) {
    throw new RestError(
      400,
      'PGRST122',
      'Invalid preferences given with handling=strict',
      `Invalid preferences: ${prefs.invalid.join(', ')}`,
    );
  }
  const media = negotiate(req.headers.get('accept'), dbSettingOn(cache, 'db_plan_enabled'));
  const call: Call = {
    req,
    schema,
    method,
    resource: segments[segments.length - 1] as string,
    isRpc,
    query: target.url.search.slice(1),
    prefs,
    media,
    singular: !media.plan && isSingular(media.render),
    identity,
    body: !isRpc && (method === 'POST' || method === 'PATCH' || method === 'PUT') ? await readJsonBody(req) : null,
    rpcBody: isRpc && method === 'POST' ? await readRpcBody(req) : null,
  };
  return { root: false, call };
}

/** The query string, GET/HEAD /rpc arguments told apart from filters. */
export function callQuery(call: Call): ParsedQuery {
  // GET/HEAD /rpc: a parameter whose value is no `op.value` expression is an argument (PostgREST's
  // pRequestFilter for reads of functions), so unknown names reach PGRST202 like POST's.
  const rpcRead = call.isRpc && call.method !== 'POST';
  return parseQuery(call.query, (k, v) => rpcRead && !isOpExpr(k, v));
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL');
  }
}

const NOT_ARGS = new Set(['order', 'limit', 'offset', 'and', 'or']);

/** Whether a GET /rpc parameter is a filter (or order, page, logic) rather than an argument. */
function isOpExpr(key: string, value: string): boolean {
  if (NOT_ARGS.has(key.split('.').pop() as string)) return true;
  try {
    parseFilterValue({ name: key, json: [] }, value);
    return true;
  } catch {
    return false;
  }
}
