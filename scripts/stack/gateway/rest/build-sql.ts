import { RestError } from './errors.ts';
import { fieldOutputName } from './parse-common.ts';
import type { SelectItem } from './parse-select.ts';
import { type LevelParams, pathKey } from './query-params.ts';
import { resolveRelationship } from './relationships.ts';
import type { SchemaCache } from './schema-cache.ts';
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
  order: string;
  limit?: number;
  offset?: number;
}

export interface LevelSource extends Source {
  /** Table name whose relationships embeds resolve against (a function's row type table). */
  relName: string | null;
}

const nextAlias = (ctx: BuildContext) => `pgrst_${ctx.aliasCount++}`;
const qualified = (ctx: BuildContext, name: string) => `${ident(ctx.cache.schema)}.${ident(name)}`;

/**
 * One level of the select tree: its columns, the lateral joins for its embeds, its filters,
 * order and paging. Embeds recurse with their own alias, so self-references never collide.
 */
export function buildLevel(
  ctx: BuildContext,
  src: LevelSource,
  alias: string,
  items: SelectItem[],
  path: string[],
): LevelSql {
  const key = pathKey(path);
  ctx.usedLevels.add(key);
  const lp = ctx.levels.get(key);
  const out: LevelSql = { selectList: [], outputs: [], joins: [], conds: [], condsUseJoins: false, order: '' };
  const presence = new Map<string, string>();
  const toOneLaterals = new Map<string, string>();
  const p = ctx.params;

  for (const item of items) {
    if (item.kind === 'star') {
      for (const col of src.columns.keys()) {
        out.selectList.push(`${alias}.${ident(col)}`);
        out.outputs.push(col);
      }
    } else if (item.kind === 'field') {
      let expr = columnExpr(src, alias, item.field, p);
      if (item.cast) expr = `CAST(${expr} AS ${item.cast})`;
      const name = item.alias ?? fieldOutputName(item.field);
      out.selectList.push(`${expr} AS ${ident(name)}`);
      out.outputs.push(name);
    } else {
      if (src.relName === null) {
        throw new RestError(
          400,
          'PGRST200',
          `Could not find a relationship between '${src.name}' and '${item.name}' in the schema cache`,
          `Searched for a foreign key relationship between '${src.name}' and '${item.name}' in the schema '${ctx.cache.schema}', but no matches were found.`,
        );
      }
      const rel = resolveRelationship(ctx.cache.relationships, ctx.cache.schema, src.relName, item.name, item.hint);
      const target = ctx.cache.relations.get(rel.target);
      if (!target)
        throw new RestError(500, 'PGRSTX00', `relationship target ${rel.target} missing from the schema cache`);
      if (item.spread && !rel.toOne) {
        throw new RestError(
          400,
          'PGRST127',
          'Feature not implemented',
          'Spread on to-many relationships is not supported here',
        );
      }
      const childAlias = nextAlias(ctx);
      const lat = nextAlias(ctx);
      const outName = item.alias ?? item.name;
      const childPath = item.spread ? [...path, item.name] : [...path, outName];
      const child = buildLevel(ctx, { ...target, relName: target.name }, childAlias, item.children, childPath);
      let from = `${qualified(ctx, target.name)} AS ${childAlias}`;
      const joinConds: string[] = [];
      if (rel.junction) {
        const j = nextAlias(ctx);
        const on = rel.junction.targetPairs.map(([jc, tc]) => `${j}.${ident(jc)} = ${childAlias}.${ident(tc)}`);
        from += ` JOIN ${qualified(ctx, rel.junction.table)} AS ${j} ON ${on.join(' AND ')}`;
        for (const [jc, sc] of rel.junction.sourcePairs) joinConds.push(`${j}.${ident(jc)} = ${alias}.${ident(sc)}`);
      } else {
        for (const [sc, tc] of rel.pairs) joinConds.push(`${childAlias}.${ident(tc)} = ${alias}.${ident(sc)}`);
      }
      const where = [...joinConds, ...child.conds].join(' AND ');
      const inner = `SELECT ${child.selectList.join(', ')} FROM ${from} ${child.joins.join(' ')} WHERE ${where}${child.order}${limitOffset(p, child.limit, child.offset)}`;
      if (rel.toOne) {
        out.joins.push(
          `LEFT JOIN LATERAL (SELECT row_to_json(pgrst_r) AS pgrst_body, pgrst_r.* FROM (${inner}) pgrst_r) ${lat} ON TRUE`,
        );
        toOneLaterals.set(outName, lat);
        if (item.spread) {
          for (const o of child.outputs) {
            out.selectList.push(`${lat}.${ident(o)} AS ${ident(o)}`);
            out.outputs.push(o);
          }
        } else if (item.children.length) {
          out.selectList.push(`${lat}.pgrst_body AS ${ident(outName)}`);
          out.outputs.push(outName);
        }
      } else {
        out.joins.push(
          `LEFT JOIN LATERAL (SELECT json_agg(pgrst_r) AS pgrst_body FROM (${inner}) pgrst_r) ${lat} ON TRUE`,
        );
        if (item.children.length) {
          out.selectList.push(`COALESCE(${lat}.pgrst_body, '[]') AS ${ident(outName)}`);
          out.outputs.push(outName);
        }
      }
      presence.set(outName, `${lat}.pgrst_body`);
      if (item.join === 'inner') {
        out.conds.push(`${lat}.pgrst_body IS NOT NULL`);
        out.condsUseJoins = true;
      }
    }
  }

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
  const page = `SELECT ${lv.selectList.join(', ')} FROM ${o.from} AS ${o.rootAlias} ${joins}${where}${lv.order}${limitOffset(ctx.params, o.limit, o.offset)}`;
  return `${o.with ?? ''}SELECT ${total} AS total, count(*)::int AS n, ${body} AS body${o.extra ?? ''} FROM (${page}) pgrst_t`;
}

export function newContext(cache: SchemaCache, params: Params, levels: Map<string, LevelParams>): BuildContext {
  return { cache, params, levels, usedLevels: new Set(), aliasCount: 1 };
}
