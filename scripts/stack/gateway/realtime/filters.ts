/**
 * postgres_changes filters (contract §2.6): `col=op.value`, commas = AND, optional `not.`.
 * Values come from the WAL in Postgres's text format, so comparisons coerce by column type.
 */

export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export interface FilterClause {
  column: string;
  op: FilterOp;
  negate: boolean;
  values: string[];
}

const OPS = new Set<FilterOp>(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in']);
const NUMERIC_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);

/** Splits on commas outside quotes and parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && quoted && i + 1 < text.length) {
      current += ch + text[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (ch === ',' && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

/** Parses a filter string; throws with a message the client can show for anything unsupported. */
export function parseFilter(filter: string): FilterClause[] {
  const clauses: FilterClause[] = [];
  for (const part of splitTopLevel(filter)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`invalid filter "${part}": expected column=operator.value`);
    const column = part.slice(0, eq).trim();
    let rest = part.slice(eq + 1);
    let negate = false;
    if (rest.startsWith('not.')) {
      negate = true;
      rest = rest.slice(4);
    }
    const dot = rest.indexOf('.');
    const op = (dot < 0 ? rest : rest.slice(0, dot)) as FilterOp;
    if (!OPS.has(op)) throw new Error(`invalid filter "${part}": operator must be one of ${[...OPS].join(', ')}`);
    const raw = dot < 0 ? '' : rest.slice(dot + 1);
    let values: string[];
    if (op === 'in') {
      if (!raw.startsWith('(') || !raw.endsWith(')')) throw new Error(`invalid filter "${part}": in needs (a,b,…)`);
      values = splitTopLevel(raw.slice(1, -1)).map(unquote);
    } else values = [unquote(raw)];
    clauses.push({ column, op, negate, values });
  }
  return clauses;
}

function compare(a: string, b: string, type: string): number {
  if (NUMERIC_TYPES.has(type)) {
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (type === 'bool') return normaliseBool(a) === normaliseBool(b) ? 0 : normaliseBool(a) ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function normaliseBool(v: string): boolean {
  return ['t', 'true', '1', 'y', 'yes', 'on'].includes(v.toLowerCase());
}

/** Whether a row (text values) passes every clause; a NULL or absent column never matches. */
export function rowMatches(
  clauses: FilterClause[],
  row: Record<string, string | null>,
  typeOf: (column: string) => string,
): boolean {
  for (const c of clauses) {
    const value = row[c.column];
    if (value === null || value === undefined) return false;
    const type = typeOf(c.column);
    let ok: boolean;
    if (c.op === 'in') ok = c.values.some((v) => compare(value, v, type) === 0);
    else {
      const cmp = compare(value, c.values[0] ?? '', type);
      ok =
        c.op === 'eq'
          ? cmp === 0
          : c.op === 'neq'
            ? cmp !== 0
            : c.op === 'lt'
              ? cmp < 0
              : c.op === 'lte'
                ? cmp <= 0
                : c.op === 'gt'
                  ? cmp > 0
                  : cmp >= 0;
    }
    if (ok === c.negate) return false;
  }
  return true;
}
