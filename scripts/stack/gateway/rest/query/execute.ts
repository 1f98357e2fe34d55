import { RestError, tableNotFound } from '../errors.ts';
import { planRead } from '../plan/read-plan.ts';
import { locationOf, suggestTable } from '../plan/suggest.ts';
import { type Call, callQuery } from '../request/api-request.ts';
import { appliedPreferences, type Preferences } from '../request/prefer.ts';
import { pathKey } from '../request/query-params.ts';
import { topLevelPage } from '../request/range.ts';
import type { Outcome } from '../response.ts';
import type { SchemaCache } from '../schema/schema-cache.ts';
import { bodyColumns, checkBodyShape, deleteSql, insertSql, type MutationSql, updateSql } from './build-mutate.ts';
import { checkAllLevelsUsed, newContext, readQuery, renderLevel } from './build-sql.ts';
import { bodyExpr, type RestRuntime, readOutcome, run, runPlan } from './call.ts';
import { countTotal, inlineParams, plannedCountSql } from './count.ts';
import { executeRpc } from './execute-rpc.ts';
import { ident, Params } from './sql-fragments.ts';

/** One call against the schema cache: its statement built, run in one transaction, read back. */
export async function execute(rt: RestRuntime, cache: SchemaCache, call: Call): Promise<Outcome> {
  const params = new Params();
  const q = callQuery(call);
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
    // ApiRequest → ReadPlan (relationships resolved, no SQL) → SQL.
    const plan = planRead(ctx, { name: table.name, columns: table.columns, relName: table.name }, q.select, []);
    const level = renderLevel(ctx, plan, rootAlias);
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
