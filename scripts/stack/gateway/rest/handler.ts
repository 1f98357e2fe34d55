import type pg from 'pg';
import type { ApiKeys } from '../api-keys.ts';
import { isConnectionLoss } from '../db-errors.ts';
import type { JwtKeyInput } from '../jwt.ts';
import { bodyColumns, checkBodyShape, deleteSql, insertSql, type MutationSql, updateSql } from './build-mutate.ts';
import { resolveRoutine, rpcSql } from './build-rpc.ts';
import { buildLevel, checkAllLevelsUsed, newContext, readQuery } from './build-sql.ts';
import { countTotal, inlineParams, plannedCountSql } from './count.ts';
import { fromPgError, isPgError, RestError, tableNotFound } from './errors.ts';
import { bodyAggregate, isSingular, type Negotiated, negotiate } from './media.ts';
import { ACCESSIBLE_SQL, openApiRoot } from './openapi.ts';
import { appliedPreferences, type Preferences, parsePrefer, txEndSetting } from './prefer.ts';
import { type ParsedQuery, parseQuery, pathKey } from './query-params.ts';
import { topLevelPage } from './range.ts';
import { identify, type RequestIdentity } from './request-auth.ts';
import { type JsonBody, parseCookies, type RpcBody, readJsonBody, readRpcBody } from './request-body.ts';
import { type Outcome, respond } from './response.ts';
import { dbSettingOn, type SchemaCache } from './schema-cache.ts';
import type { SchemaState } from './schema-state.ts';
import { ident, Params } from './sql-fragments.ts';
import { locationOf, suggestTable } from './suggest.ts';
import { type MainResult, runRequest, type TxSetup } from './transaction.ts';

export interface RestSettings {
  schemas: string[];
  /** `[api] extra_search_path`: after the request's schema, as PostgREST sets search_path. */
  extraSearchPath: string[];
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

export async function handleRest(rt: RestRuntime, req: Request): Promise<Response> {
  let authed = false;
  try {
    const url = new URL(req.url);
    const at = url.pathname.indexOf('/rest/v1');
    const path = at >= 0 ? url.pathname.slice(at + '/rest/v1'.length) || '/' : url.pathname;
    const method = req.method.toUpperCase();
    const profile = req.headers.get(
      ['DELETE', 'PATCH', 'POST', 'PUT'].includes(method) ? 'content-profile' : 'accept-profile',
    );
    if (profile !== null && !rt.settings.schemas.includes(profile)) {
      throw new RestError(
        406,
        'PGRST106',
        `Invalid schema: ${profile}`,
        null,
        `Only the following schemas are exposed: ${rt.settings.schemas.join(', ')}`,
      );
    }
    const schema = profile ?? (rt.settings.schemas[0] as string);
    // PostgREST names the schema in Content-Profile whenever it could have been another one.
    const profiled = profile !== null || rt.settings.schemas.length !== 1;
    const cache = await rt.schema.get(schema);
    const identity = await identify(
      { authorization: req.headers.get('authorization'), apikey: req.headers.get('apikey') },
      rt.settings,
      { member: cache.roles, all: cache.allRoles },
    );
    authed = identity.role !== 'anon';
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
      query: url.search.slice(1),
      prefs,
      media,
      singular: !media.plan && isSingular(media.render),
      identity,
      body: !isRpc && (method === 'POST' || method === 'PATCH' || method === 'PUT') ? await readJsonBody(req) : null,
      rpcBody: isRpc && method === 'POST' ? await readRpcBody(req) : null,
    };
    let outcome: Outcome;
    try {
      outcome = await execute(rt, cache, call);
    } catch (e) {
      // DDL may have landed before its NOTIFY: one reload, then one retry.
      if (e instanceof RestError && /^PGRST20[0-5]$/.test(e.code) && (await rt.schema.reloadIfStale())) {
        outcome = await execute(rt, await rt.schema.get(schema), call);
      } else throw e;
    }
    const res = respond(outcome);
    if (profiled && res.headers.has('content-type')) res.headers.set('Content-Profile', schema);
    return res;
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
  const counted = call.prefs.count === 'exact' || call.prefs.count === 'estimated';
  const headOnly = call.method === 'HEAD';
  const maxRows = rt.settings.maxRows;
  const page = topLevelPage(call.method, call.req.headers.get('range'), root?.limit, root?.offset);
  const limit = Math.min(page.limit ?? maxRows, maxRows);
  const offset = page.offset;

  if (call.isRpc) return executeRpc(rt, cache, call, q, ctx, { counted, headOnly, limit, offset });

  const table = cache.relations.get(call.resource);
  if (!table) throw tableNotFound(cache.schema, call.resource, suggestTable(cache, call.resource));

  if (call.method === 'GET' || call.method === 'HEAD') {
    // The root is aliased by its own name, as PostgREST does: database errors read `column orders.x …`.
    const rootAlias = ident(table.name);
    const level = buildLevel(
      ctx,
      { name: table.name, columns: table.columns, relName: table.name },
      rootAlias,
      q.select,
      [],
    );
    checkAllLevelsUsed(ctx);
    const from = `"${cache.schema.replaceAll('"', '""')}"."${table.name.replaceAll('"', '""')}"`;
    const exact = call.prefs.count === 'exact' || call.prefs.count === 'estimated';
    const text = readQuery(ctx, {
      from,
      rootAlias,
      level,
      count: exact && !call.media.plan,
      body: !headOnly || !!call.media.plan,
      limit,
      offset,
      ...bodyExpr(call),
    });
    if (call.media.plan) return runPlan(rt, call, true, text, params.values);
    const explain =
      call.prefs.count === 'planned' || call.prefs.count === 'estimated'
        ? inlineParams(plannedCountSql(from, rootAlias, level), params.values)
        : undefined;
    const result = await run(rt, call, true, text, params.values, explain);
    const total = countTotal(call.prefs.count, result, maxRows);
    return { ...readOutcome(call, result, offset, headOnly), total };
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
      ...bodyExpr(call),
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
      ...bodyExpr(call),
      table,
      bodyText: call.body.text,
      columns,
      prefs: call.prefs,
      select: q.select,
      representation: wantsBody,
      body_out: true,
    });
  } else {
    mutation = deleteSql(ctx, table, q.select, wantsBody, true, bodyExpr(call).bodyExpr);
  }
  if (call.media.plan) return runPlan(rt, call, false, mutation.text, params.values);
  const result = await run(rt, call, false, mutation.text, params.values);
  const isInsert = call.method === 'POST' || call.method === 'PUT';
  const honoured: Array<keyof Preferences> = ['return', 'count', 'tx', 'handling', 'timezone'];
  if (call.method !== 'DELETE') honoured.push('missing');
  if (call.method === 'PATCH' || call.method === 'DELETE') honoured.push('maxAffected');
  if (isInsert && (table.pk.length > 0 || q.onConflict)) honoured.push('resolution');
  return {
    kind: 'mutate',
    method: call.method,
    result,
    counted,
    singular: call.singular,
    representation: wantsBody,
    contentType: call.media.contentType,
    location: headersOnly ? locationOf(table.name, table.pk, result.body) : null,
    applied: appliedPreferences(call.prefs, honoured),
  };
}

/** The body aggregate for the negotiated media type (absent: readQuery's JSON array). */
function bodyExpr(call: Call): { bodyExpr?: string } {
  return call.media.render === 'json' ? {} : { bodyExpr: bodyAggregate(call.media.render, 'pgrst_t', null) };
}

function readOutcome(call: Call, result: MainResult, offset: number, head: boolean) {
  return {
    kind: 'read' as const,
    result,
    offset,
    singular: call.singular,
    head,
    contentType: call.media.contentType,
    applied: appliedPreferences(call.prefs, ['count', 'tx', 'handling', 'timezone']),
  };
}

async function runPlan(
  rt: RestRuntime,
  call: Call,
  readOnly: boolean,
  text: string,
  values: string[],
): Promise<Outcome> {
  const plan = call.media.plan;
  if (!plan) throw new Error('runPlan without a plan');
  const opts = [`FORMAT ${plan.format.toUpperCase()}`, ...plan.options.map((o) => o.toUpperCase())];
  const result = await run(rt, call, readOnly, `EXPLAIN (${opts.join(', ')}) ${text}`, values, undefined, true);
  return { kind: 'plan', body: result.body, contentType: call.media.contentType };
}

/**
 * Argument names of a JSON body as PostgREST's payloadAttributes: an object's keys, the keys every
 * object of an array shares (else PGRST102), none for anything else.
 */
function jsonArgumentKeys(v: unknown): string[] {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(v)) return Object.keys(v);
  if (!Array.isArray(v) || v.length === 0 || !isObj(v[0])) {
    if (Array.isArray(v) && v.length > 0) throw new RestError(400, 'PGRST102', 'All object keys must match');
    return [];
  }
  const keys = Object.keys(v[0]);
  const canon = [...keys].sort().join('\u0000');
  if (!v.every((o) => isObj(o) && Object.keys(o).sort().join('\u0000') === canon)) {
    throw new RestError(400, 'PGRST102', 'All object keys must match');
  }
  return keys;
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
  const body = call.rpcBody;
  const keys = isPost ? (body?.kind === 'json' ? jsonArgumentKeys(body.value) : []) : [...q.rpcArgs.keys()];
  const { routine, wholeBody } = resolveRoutine(cache, call.resource, keys, isPost, body?.kind ?? 'json');
  const text = rpcSql(ctx, {
    routine,
    wholeBody,
    ...(isPost
      ? {
          bodyText: body?.text ?? '{}',
          bodyBytes: body?.bytes ?? Buffer.alloc(0),
          bodyKeys: keys,
          bodyIsArray: Array.isArray(body?.value),
        }
      : { getArgs: q.rpcArgs }),
    select: q.select,
    // Functions count only exactly (count=planned reports no total, as PostgREST's mainCall).
    count: (call.prefs.count === 'exact' || call.prefs.count === 'estimated') && !call.media.plan,
    body: (!o.headOnly && call.prefs.return !== 'minimal') || !!call.media.plan,
    render: call.media.render,
    ...(routine.returnsSet ? { limit: o.limit, offset: o.offset } : {}),
  });
  const readOnly = !isPost || routine.volatility !== 'volatile';
  if (call.media.plan) return runPlan(rt, call, readOnly, text, ctx.params.values);
  const result = await run(rt, call, readOnly, text, ctx.params.values);
  return {
    kind: 'rpc',
    result,
    offset: o.offset,
    total: result.total === null ? null : Number(result.total),
    singular: call.singular,
    head: o.headOnly || call.prefs.return === 'minimal',
    returnsSet: routine.returnsSet,
    returnKind: routine.returnKind,
    contentType: call.media.contentType,
    applied: appliedPreferences(call.prefs, ['count', 'tx', 'handling', 'timezone', 'maxAffected']),
  };
}

async function run(
  rt: RestRuntime,
  call: Call,
  readOnly: boolean,
  text: string,
  values: string[],
  explainCount?: string,
  plan?: boolean,
): Promise<MainResult> {
  const cache = await rt.schema.get(call.schema);
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
    searchPath: [call.schema, ...rt.settings.extraSearchPath].map((n) => `"${n.replaceAll('"', '""')}"`).join(', '),
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
  // PostgREST's optionalRollback: Prefer tx= (when allowed) over pgrst.db_tx_end.
  const txEnd = txEndSetting(cache.dbSettings.get('db_tx_end'));
  const wanted =
    call.prefs.tx === 'rollback' || (txEnd.rollbackAll && call.prefs.tx !== 'commit') ? 'rollback' : 'commit';
  const result = await runRequest(
    rt.pool,
    setup,
    { text, values, ...(explainCount ? { explainCount } : {}), ...(plan ? { plan } : {}) },
    needsResult ? (r) => (check(r) ? 'rollback' : wanted) : wanted,
  );
  const refusal = check(result);
  if (refusal) throw refusal;
  return result;
}
