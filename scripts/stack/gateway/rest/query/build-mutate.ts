import { columnNotFound, invalidBody } from '../errors.ts';
import type { SelectItem } from '../request/parse-select.ts';
import type { Preferences } from '../request/prefer.ts';
import { pathKey } from '../request/query-params.ts';
import type { Column, Relation } from '../schema/schema-cache.ts';
import { type BuildContext, buildLevel, checkAllLevelsUsed, readQuery } from './build-sql.ts';
import { filterSql, ident, logicSql } from './sql-fragments.ts';

export interface MutationSql {
  text: string;
  /** The statement reports inserted-vs-updated rows (merge upsert) in column `inserted`. */
  reportsInserted: boolean;
}

const qualified = (ctx: BuildContext, t: Relation) => `${ident(ctx.cache.schema)}.${ident(t.name)}`;
/**
 * The statement's target and the representation's root are both named after the table, as
 * PostgREST's unaliased `"schema"."table"` and its `pgrst_source AS "table"`, so database
 * errors name the table (`column "items.name" must appear in the GROUP BY clause …`).
 */
const target = (ctx: BuildContext, t: Relation) => `${qualified(ctx, t)} AS ${ident(t.name)}`;

/** Keys of the JSON body that become columns: `columns=` or the keys every object shares. */
export function bodyColumns(table: Relation, body: unknown, columnsParam: string[] | undefined): Column[] {
  let names: string[];
  if (columnsParam) names = columnsParam;
  else if (Array.isArray(body)) {
    const first = body[0] as Record<string, unknown> | undefined;
    names = first ? Object.keys(first) : [];
    const canonical = [...names].sort().join('\u0000');
    for (const row of body) {
      if (
        Object.keys(row as object)
          .sort()
          .join('\u0000') !== canonical
      )
        throw invalidBody('All object keys must match');
    }
  } else names = Object.keys(body as object);
  return names.map((n) => {
    const col = table.columns.get(n);
    if (!col) throw columnNotFound(table.name, n);
    return col;
  });
}

/** Validates the body shape PostgREST accepts: an object, or an array of objects. */
export function checkBodyShape(body: unknown, allowArray: boolean): void {
  const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(body)) return;
  if (allowArray && Array.isArray(body)) {
    if (!body.every(isObj)) throw invalidBody('All object keys must match');
    return;
  }
  throw invalidBody('Empty or invalid json');
}

/**
 * `FROM (SELECT $1::json) payload, LATERAL json_to_record[set](…) pgrst_body` — PostgREST's way of
 * turning the JSON body into typed rows, so Postgres does every type conversion.
 */
function payloadFrom(ctx: BuildContext, cols: Column[], bodyText: string, isArray: boolean, defaults: boolean): string {
  const param = ctx.params.add(bodyText);
  const fn = isArray ? 'json_to_recordset' : 'json_to_record';
  let src = 'pgrst_payload.json_data';
  let defs = '';
  const withDefaults = defaults ? cols.filter((c) => c.default !== null) : [];
  if (withDefaults.length) {
    const obj = `jsonb_build_object(${withDefaults.map((c) => `${ctx.params.add(c.name)}::text, ${c.default}`).join(', ')})`;
    defs = isArray
      ? `LATERAL (SELECT jsonb_agg(${obj} || elem) AS val FROM jsonb_array_elements(pgrst_payload.json_data::jsonb) elem) pgrst_json_defs, `
      : `LATERAL (SELECT ${obj} || pgrst_payload.json_data::jsonb AS val) pgrst_json_defs, `;
    src = 'pgrst_json_defs.val::json';
  }
  const source = cols.length
    ? `${fn}(${src}) AS _(${cols.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`
    : isArray
      ? `json_array_elements(${src}) _`
      : '(VALUES (1)) _';
  const names = cols.map((c) => ident(c.name)).join(', ');
  return `FROM (SELECT ${param}::json AS json_data) pgrst_payload, ${defs}LATERAL (SELECT ${names} FROM ${source}) pgrst_body`;
}

const INSERTED_PLUS = `set_config('pgrst.inserted', (coalesce(nullif(current_setting('pgrst.inserted', true), '')::int, 0) + 1)::text, true) <> '0'`;
const INSERTED_MINUS = `set_config('pgrst.inserted', (coalesce(nullif(current_setting('pgrst.inserted', true), '')::int, 0) - 1)::text, true) <> '-1'`;

export interface InsertInput {
  table: Relation;
  body: unknown;
  bodyText: string;
  columns: Column[];
  prefs: Preferences;
  onConflict?: string[];
  select: SelectItem[];
  representation: boolean;
  body_out: boolean;
  /** The representation's aggregate for a media type other than a JSON array (media.ts). */
  bodyExpr?: string;
}

export function insertSql(ctx: BuildContext, i: InsertInput): MutationSql {
  const isArray = Array.isArray(i.body);
  const names = i.columns.map((c) => ident(c.name));
  const merge = i.prefs.resolution === 'merge-duplicates';
  let sql = `INSERT INTO ${target(ctx, i.table)}${names.length ? `(${names.join(', ')})` : ''} SELECT ${i.columns.map((c) => `pgrst_body.${ident(c.name)}`).join(', ')} ${payloadFrom(ctx, i.columns, i.bodyText, isArray, i.prefs.missing === 'default')}`;
  if (i.prefs.resolution) {
    const target = i.onConflict ?? i.table.pk;
    for (const c of target) if (!i.table.columns.has(c)) throw columnNotFound(i.table.name, c);
    if (target.length) {
      if (merge) sql += ` WHERE ${INSERTED_PLUS}`;
      sql += ` ON CONFLICT(${target.map(ident).join(', ')}) `;
      if (i.prefs.resolution === 'ignore-duplicates' || names.length === 0) sql += 'DO NOTHING';
      else sql += `DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')} WHERE ${INSERTED_MINUS}`;
    }
  }
  return finishMutation(ctx, i.table, (ret) => sql + ret, i.select, i.representation, i.body_out, merge, i.bodyExpr);
}

export interface UpdateInput {
  table: Relation;
  bodyText: string;
  columns: Column[];
  prefs: Preferences;
  select: SelectItem[];
  representation: boolean;
  body_out: boolean;
  /** The representation's aggregate for a media type other than a JSON array (media.ts). */
  bodyExpr?: string;
}

export function updateSql(ctx: BuildContext, u: UpdateInput): MutationSql {
  const where = rootConditions(ctx, u.table);
  let statement: (ret: string) => string;
  if (u.columns.length === 0) {
    // Nothing to set: PostgREST answers as if no row matched.
    statement = (ret) =>
      `SELECT ${ret.includes('*') ? `${ident(u.table.name)}.*` : '1'} FROM ${target(ctx, u.table)} WHERE false`;
  } else {
    const sets = u.columns.map((c) => `${ident(c.name)} = pgrst_body.${ident(c.name)}`).join(', ');
    const sql = `UPDATE ${target(ctx, u.table)} SET ${sets} ${payloadFrom(ctx, u.columns, u.bodyText, false, u.prefs.missing === 'default')}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    statement = (ret) => sql + ret;
  }
  return finishMutation(ctx, u.table, statement, u.select, u.representation, u.body_out, false, u.bodyExpr);
}

export function deleteSql(
  ctx: BuildContext,
  table: Relation,
  select: SelectItem[],
  representation: boolean,
  bodyOut: boolean,
  bodyExpr?: string,
): MutationSql {
  const where = rootConditions(ctx, table);
  const sql = `DELETE FROM ${target(ctx, table)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  return finishMutation(ctx, table, (ret) => sql + ret, select, representation, bodyOut, false, bodyExpr);
}

/** Root filters of PATCH/DELETE go into the statement's WHERE; they must not filter the representation again. */
function rootConditions(ctx: BuildContext, table: Relation): string[] {
  const root = ctx.levels.get(pathKey([]));
  if (!root) return [];
  // Computed fields filter too: PostgREST's filters name the table, which calls them on its row.
  const src = { name: table.name, columns: table.columns, computed: table.computed };
  const alias = ident(table.name);
  const conds = [
    ...root.filters.map((f) => filterSql(src, alias, f, ctx.params)),
    ...root.logic.map((t) => logicSql(src, alias, t, ctx.params)),
  ];
  root.filters = [];
  root.logic = [];
  return conds;
}

function finishMutation(
  ctx: BuildContext,
  table: Relation,
  statement: (returning: string) => string,
  select: SelectItem[],
  representation: boolean,
  bodyOut: boolean,
  merge: boolean,
  bodyExpr?: string,
): MutationSql {
  const extra = merge ? `, nullif(current_setting('pgrst.inserted', true), '')::int AS inserted` : '';
  if (!representation) {
    // RETURNING 1 keeps SELECT policies out of it, as PostgREST does for return=minimal.
    return {
      text: `WITH pgrst_source AS (${statement(' RETURNING 1')}) SELECT NULL::bigint AS total, count(*)::int AS n, '' AS body${extra} FROM pgrst_source`,
      reportsInserted: merge,
    };
  }
  const alias = ident(table.name);
  const level = buildLevel(ctx, { name: table.name, columns: table.columns, relName: table.name }, alias, select, []);
  checkAllLevelsUsed(ctx);
  const text = readQuery(ctx, {
    with: `WITH pgrst_source AS (${statement(` RETURNING ${alias}.*`)}) `,
    from: 'pgrst_source',
    rootAlias: alias,
    level,
    count: false,
    body: bodyOut,
    extra,
    ...(bodyExpr ? { bodyExpr } : {}),
  });
  return { text, reportsInserted: merge };
}
