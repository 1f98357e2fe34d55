import { type BuildContext, buildLevel, checkAllLevelsUsed, limitOffset, readQuery } from './build-sql.ts';
import { RestError } from './errors.ts';
import { bodyAggregate, type Render } from './media.ts';
import type { SelectItem } from './parse-select.ts';
import type { Routine, SchemaCache } from './schema-cache.ts';
import { ident } from './sql-fragments.ts';

/**
 * Finds the function `name` callable with exactly these argument names (PostgREST's overload
 * rules): every given key is a parameter, every parameter without default is given; else a
 * single unnamed json/jsonb parameter takes the whole body (POST only).
 */
export function resolveRoutine(
  cache: SchemaCache,
  name: string,
  keys: string[],
  isPost: boolean,
): { routine: Routine; wholeBody: boolean } {
  const all = cache.routines.get(name) ?? [];
  const matches = all.filter(
    (r) =>
      keys.every((k) => r.params.some((p) => p.name === k)) &&
      r.params.every((p) => p.hasDefault || keys.includes(p.name)),
  );
  if (matches.length === 1) return { routine: matches[0] as Routine, wholeBody: false };
  if (matches.length > 1) {
    const exact = matches.filter((r) => r.params.length === keys.length);
    if (exact.length === 1) return { routine: exact[0] as Routine, wholeBody: false };
    throw new RestError(
      300,
      'PGRST203',
      `Could not choose the best candidate function between: ${matches.map((r) => `${r.schema}.${r.name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`).join(', ')}`,
      null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    );
  }
  if (isPost) {
    const single = all.find(
      (r) => r.params.length === 1 && r.params[0]?.name === '' && /^jsonb?$/.test(r.params[0].type),
    );
    if (single) return { routine: single, wholeBody: true };
  }
  const func = `${cache.schema}.${name}`;
  const sorted = [...keys].sort();
  const withParams = keys.length
    ? ` with parameter${keys.length > 1 ? 's' : ''} ${sorted.join(', ')}`
    : ' without parameters';
  throw new RestError(
    404,
    'PGRST202',
    `Could not find the function ${func}${keys.length ? `(${sorted.join(', ')})` : ' without parameters'} in the schema cache`,
    `Searched for the function ${func}${withParams}${isPost ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`,
    all.length
      ? `Perhaps you meant to call the function ${func}(${all[0]?.params
          .map((p) => p.name)
          .sort()
          .join(', ')})`
      : null,
  );
}

export interface RpcInput {
  routine: Routine;
  wholeBody: boolean;
  /** POST: the JSON body text; GET: raw argument strings by name. */
  bodyText?: string;
  bodyKeys?: string[];
  getArgs?: Map<string, string>;
  select: SelectItem[];
  count: boolean;
  body: boolean;
  /** The negotiated rendering; a JSON array when absent. */
  render?: Render;
  limit?: number;
  offset?: number;
}

/** The call as a CTE so the function runs once even when the page and the count both read it. */
function callCte(ctx: BuildContext, i: RpcInput): string {
  const r = i.routine;
  const fn = `${ident(r.schema)}.${ident(r.name)}`;
  const scalarAlias = r.returnKind === 'composite' ? 'pgrst_fn' : 'pgrst_fn(pgrst_scalar)';
  if (i.wholeBody) {
    const cast = r.params[0]?.type === 'jsonb' ? 'jsonb' : 'json';
    return `WITH pgrst_call AS (SELECT pgrst_fn.* FROM ${fn}(${ctx.params.add(i.bodyText ?? '{}')}::${cast}) ${scalarAlias}) `;
  }
  if (i.getArgs) {
    const args = [...i.getArgs].map(([k, v]) => {
      const p = r.params.find((x) => x.name === k);
      return `${ident(k)} := ${ctx.params.add(v)}::${p?.type ?? 'text'}`;
    });
    return `WITH pgrst_call AS (SELECT pgrst_fn.* FROM ${fn}(${args.join(', ')}) ${scalarAlias}) `;
  }
  const keys = i.bodyKeys ?? [];
  const params = keys.map((k) => r.params.find((p) => p.name === k)).filter((p) => p !== undefined);
  const typed = params.map((p) => `${ident(p.name)} ${p.type}`).join(', ');
  const payload = params.length
    ? `FROM (SELECT ${ctx.params.add(i.bodyText ?? '{}')}::json AS json_data) pgrst_payload, LATERAL (SELECT * FROM json_to_record(pgrst_payload.json_data) AS _(${typed}) LIMIT 1) pgrst_body, `
    : 'FROM ';
  const args = params.map((p) => `${ident(p.name)} := pgrst_body.${ident(p.name)}`).join(', ');
  return `WITH pgrst_call AS (SELECT pgrst_fn.* ${payload}LATERAL ${fn}(${args}) ${scalarAlias}) `;
}

export function rpcSql(ctx: BuildContext, i: RpcInput): string {
  const r = i.routine;
  const wanted = i.render ?? 'json';
  const cte = callCte(ctx, i);
  if (r.returnKind !== 'composite') {
    const agg = bodyAggregate(wanted, 'pgrst_t', r.returnsSet ? 'set' : 'one');
    const total = i.count ? '(SELECT count(*) FROM pgrst_call)' : 'NULL::bigint';
    const page = `SELECT pgrst_scalar FROM pgrst_call${r.returnsSet ? limitOffset(ctx.params, i.limit, i.offset) : ''}`;
    return `${cte}SELECT ${total} AS total, count(*)::int AS n, ${i.body && r.returnKind !== 'void' ? agg : `''`} AS body FROM (${page}) pgrst_t`;
  }
  const alias = 'pgrst_0';
  const level = buildLevel(ctx, { name: r.name, columns: r.columns, relName: r.returnTable }, alias, i.select, []);
  checkAllLevelsUsed(ctx);
  // One composite renders as the object itself, as PostgREST's asJsonF for single composites.
  const render = r.returnsSet
    ? wanted
    : wanted === 'json'
      ? 'single'
      : wanted === 'json-strip'
        ? 'single-strip'
        : wanted;
  return readQuery(ctx, {
    ...(render === 'json' ? {} : { bodyExpr: bodyAggregate(render, 'pgrst_t', null) }),
    with: cte,
    from: 'pgrst_call',
    rootAlias: alias,
    level,
    count: i.count,
    body: i.body,
    ...(i.limit !== undefined ? { limit: i.limit } : {}),
    ...(i.offset !== undefined ? { offset: i.offset } : {}),
  });
}
