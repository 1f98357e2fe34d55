import { bodyAggregate, type Render } from '../request/media.ts';
import type { SelectItem } from '../request/parse-select.ts';
import type { Routine, RoutineParam } from '../schema/schema-cache.ts';
import { type BuildContext, buildLevel, checkAllLevelsUsed, limitOffset, readQuery } from './build-sql.ts';
import { ident } from './sql-fragments.ts';

export interface RpcInput {
  routine: Routine;
  wholeBody: boolean;
  /** POST: the JSON body text. */
  bodyText?: string;
  /** The raw body, for a single unnamed bytea parameter. */
  bodyBytes?: Buffer;
  bodyKeys?: string[];
  /** The JSON body is an array: its first object gives the arguments (PostgREST's LIMIT 1). */
  bodyIsArray?: boolean;
  /** GET and form bodies: raw argument strings by name, every value of a VARIADIC one. */
  getArgs?: Map<string, string | string[]>;
  select: SelectItem[];
  count: boolean;
  body: boolean;
  /** The negotiated rendering; a JSON array when absent. */
  render?: Render;
  limit?: number;
  offset?: number;
}

// Named notation reaches a VARIADIC parameter only with the keyword; it then takes the array whole.
const variadic = (p: RoutineParam | undefined) => (p?.variadic ? 'VARIADIC ' : '');

/** Repeated query-string values as a Postgres array literal, cast to the parameter's array type. */
const arrayLiteral = (values: string[]) =>
  `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

/**
 * What the result is called, as PostgREST's `pgrst_source AS "items"` (so errors name it): the
 * returned table or composite type (funcTableName), else the function (RETURNS TABLE, OUT columns).
 */
function resultName(r: Routine): string {
  if (r.returnTable) return r.returnTable;
  if (r.returnType === 'record') return r.name;
  // format_type's text: the type's own name is its last, possibly quoted, segment.
  const last = r.returnType.match(/(?:^|\.)("(?:[^"]|"")+"|[^."]+)$/)?.[1];
  if (!last) return r.name;
  return last.startsWith('"') ? last.slice(1, -1).replaceAll('""', '"') : last;
}

/** The call as a CTE so the function runs once even when the page and the count both read it. */
function callCte(ctx: BuildContext, i: RpcInput): string {
  const r = i.routine;
  const fn = `${ident(r.schema)}.${ident(r.name)}`;
  const scalarAlias = r.returnKind === 'composite' ? 'pgrst_fn' : 'pgrst_fn(pgrst_scalar)';
  if (i.wholeBody) {
    // The body as the one argument (PostgREST's OnePosParam); bytea arrives as `\x…` text.
    const type = r.params[0]?.type ?? 'json';
    const value = type === 'bytea' ? `\\x${(i.bodyBytes ?? Buffer.alloc(0)).toString('hex')}` : (i.bodyText ?? '{}');
    return `WITH pgrst_call AS (SELECT pgrst_fn.* FROM ${fn}(${ctx.params.add(value)}::${type}) ${scalarAlias}) `;
  }
  if (i.getArgs) {
    const args = [...i.getArgs].map(([k, v]) => {
      const p = r.params.find((x) => x.name === k);
      const value = Array.isArray(v) ? arrayLiteral(v) : v;
      return `${variadic(p)}${ident(k)} := ${ctx.params.add(value)}::${p?.type ?? 'text'}`;
    });
    return `WITH pgrst_call AS (SELECT pgrst_fn.* FROM ${fn}(${args.join(', ')}) ${scalarAlias}) `;
  }
  const keys = i.bodyKeys ?? [];
  const params = keys.map((k) => r.params.find((p) => p.name === k)).filter((p) => p !== undefined);
  const typed = params.map((p) => `${ident(p.name)} ${p.type}`).join(', ');
  const payload = params.length
    ? `FROM (SELECT ${ctx.params.add(i.bodyText ?? '{}')}::json AS json_data) pgrst_payload, LATERAL (SELECT * FROM ${i.bodyIsArray ? 'json_to_recordset' : 'json_to_record'}(pgrst_payload.json_data) AS _(${typed}) LIMIT 1) pgrst_body, `
    : 'FROM ';
  const args = params.map((p) => `${variadic(p)}${ident(p.name)} := pgrst_body.${ident(p.name)}`).join(', ');
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
  const alias = ident(resultName(r));
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
