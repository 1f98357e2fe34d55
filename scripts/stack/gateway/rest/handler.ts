import { isConnectionLoss } from '../db-errors.ts';
import { bodyColumns, checkBodyShape, deleteSql, insertSql, type MutationSql, updateSql } from './build-mutate.ts';
import { buildLevel, checkAllLevelsUsed, newContext, readQuery } from './build-sql.ts';
import { bodyExpr, type Call, type RestRuntime, readOutcome, run, runPlan } from './call.ts';
import { countTotal, inlineParams, plannedCountSql } from './count.ts';
import { fromPgError, isPgError, RestError, tableNotFound } from './errors.ts';
import { executeRpc } from './execute-rpc.ts';
import { isSingular, negotiate } from './media.ts';
import { ACCESSIBLE_SQL, openApiRoot } from './openapi.ts';
import { parseFilterValue } from './parse-filters.ts';
import { appliedPreferences, type Preferences, parsePrefer, txEndSetting } from './prefer.ts';
import { parseQuery, pathKey } from './query-params.ts';
import { topLevelPage } from './range.ts';
import { identify } from './request-auth.ts';
import { readJsonBody, readRpcBody } from './request-body.ts';
import { type Outcome, respond } from './response.ts';
import { dbSettingOn, type SchemaCache } from './schema-cache.ts';
import { ident, Params } from './sql-fragments.ts';
import { locationOf, suggestTable } from './suggest.ts';

export type { RestSettings } from './call.ts';

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

async function execute(rt: RestRuntime, cache: SchemaCache, call: Call): Promise<Outcome> {
  const params = new Params();
  // GET/HEAD /rpc: a parameter whose value is no `op.value` expression is an argument (PostgREST's
  // pRequestFilter for reads of functions), so unknown names reach PGRST202 like POST's.
  const rpcRead = call.isRpc && call.method !== 'POST';
  const q = parseQuery(call.query, (k, v) => rpcRead && !isOpExpr(k, v));
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
