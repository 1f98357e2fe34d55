import { RestError } from '../errors.ts';
import { Cursor, type FieldRef } from './parse-common.ts';

export type SimpleOp =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'like'
  | 'ilike'
  | 'match'
  | 'imatch'
  | 'cs'
  | 'cd'
  | 'ov'
  | 'sl'
  | 'sr'
  | 'nxr'
  | 'nxl'
  | 'adj'
  | 'isdistinct';

export type Operation =
  | { op: SimpleOp; value: string; quant?: 'any' | 'all' }
  | { op: 'in'; values: string[] }
  | { op: 'is'; value: 'null' | 'not_null' | 'true' | 'false' | 'unknown' }
  | { op: 'fts' | 'plfts' | 'phfts' | 'wfts'; value: string; config?: string };

export interface Filter {
  field: FieldRef;
  negate: boolean;
  operation: Operation;
}

export type LogicTree =
  | { kind: 'filter'; filter: Filter }
  | { kind: 'expr'; negate: boolean; op: 'and' | 'or'; children: LogicTree[] };

export interface OrderTerm {
  field: FieldRef;
  /** `order=rel(col)`: order by a to-one embedded column. */
  relation?: string;
  dir?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

// Longest first where one operator prefixes another (gte/gt, imatch/match is not a prefix issue).
const SIMPLE_OPS: SimpleOp[] = ['neq', 'cs', 'cd', 'ov', 'sl', 'sr', 'nxr', 'nxl', 'adj'];
const QUANT_OPS: SimpleOp[] = ['eq', 'gte', 'gt', 'lte', 'lt', 'like', 'ilike', 'match', 'imatch'];
const FTS_OPS = ['fts', 'plfts', 'phfts', 'wfts'] as const;
const IS_VALUES = ['null', 'not_null', 'true', 'false', 'unknown'] as const;

/** `[not.]op[(mod)].value`; `inLogic` switches to the delimited values used inside `or=(…)`. */
function opExpr(c: Cursor, inLogic: boolean): { negate: boolean; operation: Operation } {
  const negate = c.eat('not.');
  const value = () => (inLogic ? logicValue(c) : rest(c));
  if (c.eat('in.')) return { negate, operation: { op: 'in', values: listValue(c) } };
  if (c.eat('is.')) {
    const word = c.input.slice(c.pos).toLowerCase();
    for (const v of IS_VALUES) {
      if (word.startsWith(v) && (!inLogic ? word.length === v.length : /^[,)]/.test(word.slice(v.length) || ')'))) {
        c.pos += v.length;
        return { negate, operation: { op: 'is', value: v } };
      }
    }
    c.fail('isVal: (null, not_null, true, false, unknown)');
  }
  if (c.eat('isdistinct.')) return { negate, operation: { op: 'isdistinct', value: value() } };
  for (const op of FTS_OPS) {
    const m = new RegExp(`^${op}(?:\\(([\\p{L}\\p{N}_ $]+)\\))?\\.`, 'u').exec(c.input.slice(c.pos));
    if (m) {
      c.pos += m[0].length;
      const config = m[1]?.trim();
      return { negate, operation: { op, value: value(), ...(config ? { config } : {}) } };
    }
  }
  for (const op of SIMPLE_OPS) {
    if (c.eat(`${op}.`)) return { negate, operation: { op, value: value() } };
  }
  for (const op of QUANT_OPS) {
    const m = new RegExp(`^${op}(?:\\((any|all)\\))?\\.`).exec(c.input.slice(c.pos));
    if (m) {
      c.pos += m[0].length;
      const quant = m[1] as 'any' | 'all' | undefined;
      return { negate, operation: { op, value: value(), ...(quant ? { quant } : {}) } };
    }
  }
  return c.fail('operator (eq, gt, ...)');
}

function rest(c: Cursor): string {
  const v = c.input.slice(c.pos);
  c.pos = c.input.length;
  return v;
}

function listValue(c: Cursor): string[] {
  c.skipWs();
  c.expect('(');
  c.skipWs();
  const values: string[] = [];
  for (;;) {
    const save = c.pos;
    const q = c.quoted();
    if (q !== null && (c.peek() === ',' || c.peek() === ')')) values.push(q);
    else {
      c.pos = save;
      let v = '';
      while (!c.done && c.peek() !== ',' && c.peek() !== ')') v += c.input[c.pos++];
      values.push(v);
    }
    if (!c.eat(',')) break;
  }
  c.skipWs();
  c.expect(')', '"," or ")"');
  c.skipWs();
  return values;
}

function logicValue(c: Cursor): string {
  const save = c.pos;
  const q = c.quoted();
  if (q !== null && (c.done || c.peek() === ',' || c.peek() === ')')) return q;
  c.pos = save;
  if (c.peek() === '{') {
    const end = c.input.indexOf('}', c.pos);
    if (end > 0 && !c.input.slice(c.pos + 1, end).includes('{')) {
      const v = c.input.slice(c.pos, end + 1);
      c.pos = end + 1;
      return v;
    }
  }
  let v = '';
  while (!c.done && c.peek() !== ',' && c.peek() !== ')') v += c.input[c.pos++];
  return v;
}

/** The value of a `col=` query parameter. */
export function parseFilterValue(field: FieldRef, value: string): Filter {
  const c = new Cursor(value, 'filter');
  const { negate, operation } = opExpr(c, false);
  return { field, negate, operation };
}

/** A query parameter key: `rel.sub.col->json` → embed path and field. */
export function parseTreePath(key: string): { path: string[]; field: FieldRef } {
  const c = new Cursor(key, 'tree path');
  const names = [c.fieldName()];
  while (c.eat('.')) names.push(c.fieldName());
  const json = c.jsonPath();
  if (!c.done) c.fail('delimiter (.), "->" or end of input');
  const name = names.pop() as string;
  return { path: names, field: { name, json } };
}

/** `or=(…)` / `and=(…)` / `not.or=(…)`: value without the outer operator, which the key carries. */
export function parseLogicTree(op: 'and' | 'or', negate: boolean, value: string): LogicTree {
  const c = new Cursor(`${negate ? 'not.' : ''}${op}${value}`, 'logic tree');
  const tree = logicTree(c);
  if (!c.done) c.fail('end of input');
  return tree;
}

function logicTree(c: Cursor): LogicTree {
  c.skipWs();
  const save = c.pos;
  const negate = c.eat('not.');
  const op = c.eat('and(') ? 'and' : c.eat('or(') ? 'or' : null;
  if (op) {
    const children: LogicTree[] = [];
    for (;;) {
      children.push(logicTree(c));
      c.skipWs();
      if (!c.eat(',')) break;
    }
    c.skipWs();
    c.expect(')', '"," or ")"');
    return { kind: 'expr', negate, op, children };
  }
  c.pos = save;
  const field = c.field();
  if (!c.eat('.')) c.fail('delimiter (.)');
  const e = opExpr(c, true);
  return { kind: 'filter', filter: { field, negate: e.negate, operation: e.operation } };
}

/** `order=a.desc.nullslast,b,rel(c).asc`. */
export function parseOrder(value: string): OrderTerm[] {
  const c = new Cursor(value, 'order');
  const terms: OrderTerm[] = [];
  for (;;) {
    c.skipWs();
    const field = c.field();
    const term: OrderTerm = { field };
    if (field.json.length === 0 && c.eat('(')) {
      term.relation = field.name;
      term.field = c.field();
      c.expect(')');
    }
    if (c.eat('.asc')) term.dir = 'asc';
    else if (c.eat('.desc')) term.dir = 'desc';
    if (c.eat('.nullsfirst')) term.nulls = 'first';
    else if (c.eat('.nullslast')) term.nulls = 'last';
    c.skipWs();
    terms.push(term);
    if (!c.eat(',')) break;
  }
  if (!c.done) c.fail('"asc", "desc", "nullsfirst" or "nullslast"');
  return terms;
}

/**
 * `limit`/`offset` values. Like PostgREST, non-numbers are ignored; numbers too large for a JS
 * integer saturate (the root limit is capped by max rows anyway).
 */
export function parseCount(value: string, which: 'limit' | 'offset'): number | undefined {
  const v = value.trim();
  if (!/^-?\d+$/.test(v)) return undefined;
  const n = Number(v);
  if (n < 0) {
    if (which === 'limit') {
      throw new RestError(
        416,
        'PGRST103',
        'Requested range not satisfiable',
        'Limit should be greater than or equal to zero.',
      );
    }
    throw new RestError(
      400,
      'PGRST100',
      `"failed to parse offset (${value})" (line 1, column 1)`,
      'Offset must not be negative',
    );
  }
  return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
}
