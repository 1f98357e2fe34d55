import { RestError } from '../errors.ts';
import {
  type LevelSource,
  type PlanContext,
  type PlannedEmbed,
  type PlannedField,
  planRead,
  type ReadPlan,
} from '../plan/read-plan.ts';
import { fieldOutputName } from '../request/parse-common.ts';
import type { AggregateFn, SelectItem } from '../request/parse-select.ts';
import type { LevelParams } from '../request/query-params.ts';
import type { SchemaCache } from '../schema/schema-cache.ts';
import { columnExpr, filterSql, ident, logicSql, orderSql, type Params } from './sql-fragments.ts';

export type { LevelSource } from '../plan/read-plan.ts';

/** State shared while one request is planned and its SQL generated. */
export interface BuildContext extends PlanContext {
  params: Params;
  aliasCount: number;
}

export interface LevelSql {
  selectList: string[];
  outputs: string[];
  joins: string[];
  conds: string[];
  /** Some condition reads an embed's lateral join (inner embed or `rel=is.null`). */
  condsUseJoins: boolean;
  /** ` GROUP BY …` when the level selects aggregates (PostgREST's groupF), else empty. */
  group: string;
  order: string;
  limit?: number;
  offset?: number;
  /** The level aggregates, itself or through a to-one spread below it. */
  hasAgg: boolean;
  /**
   * A to-one spread's aggregates, hoisted to the parent (PostgREST's hoistSpreadAggFunctions):
   * output name → the function and cast the parent applies to that plain column.
   */
  hoisted: Map<string, { fn: AggregateFn; cast?: string }>;
}

/** How a select entry takes part in grouping once the level aggregates. */
type EntryKind = 'plain' | 'agg' | 'json';
type AddEntry = (expr: string, name: string, kind: EntryKind) => void;

const nextAlias = (ctx: BuildContext) => `pgrst_${ctx.aliasCount++}`;
const qualified = (ctx: BuildContext, name: string) => `${ident(ctx.cache.schema)}.${ident(name)}`;

function applyAgg(fn: AggregateFn, expr: string, cast: string | undefined): string {
  const call = `${fn.toUpperCase()}(${expr})`;
  return cast ? `CAST(${call} AS ${cast})` : call;
}

/** Plans the select tree (plan/read-plan.ts) and renders it: what reads, mutations and RPCs select. */
export function buildLevel(
  ctx: BuildContext,
  src: LevelSource,
  alias: string,
  items: SelectItem[],
  path: string[],
): LevelSql {
  return renderLevel(ctx, planRead(ctx, src, items, path), alias);
}

/**
 * One planned level as SQL: its columns, the lateral joins for its embeds, its filters, order
 * and paging. Parameters are numbered in the order they are rendered, depth first.
 */
export function renderLevel(ctx: BuildContext, plan: ReadPlan, alias: string): LevelSql {
  const src = plan.source;
  const lp = plan.params;
  const out: LevelSql = {
    selectList: [],
    outputs: [],
    joins: [],
    conds: [],
    condsUseJoins: false,
    group: '',
    order: '',
    hasAgg: false,
    hoisted: new Map(),
  };
  const entries: Array<{ expr: string; name: string; kind: EntryKind }> = [];
  const add: AddEntry = (expr, name, kind) => entries.push({ expr, name, kind });
  const presence = new Map<string, string>();
  const toOneLaterals = new Map<string, string>();

  for (const item of plan.items) {
    if (item.kind === 'star') {
      for (const col of src.columns.keys()) add(`${alias}.${ident(col)}`, col, 'plain');
    } else if (item.kind === 'field') renderField(ctx, plan, alias, item, out, add);
    else renderEmbed(ctx, plan, alias, item, out, add, presence, toOneLaterals);
  }

  out.hasAgg = entries.some((e) => e.kind === 'agg') || out.hoisted.size > 0;
  const grouped: number[] = [];
  entries.forEach((e, i) => {
    // json has no equality operator: an aggregated level groups (and so returns) embeds as jsonb, as PostgREST does.
    const expr = out.hasAgg && e.kind === 'json' ? `(${e.expr})::jsonb` : e.expr;
    out.selectList.push(`${expr} AS ${ident(e.name)}`);
    out.outputs.push(e.name);
    if (e.kind !== 'agg') grouped.push(i + 1);
  });
  // Ordinals, not expressions: JSON-path operands are bound parameters that differ between the two.
  if (entries.some((e) => e.kind === 'agg') && grouped.length) out.group = ` GROUP BY ${grouped.join(', ')}`;

  const p = ctx.params;
  const embeds = (name: string) => {
    const e = presence.get(name);
    if (e && !src.columns.has(name)) {
      out.condsUseJoins = true;
      return e;
    }
    return null;
  };
  for (const f of lp?.filters ?? []) out.conds.push(filterSql(src, alias, f, p, embeds));
  for (const t of lp?.logic ?? []) out.conds.push(logicSql(src, alias, t, p, embeds));
  if (lp?.order) {
    out.order = orderSql(src, alias, lp.order, p, (t) => {
      const lat = t.relation ? toOneLaterals.get(t.relation) : undefined;
      if (!lat) {
        throw new RestError(
          400,
          'PGRST118',
          `A related order on '${t.relation}' is not possible`,
          `'${src.name}' and '${t.relation}' do not form a many-to-one or one-to-one relationship`,
        );
      }
      return `${lat}.${ident(t.field.name)}`;
    });
  }
  if (lp?.limit !== undefined) out.limit = lp.limit;
  if (lp?.offset !== undefined) out.offset = lp.offset;
  return out;
}

function renderField(
  ctx: BuildContext,
  plan: ReadPlan,
  alias: string,
  item: PlannedField,
  out: LevelSql,
  add: AddEntry,
): void {
  const p = ctx.params;
  const fieldName = fieldOutputName(item.field);
  if (item.agg) {
    let base = item.field.name === '*' ? '*' : columnExpr(plan.source, alias, item.field, p);
    if (item.cast && base !== '*') base = `CAST(${base} AS ${item.cast})`;
    const name = item.alias ?? (item.field.json.length ? fieldName : item.agg);
    if (plan.hoist) {
      // The spread's row is one value per parent row: the parent aggregates it.
      add(base === '*' ? '1' : base, name, 'plain');
      out.hoisted.set(name, { fn: item.agg, ...(item.aggCast ? { cast: item.aggCast } : {}) });
    } else add(applyAgg(item.agg, base, item.aggCast), name, 'agg');
    return;
  }
  let expr = columnExpr(plan.source, alias, item.field, p);
  if (item.cast) expr = `CAST(${expr} AS ${item.cast})`;
  add(expr, item.alias ?? fieldName, 'plain');
}

/** One planned embed of a level: its lateral join and what it adds to the level's select list. */
function renderEmbed(
  ctx: BuildContext,
  plan: ReadPlan,
  alias: string,
  e: PlannedEmbed,
  out: LevelSql,
  add: AddEntry,
  presence: Map<string, string>,
  toOneLaterals: Map<string, string>,
): void {
  const p = ctx.params;
  const { outName, join } = e;
  const childAlias = ident(e.alias);
  const lat = ident(e.lateral);
  const child = renderLevel(ctx, e.child, childAlias);
  let from = `${qualified(ctx, e.target.name)} AS ${childAlias}`;
  const joinConds: string[] = [];
  if (join.kind === 'function') {
    from = `${join.call}(${alias}) AS ${childAlias}`;
    joinConds.push('TRUE');
  } else if (join.kind === 'junction') {
    const j = nextAlias(ctx);
    const on = join.targetPairs.map(([jc, tc]) => `${j}.${ident(jc)} = ${childAlias}.${ident(tc)}`);
    from += ` JOIN ${qualified(ctx, join.table)} AS ${j} ON ${on.join(' AND ')}`;
    for (const [jc, sc] of join.sourcePairs) joinConds.push(`${j}.${ident(jc)} = ${alias}.${ident(sc)}`);
  } else {
    for (const [sc, tc] of join.pairs) joinConds.push(`${childAlias}.${ident(tc)} = ${alias}.${ident(sc)}`);
  }
  const where = [...joinConds, ...child.conds].join(' AND ');
  const inner = `SELECT ${child.selectList.join(', ')} FROM ${from} ${child.joins.join(' ')} WHERE ${where}${child.group}${child.order}${limitOffset(p, child.limit, child.offset)}`;
  if (e.toOne) {
    out.joins.push(
      `LEFT JOIN LATERAL (SELECT row_to_json(pgrst_r) AS pgrst_body, pgrst_r.* FROM (${inner}) pgrst_r) ${lat} ON TRUE`,
    );
    toOneLaterals.set(outName, lat);
    if (e.spread) {
      for (const o of child.outputs) {
        const h = child.hoisted.get(o);
        if (h && plan.hoist) {
          // Still inside a to-one spread chain: keep hoisting towards the first non-spread level.
          add(`${lat}.${ident(o)}`, o, 'plain');
          out.hoisted.set(o, h);
        } else if (h) add(applyAgg(h.fn, `${lat}.${ident(o)}`, h.cast), o, 'agg');
        else add(`${lat}.${ident(o)}`, o, 'plain');
      }
    } else if (e.hasChildren) add(`${lat}.pgrst_body`, outName, 'json');
  } else if (e.spread) {
    // PostgREST 13: each column of a to-many spread becomes an array of that column's values.
    const cols = child.outputs.map((o) => `COALESCE(json_agg(pgrst_r.${ident(o)}), '[]') AS ${ident(o)}`);
    out.joins.push(
      `LEFT JOIN LATERAL (SELECT ${[...cols, 'NULLIF(count(*), 0) AS pgrst_body'].join(', ')} FROM (${inner}) pgrst_r) ${lat} ON TRUE`,
    );
    for (const o of child.outputs) add(`${lat}.${ident(o)}`, o, 'json');
  } else {
    out.joins.push(`LEFT JOIN LATERAL (SELECT json_agg(pgrst_r) AS pgrst_body FROM (${inner}) pgrst_r) ${lat} ON TRUE`);
    if (e.hasChildren) add(`COALESCE(${lat}.pgrst_body, '[]')`, outName, 'json');
  }
  presence.set(outName, `${lat}.pgrst_body`);
  if (e.inner) {
    out.conds.push(`${lat}.pgrst_body IS NOT NULL`);
    out.condsUseJoins = true;
  }
}

export function limitOffset(p: Params, limit: number | undefined, offset: number | undefined): string {
  let s = '';
  if (limit !== undefined) s += ` LIMIT ${p.add(String(limit))}`;
  if (offset !== undefined && offset > 0) s += ` OFFSET ${p.add(String(offset))}`;
  return s;
}

/** Fails with PGRST108 for `rel.col=` filters whose `rel` is not embedded in `select`. */
export function checkAllLevelsUsed(ctx: BuildContext): void {
  for (const key of ctx.levels.keys()) {
    if (ctx.usedLevels.has(key)) continue;
    const name = key.split('\u0001').pop() ?? key;
    throw new RestError(
      400,
      'PGRST108',
      `'${name}' is not an embedded resource in this request`,
      null,
      `Verify that '${name}' is included in the 'select' query parameter.`,
    );
  }
}

export interface ReadQueryOptions {
  /** FROM target for the root level, e.g. `"public"."todos"` or a function call. */
  from: string;
  /** Prepended to the statement (mutations put their CTE here). */
  with?: string;
  rootAlias: string;
  level: LevelSql;
  count: boolean;
  /** Render the body: false for HEAD and return=minimal. */
  body: boolean;
  /** Root limit after the max-rows cap. */
  limit?: number;
  offset?: number;
  /** Extra output columns of the outer query (e.g. upsert's inserted count). */
  extra?: string;
  /** The body aggregate over `pgrst_t` when not a JSON array (media.ts: CSV, nulls stripped, single). */
  bodyExpr?: string;
}

/**
 * The statement every read ends in: one row with `total` (when counted), `n` (rows in this page)
 * and `body` (the JSON array as text, built by Postgres so Node never re-serialises rows).
 */
export function readQuery(ctx: BuildContext, o: ReadQueryOptions): string {
  const lv = o.level;
  const where = lv.conds.length ? ` WHERE ${lv.conds.join(' AND ')}` : '';
  const joins = lv.joins.join(' ');
  const total = o.count
    ? `(SELECT count(*) FROM ${o.from} AS ${o.rootAlias} ${lv.condsUseJoins ? joins : ''}${where})`
    : 'NULL::bigint';
  const body = o.body ? (o.bodyExpr ?? `coalesce(json_agg(pgrst_t), '[]')::text`) : `''`;
  const page = `SELECT ${lv.selectList.join(', ')} FROM ${o.from} AS ${o.rootAlias} ${joins}${where}${lv.group}${lv.order}${limitOffset(ctx.params, o.limit, o.offset)}`;
  return `${o.with ?? ''}SELECT ${total} AS total, count(*)::int AS n, ${body} AS body${o.extra ?? ''} FROM (${page}) pgrst_t`;
}

export function newContext(cache: SchemaCache, params: Params, levels: Map<string, LevelParams>): BuildContext {
  return { cache, params, levels, usedLevels: new Set(), aliasCount: 1 };
}
