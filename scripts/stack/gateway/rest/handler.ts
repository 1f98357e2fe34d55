import type pg from 'pg';
import type { ApiKeys } from '../api-keys.ts';
import { isConnectionLoss } from '../db-errors.ts';
import type { JwtKeyInput } from '../jwt.ts';
import { bodyColumns, checkBodyShape, deleteSql, insertSql, type MutationSql, updateSql } from './build-mutate.ts';
import { resolveRoutine, rpcSql } from './build-rpc.ts';
import { buildLevel, checkAllLevelsUsed, newContext, readQuery } from './build-sql.ts';
import { fromPgError, isPgError, RestError, tableNotFound } from './errors.ts';
import { ACCESSIBLE_SQL, openApiRoot } from './openapi.ts';
import { appliedPreferences, type Preferences, parsePrefer } from './prefer.ts';
import { type ParsedQuery, parseQuery, pathKey } from './query-params.ts';
import { topLevelPage } from './range.ts';
import { identify, type RequestIdentity } from './request-auth.ts';
import { type JsonBody, parseCookies, readJsonBody } from './request-body.ts';
import { type Outcome, respond } from './response.ts';
import type { SchemaCache } from './schema-cache.ts';
import type { SchemaState } from './schema-state.ts';
import { Params } from './sql-fragments.ts';
import { type MainResult, runRequest, type TxSetup } from './transaction.ts';

export interface RestSettings {
  schemas: string[];
  searchPath: string;
  maxRows: number;
  jwtSecret: JwtKeyInput;
  keys: ApiKeys;
}

export interface RestRuntime {
  pool: pg.Pool;
  schema: SchemaState;
  settings: RestSettings;
  log: (line: string) => void;
}

/** The parts of a request every kind of call needs once it is authenticated and negotiated. */
interface Call {
  req: Request;
  method: string;
  resource: string;
  isRpc: boolean;
  query: string;
  prefs: Preferences;
  singular: boolean;
  identity: RequestIdentity;
  body: JsonBody | null;
}

const OBJECT_TYPES = ['application/vnd.pgrst.object+json', 'application/vnd.pgrst.object'];
const JSON_TYPES = ['*/*', 'application/*', 'application/json', ''];

/** Accept negotiation: JSON array, or a single object (`.single()`); anything else is 406 PGRST107. */
function negotiate(accept: string | null): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => (t.split(';')[0] ?? '').trim().toLowerCase());
  if (types.some((t) => OBJECT_TYPES.includes(t))) return true;
  if (types.some((t) => JSON_TYPES.includes(t))) return false;
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${types.join(', ')}`);
}

export async function handleRest(rt: RestRuntime, req: Request): Promise<Response> {
  let authed = false;
  try {
    const url = new URL(req.url);
    const at = url.pathname.indexOf('/rest/v1');
    const path = at >= 0 ? url.pathname.slice(at + '/rest/v1'.length) || '/' : url.pathname;
    const method = req.method.toUpperCase();
    const cache = await rt.schema.get();
    const identity = await identify(
      { authorization: req.headers.get('authorization'), apikey: req.headers.get('apikey') },
      rt.settings,
      { member: cache.roles, all: cache.allRoles },
    );
    authed = identity.role !== 'anon';
    const profile = req.headers.get(method === 'GET' || method === 'HEAD' ? 'accept-profile' : 'content-profile');
    if (profile && !rt.settings.schemas.includes(profile)) {
      throw new RestError(
        406,
        'PGRST106',
        `Invalid schema: ${profile}`,
        null,
        `Only the following schemas are exposed: ${rt.settings.schemas.join(', ')}`,
      );
    }
    const segments = path.split('/').filter(Boolean).map(decodeSegment);
    if (segments.length === 0) {
      const root: Call = {
        req,
        method: 'GET',
        resource: '',
        isRpc: false,
        query: '',
        prefs: parsePrefer(null),
        singular: false,
        identity,
        body: null,
      };
      return openApiRoot(cache, await run(rt, root, true, ACCESSIBLE_SQL, [cache.schema]));
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
    const prefs = parsePrefer(req.headers.get('prefer'));
    if (prefs.handling === 'strict' && prefs.invalid.length) {
      throw new RestError(
        400,
        'PGRST122',
        'Invalid preferences given with handling=strict',
        `Invalid preferences: ${prefs.invalid.join(', ')}`,
      );
    }
    const call: Call = {
      req,
      method,
      resource: segments[segments.length - 1] as string,
      isRpc,
      query: url.search.slice(1),
      prefs,
      singular: negotiate(req.headers.get('accept')),
      identity,
      body: method === 'POST' || method === 'PATCH' || method === 'PUT' ? await readJsonBody(req) : null,
    };
    let outcome: Outcome;
    try {
      outcome = await execute(rt, cache, call);
    } catch (e) {
      // DDL may have landed before its NOTIFY: one reload, then one retry.
      if (e instanceof RestError && /^PGRST20[0-5]$/.test(e.code) && (await rt.schema.reloadIfStale())) {
        outcome = await execute(rt, await rt.schema.get(), call);
      } else throw e;
    }
    return respond(outcome);
  } catch (e) {
    if (e instanceof RestError) return respond({ error: e });
    if (isConnectionLoss(e)) return respond({ error: connectionError(e as Error) });
    if (isPgError(e)) return respond({ error: fromPgError(e, authed) });
    return respond({ error: unexpected(e, rt.log) });
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL');
  }
}

/** Postgres away (refused, restarting, recovering): PostgREST's 503 PGRST000 while it reconnects. */
function connectionError(err: Error): RestError {
  return new RestError(503, 'PGRST000', 'Database connection error. Retrying the connection.', err.message);
}

/** Failures outside Postgres errors and lost connections: a 500. */
function unexpected(e: unknown, log: (line: string) => void): RestError {
  const err = e instanceof Error ? e : new Error(String(e));
  log(`rest: unexpected error: ${err.stack ?? err.message}`);
  return new RestError(500, 'PGRSTX00', 'Internal error', err.message);
}

async function execute(rt: RestRuntime, cache: SchemaCache, call: Call): Promise<Outcome> {
  const params = new Params();
  const routineArgNames = new Set<string>();
  if (call.isRpc && call.method !== 'POST') {
    for (const r of cache.routines.get(call.resource) ?? []) for (const p of r.params) routineArgNames.add(p.name);
  }
  const q = parseQuery(call.query, (k) => routineArgNames.has(k));
  const ctx = newContext(cache, params, q.levels);
  const root = q.levels.get(pathKey([]));
  const counted = call.prefs.count !== undefined;
  const headOnly = call.method === 'HEAD';
  const maxRows = rt.settings.maxRows;
  const page = topLevelPage(call.method, call.req.headers.get('range'), root?.limit, root?.offset);
  const limit = Math.min(page.limit ?? maxRows, maxRows);
  const offset = page.offset;

  if (call.isRpc) return executeRpc(rt, cache, call, q, ctx, { counted, headOnly, limit, offset });

  const table = cache.relations.get(call.resource);
  if (!table) throw tableNotFound(cache.schema, call.resource, suggestTable(cache, call.resource));

  if (call.method === 'GET' || call.method === 'HEAD') {
    const level = buildLevel(
      ctx,
      { name: table.name, columns: table.columns, relName: table.name },
      'pgrst_0',
      q.select,
      [],
    );
    checkAllLevelsUsed(ctx);
    const text = readQuery(ctx, {
      from: `"${cache.schema.replaceAll('"', '""')}"."${table.name.replaceAll('"', '""')}"`,
      rootAlias: 'pgrst_0',
      level,
      count: counted,
      body: !headOnly,
      limit,
      offset,
    });
    const result = await run(rt, call, true, text, params.values);
    return { kind: 'read', result, offset, counted, singular: call.singular, head: headOnly };
  }

  const wantsBody = call.prefs.return === 'representation';
  const headersOnly = call.prefs.return === 'headers-only';
  let mutation: MutationSql;
  if (call.method === 'POST' || call.method === 'PUT') {
    if (!call.body) throw new RestError(400, 'PGRST102', 'Empty or invalid json');
    checkBodyShape(call.body.value, true);
    const columns = bodyColumns(table, call.body.value, q.columns);
    const select = headersOnly
      ? table.pk.map((name) => ({ kind: 'field' as const, field: { name, json: [] } }))
      : q.select;
    mutation = insertSql(ctx, {
      table,
      body: call.body.value,
      bodyText: call.body.text,
      columns,
      prefs: call.method === 'PUT' ? { ...call.prefs, resolution: 'merge-duplicates' } : call.prefs,
      ...(q.onConflict ? { onConflict: q.onConflict } : {}),
      select,
      representation: wantsBody || (headersOnly && table.pk.length > 0),
      body_out: true,
    });
  } else if (call.method === 'PATCH') {
    if (!call.body) throw new RestError(400, 'PGRST102', 'Empty or invalid json');
    checkBodyShape(call.body.value, false);
    const columns = bodyColumns(table, call.body.value, q.columns);
    mutation = updateSql(ctx, {
      table,
      bodyText: call.body.text,
      columns,
      prefs: call.prefs,
      select: q.select,
      representation: wantsBody,
      body_out: true,
    });
  } else {
    mutation = deleteSql(ctx, table, q.select, wantsBody, true);
  }
  const result = await run(rt, call, false, mutation.text, params.values);
  return {
    kind: 'mutate',
    method: call.method,
    result,
    counted,
    singular: call.singular,
    representation: wantsBody,
    location: headersOnly ? locationOf(table.name, table.pk, result.body) : null,
    applied: appliedPreferences(call.prefs, ['return', 'count', 'resolution', 'missing', 'tx', 'maxAffected']),
  };
}

async function executeRpc(
  rt: RestRuntime,
  cache: SchemaCache,
  call: Call,
  q: ParsedQuery,
  ctx: ReturnType<typeof newContext>,
  o: { counted: boolean; headOnly: boolean; limit: number; offset: number },
): Promise<Outcome> {
  const isPost = call.method === 'POST';
  let keys: string[] = [];
  if (isPost && call.body) {
    const v = call.body.value;
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new RestError(400, 'PGRST102', 'Empty or invalid json');
    keys = Object.keys(v);
  } else if (!isPost) keys = [...q.rpcArgs.keys()];
  const { routine, wholeBody } = resolveRoutine(cache, call.resource, keys, isPost);
  const text = rpcSql(ctx, {
    routine,
    wholeBody,
    ...(isPost ? { bodyText: call.body?.text ?? '{}', bodyKeys: keys } : { getArgs: q.rpcArgs }),
    select: q.select,
    count: o.counted,
    body: !o.headOnly && call.prefs.return !== 'minimal',
    ...(routine.returnsSet ? { limit: o.limit, offset: o.offset } : {}),
  });
  const readOnly = !isPost || routine.volatility !== 'volatile';
  const result = await run(rt, call, readOnly, text, ctx.params.values);
  return {
    kind: 'rpc',
    result,
    offset: o.offset,
    counted: o.counted,
    singular: call.singular,
    head: o.headOnly || call.prefs.return === 'minimal',
    returnsSet: routine.returnsSet,
    returnKind: routine.returnKind,
  };
}

async function run(
  rt: RestRuntime,
  call: Call,
  readOnly: boolean,
  text: string,
  values: string[],
): Promise<MainResult> {
  const cache = await rt.schema.get();
  const headers: Record<string, string> = {};
  call.req.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const setup: TxSetup = {
    readOnly,
    role: call.identity.role,
    claimsJson: call.identity.claimsJson,
    method: call.method,
    path: new URL(call.req.url).pathname.replace(/^.*?\/rest\/v1/, '') || '/',
    headersJson: JSON.stringify(headers),
    cookiesJson: JSON.stringify(parseCookies(call.req.headers.get('cookie'))),
    searchPath: rt.settings.searchPath,
    roleSettings: cache.roleSettings.get(call.identity.role) ?? [],
    ...(call.prefs.timezone ? { timezone: call.prefs.timezone } : {}),
  };
  // Singular and strict max-affected requests only know how to end after seeing the result.
  const check = (r: MainResult): RestError | null => {
    if (call.singular && r.n !== 1) {
      return new RestError(
        406,
        'PGRST116',
        'Cannot coerce the result to a single JSON object',
        `The result contains ${r.n} rows`,
      );
    }
    if (call.prefs.handling === 'strict' && call.prefs.maxAffected !== undefined && r.n > call.prefs.maxAffected) {
      return new RestError(
        400,
        'PGRST124',
        'Query result exceeds max-affected preference constraint',
        `The query affects ${r.n} rows`,
      );
    }
    return null;
  };
  const needsResult = call.singular || (call.prefs.handling === 'strict' && call.prefs.maxAffected !== undefined);
  const wanted = call.prefs.tx === 'rollback' ? 'rollback' : 'commit';
  const result = await runRequest(
    rt.pool,
    setup,
    { text, values },
    needsResult ? (r) => (check(r) ? 'rollback' : wanted) : wanted,
  );
  const refusal = check(result);
  if (refusal) throw refusal;
  return result;
}

function locationOf(table: string, pk: string[], body: string): string | null {
  if (!pk.length || !body) return null;
  const rows = JSON.parse(body) as Array<Record<string, unknown>>;
  const row = rows[0];
  if (!row) return null;
  return `/${table}?${pk.map((k) => `${encodeURIComponent(k)}=eq.${encodeURIComponent(String(row[k]))}`).join('&')}`;
}

/** PostgREST's fuzzy hint: the closest table scoring at least 0.75 (1 - edit distance / length). */
function suggestTable(cache: SchemaCache, name: string): string | null {
  let best: { table: string; score: number } | null = null;
  for (const t of cache.relations.keys()) {
    const score = 1 - editDistance(t, name) / Math.max(t.length, name.length);
    if (score >= 0.75 && (!best || score > best.score)) best = { table: t, score };
  }
  return best ? `Perhaps you meant the table '${cache.schema}.${best.table}'` : null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
