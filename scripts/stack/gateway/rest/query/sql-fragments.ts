import { RestError, undefinedColumn } from '../errors.ts';
import type { FieldRef } from '../request/parse-common.ts';
import type { Filter, LogicTree, OrderTerm, SimpleOp } from '../request/parse-filters.ts';
import type { Column } from '../schema/schema-cache.ts';

/** Collects bound parameters: every value from the request goes through here, never into SQL text. */
export class Params {
  readonly values: string[] = [];
  add(v: string): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Identifiers are quoted always; they were also checked against the schema cache before. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The relation (table, view or function result) a level reads from, as filters need it. */
export interface Source {
  name: string;
  columns: Map<string, Column>;
  /** How the database would name it in errors: an embedded level's `<table>_<depth>` alias. */
  label?: string;
  /** Computed fields (functions of the row): name → qualified function, called with the row. */
  computed?: Map<string, string>;
}

export function columnExpr(src: Source, alias: string, f: FieldRef, p: Params): string {
  const fn = src.columns.has(f.name) ? undefined : src.computed?.get(f.name);
  if (!fn && !src.columns.has(f.name)) throw undefinedColumn(src.label ?? src.name, f.name);
  let expr = fn ? `${fn}(${alias})` : `${alias}.${ident(f.name)}`;
  for (const step of f.json) {
    expr += step.index ? `${step.arrow}${p.add(step.key)}::int` : `${step.arrow}${p.add(step.key)}::text`;
  }
  return expr;
}

const OPS: Record<SimpleOp, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'LIKE',
  ilike: 'ILIKE',
  match: '~',
  imatch: '~*',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxr: '&<',
  nxl: '&>',
  adj: '-|-',
  isdistinct: 'IS DISTINCT FROM',
};

const TEXT_OPS = new Set<SimpleOp>(['like', 'ilike', 'match', 'imatch']);

/** `{a,"b c"}`: a Postgres array literal for `= ANY($n)`, so list length never changes the SQL. */
export function pgArrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * Hook for names that are embedded resources, not columns: `rel=is.null` / `rel=not.is.null`
 * become presence checks on the embed (PostgREST's null filtering on embedded resources).
 */
export type EmbedPresence = (name: string) => string | null;

export function filterSql(src: Source, alias: string, f: Filter, p: Params, embeds?: EmbedPresence): string {
  const op = f.operation;
  const presence = f.field.json.length === 0 ? embeds?.(f.field.name) : null;
  if (presence) {
    if (op.op !== 'is' || (op.value !== 'null' && op.value !== 'not_null')) {
      throw new RestError(
        400,
        'PGRST120',
        `Bad operator on the '${f.field.name}' embedded resource`,
        'Only is null or not is null filters are allowed on embedded resources',
      );
    }
    const isNull = (op.value === 'null') !== f.negate;
    return `${presence} IS ${isNull ? '' : 'NOT '}NULL`;
  }
  const col = columnExpr(src, alias, f.field, p);
  let sql: string;
  switch (op.op) {
    case 'in':
      sql = `${col} = ANY(${p.add(pgArrayLiteral(op.values))})`;
      break;
    case 'is': {
      const words = { null: 'NULL', not_null: 'NOT NULL', true: 'TRUE', false: 'FALSE', unknown: 'UNKNOWN' };
      sql = `${col} IS ${words[op.value]}`;
      break;
    }
    case 'fts':
    case 'plfts':
    case 'phfts':
    case 'wfts': {
      const fn = {
        fts: 'to_tsquery',
        plfts: 'plainto_tsquery',
        phfts: 'phraseto_tsquery',
        wfts: 'websearch_to_tsquery',
      }[op.op];
      const args = op.config ? `${p.add(op.config)}::regconfig, ${p.add(op.value)}` : p.add(op.value);
      sql = `${col} @@ ${fn}(${args})`;
      break;
    }
    default: {
      const isLike = op.op === 'like' || op.op === 'ilike';
      if (op.quant) {
        const list = op.value.replace(/^\{|\}$/g, '');
        const elems = splitArrayLiteral(list).map((v) => (isLike ? v.replaceAll('*', '%') : v));
        const cast = TEXT_OPS.has(op.op) ? '::text[]' : '';
        sql = `${col} ${OPS[op.op]} ${op.quant.toUpperCase()}(${p.add(pgArrayLiteral(elems))}${cast})`;
      } else {
        const value = isLike ? op.value.replaceAll('*', '%') : op.value;
        sql = `${col} ${OPS[op.op]} ${p.add(value)}`;
      }
    }
  }
  return f.negate ? `NOT (${sql})` : sql;
}

function splitArrayLiteral(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\' && i + 1 < s.length) cur += s[++i];
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function logicSql(src: Source, alias: string, t: LogicTree, p: Params, embeds?: EmbedPresence): string {
  if (t.kind === 'filter') return filterSql(src, alias, t.filter, p, embeds);
  const parts = t.children.map((c) => logicSql(src, alias, c, p, embeds));
  const sql = `(${parts.join(t.op === 'and' ? ' AND ' : ' OR ')})`;
  return t.negate ? `NOT ${sql}` : sql;
}

export function orderSql(
  src: Source,
  alias: string,
  terms: OrderTerm[],
  p: Params,
  relationOrder?: (t: OrderTerm) => string,
): string {
  const parts = terms.map((t) => {
    const expr = t.relation ? (relationOrder ? relationOrder(t) : '') : columnExpr(src, alias, t.field, p);
    let s = expr;
    if (t.dir) s += t.dir === 'asc' ? ' ASC' : ' DESC';
    if (t.nulls) s += t.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST';
    return s;
  });
  return parts.length ? ` ORDER BY ${parts.join(', ')}` : '';
}
