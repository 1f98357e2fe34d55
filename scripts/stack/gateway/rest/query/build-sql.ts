import { RestError } from '../errors.ts';
import { resolveRelationship } from '../plan/resolve-relationship.ts';
import { fieldOutputName } from '../request/parse-common.ts';
import type { AggregateFn, SelectItem } from '../request/parse-select.ts';
import { type LevelParams, pathKey } from '../request/query-params.ts';
import { dbSettingOn, type SchemaCache } from '../schema/schema-cache.ts';
import { columnExpr, filterSql, ident, logicSql, orderSql, type Params, type Source } from './sql-fragments.ts';

/** State shared while one request's SQL is generated. */
export interface BuildContext {
  cache: SchemaCache;
  params: Params;
  levels: Map<string, LevelParams>;
  usedLevels: Set<string>;
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

export interface LevelSource extends Source {
  /** Table name whose relationships embeds resolve against (a function's row type table). */
  relName: string | null;
}

interface LevelOptions {
  /** This level is a to-one spread: its aggregates move up to the parent's select. */
  hoist?: boolean;
}

/** How a select entry takes part in grouping once the level aggregates. */
type EntryKind = 'plain' | 'agg' | 'json';

const nextAlias = (ctx: BuildContext) => `pgrst_${ctx.aliasCount++}`;
const qualified = (ctx: BuildContext, name: string) => `${ident(ctx.cache.schema)}.${ident(name)}`;

function aggregatesNotAllowed(): RestError {
  return new RestError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
}

function applyAgg(fn: AggregateFn, expr: string, cast: string | undefined): string {
  const call = `${fn.toUpperCase()}(${expr})`;
  return cast ? `CAST(${call} AS ${cast})` : call;
}

/**
 * One level of the select tree: its columns, the lateral joins for its embeds, its filters,
 * order and paging. Embedded levels are aliased `<table>_<depth>` and their laterals
 * `<parent>_<embed>_<depth>` as PostgREST names them, so database errors read the same
 * (`column authors_1.nope does not exist`, `table name "books_authors_1" specified more than once`).
 */
export function buildLevel(
  ctx: BuildContext,
  src: LevelSource,
  alias: string,
  items: SelectItem[],
  path: string[],
  opts: LevelOptions = {},
): LevelSql {
  if (!src.computed && src.relName !== null) {
    const computed = ctx.cache.relations.get(src.relName)?.computed;
    if (computed?.size) src = { ...src, computed };
  }
  const key = pathKey(path);
  ctx.usedLevels.add(key);
  const lp = ctx.levels.get(key);
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
  const add = (expr: string, name: string, kind: EntryKind) => entries.push({ expr, name, kind });
  const presence = new Map<string, string>();
  const toOneLaterals = new Map<string, string>();
  const p = ctx.params;
  const depth = path.length + 1;

  for (const item of items) {
    if (item.kind === 'star') {
      for (const col of src.columns.keys()) add(`${alias}.${ident(col)}`, col, 'plain');
    } else if (item.kind === 'field') {
      const fieldName = fieldOutputName(item.field);
      if (item.agg) {
        if (!dbSettingOn(ctx.cache, 'db_aggregates_enabled')) throw aggregatesNotAllowed();
        let base = item.field.name === '*' ? '*' : columnExpr(src, alias, item.field, p);
        if (item.cast && base !== '*') base = `CAST(${base} AS ${item.cast})`;
        const name = item.alias ?? (item.field.json.length ? fieldName : item.agg);
        if (opts.hoist) {
          // The spread's row is one value per parent row: the parent aggregates it.
          add(base === '*' ? '1' : base, name, 'plain');
          out.hoisted.set(name, { fn: item.agg, ...(item.aggCast ? { cast: item.aggCast } : {}) });
        } else add(applyAgg(item.agg, base, item.aggCast), name, 'agg');
        continue;
      }
      let expr = columnExpr(src, alias, item.field, p);
      if (item.cast) expr = `CAST(${expr} AS ${item.cast})`;
      add(expr, item.alias ?? fieldName, 'plain');
    } else {
      embed(ctx, src, alias, item, path, depth, opts, out, add, presence, toOneLaterals);
    }
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

type EmbedItem = Extract<SelectItem, { kind: 'embed' }>;

/** One embed of a level: its lateral join and what it adds to the level's select list. */
function embed(
  ctx: BuildContext,
  src: LevelSource,
  alias: string,
  item: EmbedItem,
  path: string[],
  depth: number,
  opts: LevelOptions,
  out: LevelSql,
  add: (expr: string, name: string, kind: EntryKind) => void,
  presence: Map<string, string>,
  toOneLaterals: Map<string, string>,
): void {
  if (src.relName === null) {
    throw new RestError(
      400,
      'PGRST200',
      `Could not find a relationship between '${src.name}' and '${item.name}' in the schema cache`,
      `Searched for a foreign key relationship between '${src.name}' and '${item.name}' in the schema '${ctx.cache.schema}', but no matches were found.`,
    );
  }
  // A function of the parent row returning a relation's rows embeds like a relationship and,
  // as PostgREST's computed relationships do, takes precedence over foreign keys of that name.
  const fnRel = ctx.cache.computedRels.find((r) => r.table === src.relName && r.name === item.name);
  const rel = fnRel
    ? { target: fnRel.target, toOne: fnRel.toOne }
    : resolveRelationship(ctx.cache.relationships, ctx.cache.schema, src.relName, item.name, item.hint);
  const target = ctx.cache.relations.get(rel.target);
  if (!target) throw new RestError(500, 'PGRSTX00', `relationship target ${rel.target} missing from the schema cache`);
  const p = ctx.params;
  const outName = item.alias ?? item.name;
  const childAlias = ident(`${target.name}_${depth}`);
  const lat = ident(`${src.relName}_${outName}_${depth}`);
  const childPath = item.spread ? [...path, item.name] : [...path, outName];
  const toOneSpread = item.spread && rel.toOne;
  const child = buildLevel(
    ctx,
    { ...target, relName: target.name, label: `${target.name}_${depth}` },
    childAlias,
    item.children,
    childPath,
    { hoist: toOneSpread },
  );
  if (item.spread && !rel.toOne && child.hasAgg) {
    throw new RestError(
      400,
      'PGRST127',
      'Feature not implemented',
      'Aggregates are not implemented for one-to-many or many-to-many spreads.',
    );
  }
  let from = `${qualified(ctx, target.name)} AS ${childAlias}`;
  const joinConds: string[] = [];
  if (fnRel) {
    from = `${fnRel.call}(${alias}) AS ${childAlias}`;
    joinConds.push('TRUE');
  } else if ('junction' in rel && rel.junction) {
    const j = nextAlias(ctx);
    const on = rel.junction.targetPairs.map(([jc, tc]) => `${j}.${ident(jc)} = ${childAlias}.${ident(tc)}`);
    from += ` JOIN ${qualified(ctx, rel.junction.table)} AS ${j} ON ${on.join(' AND ')}`;
    for (const [jc, sc] of rel.junction.sourcePairs) joinConds.push(`${j}.${ident(jc)} = ${alias}.${ident(sc)}`);
  } else if ('pairs' in rel) {
    for (const [sc, tc] of rel.pairs) joinConds.push(`${childAlias}.${ident(tc)} = ${alias}.${ident(sc)}`);
  }
  const where = [...joinConds, ...child.conds].join(' AND ');
  const inner = `SELECT ${child.selectList.join(', ')} FROM ${from} ${child.joins.join(' ')} WHERE ${where}${child.group}${child.order}${limitOffset(p, child.limit, child.offset)}`;
  if (rel.toOne) {
    out.joins.push(
      `LEFT JOIN LATERAL (SELECT row_to_json(pgrst_r) AS pgrst_body, pgrst_r.* FROM (${inner}) pgrst_r) ${lat} ON TRUE`,
    );
    toOneLaterals.set(outName, lat);
    if (item.spread) {
      for (const o of child.outputs) {
        const h = child.hoisted.get(o);
        if (h && opts.hoist) {
          // Still inside a to-one spread chain: keep hoisting towards the first non-spread level.
          add(`${lat}.${ident(o)}`, o, 'plain');
          out.hoisted.set(o, h);
        } else if (h) add(applyAgg(h.fn, `${lat}.${ident(o)}`, h.cast), o, 'agg');
        else add(`${lat}.${ident(o)}`, o, 'plain');
      }
    } else if (item.children.length) add(`${lat}.pgrst_body`, outName, 'json');
  } else if (item.spread) {
    // PostgREST 13: each column of a to-many spread becomes an array of that column's values.
    const cols = child.outputs.map((o) => `COALESCE(json_agg(pgrst_r.${ident(o)}), '[]') AS ${ident(o)}`);
    out.joins.push(
      `LEFT JOIN LATERAL (SELECT ${[...cols, 'NULLIF(count(*), 0) AS pgrst_body'].join(', ')} FROM (${inner}) pgrst_r) ${lat} ON TRUE`,
    );
    for (const o of child.outputs) add(`${lat}.${ident(o)}`, o, 'json');
  } else {
    out.joins.push(`LEFT JOIN LATERAL (SELECT json_agg(pgrst_r) AS pgrst_body FROM (${inner}) pgrst_r) ${lat} ON TRUE`);
    if (item.children.length) add(`COALESCE(${lat}.pgrst_body, '[]')`, outName, 'json');
  }
  presence.set(outName, `${lat}.pgrst_body`);
  if (item.join === 'inner') {
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
