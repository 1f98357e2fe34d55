import { Cursor, type FieldRef } from './parse-common.ts';

export type SelectItem =
  | { kind: 'star' }
  | {
      kind: 'field';
      field: FieldRef;
      alias?: string;
      cast?: string;
      /** `col.sum()` / `count()`; refused with PGRST123 at planning unless aggregates are enabled. */
      agg?: AggregateFn;
      /** `col.sum()::int`: a cast applied to the aggregate's result. */
      aggCast?: string;
    }
  | {
      kind: 'embed';
      name: string;
      alias?: string;
      hint?: string;
      join?: 'inner' | 'left';
      spread: boolean;
      children: SelectItem[];
    };

// Casts are emitted into SQL unquoted, so only plain type names (letters, digits, `_`, `$`, spaces) pass.
const CAST_TYPE = /^[\p{L}_][\p{L}\p{N}_ $]*$/u;
export type AggregateFn = 'sum' | 'avg' | 'count' | 'max' | 'min';
const AGGREGATES: AggregateFn[] = ['sum', 'avg', 'count', 'max', 'min'];

/** Parses `select=` into a tree (PostgREST's pFieldForest); `*` when absent. */
export function parseSelect(input: string | null | undefined): SelectItem[] {
  const src = input ?? '*';
  const c = new Cursor(src, 'select parameter');
  const items = forest(c);
  if (!c.done) c.fail('"," or end of input');
  return items;
}

function forest(c: Cursor): SelectItem[] {
  const items: SelectItem[] = [];
  c.skipWs();
  if (c.done || c.peek() === ')') return items;
  for (;;) {
    items.push(item(c));
    c.skipWs();
    if (!c.eat(',')) return items;
    c.skipWs();
  }
}

function item(c: Cursor): SelectItem {
  c.skipWs();
  if (c.peek() === '*') {
    c.pos++;
    c.skipWs();
    if (!c.done && c.peek() !== ',' && c.peek() !== ')') c.fail('"," or end of input');
    return { kind: 'star' };
  }
  if (c.eat('...')) {
    const name = c.fieldName();
    const params = embedParams(c);
    if (c.peek() !== '(') c.fail('"("');
    return { kind: 'embed', name, ...params, spread: true, children: children(c) };
  }
  const start = c.pos;
  const alias = tryAlias(c);
  // `count()` alone counts rows: PostgREST's ("*", Count).
  if (c.eat('count()')) {
    let aggCast: string | undefined;
    if (c.eat('::')) aggCast = castType(c);
    c.skipWs();
    if (!c.done && c.peek() !== ',' && c.peek() !== ')') c.fail('"::", "," or end of input');
    return {
      kind: 'field',
      field: { name: '*', json: [] },
      agg: 'count',
      ...(alias !== undefined ? { alias } : {}),
      ...(aggCast !== undefined ? { aggCast } : {}),
    };
  }
  const name = c.fieldName();
  if (c.peek() === '!' || c.peek() === '(') {
    const params = embedParams(c);
    if (c.peek() !== '(') c.fail('"("');
    return {
      kind: 'embed',
      name,
      ...(alias !== undefined ? { alias } : {}),
      ...params,
      spread: false,
      children: children(c),
    };
  }
  c.pos = start;
  tryAlias(c);
  const field = c.field();
  let cast: string | undefined;
  if (c.eat('::')) cast = castType(c);
  let agg: AggregateFn | undefined;
  let aggCast: string | undefined;
  if (c.peek() === '.') {
    const m = /^\.(\w+)\(\)/.exec(c.input.slice(c.pos));
    if (m && AGGREGATES.includes(m[1] as AggregateFn)) {
      agg = m[1] as AggregateFn;
      c.pos += m[0].length;
      if (c.eat('::')) aggCast = castType(c);
    }
  }
  c.skipWs();
  if (!c.done && c.peek() !== ',' && c.peek() !== ')') c.fail('"->", "::", "," or end of input');
  return {
    kind: 'field',
    field,
    ...(alias !== undefined ? { alias } : {}),
    ...(cast !== undefined ? { cast } : {}),
    ...(agg !== undefined ? { agg } : {}),
    ...(aggCast !== undefined ? { aggCast } : {}),
  };
}

function tryAlias(c: Cursor): string | undefined {
  const start = c.pos;
  const q = c.quoted();
  const name = q ?? c.identifier();
  if (name !== null && c.peek() === ':' && c.peek(2) !== '::') {
    c.pos++;
    c.skipWs();
    return name;
  }
  c.pos = start;
  return undefined;
}

function castType(c: Cursor): string {
  let t = '';
  while (!c.done && /[\p{L}\p{N}_ $]/u.test(c.peek())) t += c.input[c.pos++];
  t = t.trim();
  if (!CAST_TYPE.test(t)) c.fail('letter or digit');
  return t;
}

function embedParams(c: Cursor): { hint?: string; join?: 'inner' | 'left' } {
  const out: { hint?: string; join?: 'inner' | 'left' } = {};
  for (let i = 0; i < 2 && c.peek() === '!'; i++) {
    c.pos++;
    const word = c.fieldName();
    if ((word === 'inner' || word === 'left') && out.join === undefined) out.join = word;
    else if (out.hint === undefined) out.hint = word;
    else c.fail('"("');
  }
  return out;
}

function children(c: Cursor): SelectItem[] {
  c.expect('(');
  const kids = forest(c);
  c.skipWs();
  c.expect(')', '")" or ","');
  return kids;
}

/** `columns=` and `on_conflict=`: comma-separated field names. */
export function parseColumnList(input: string, what: string): string[] {
  const c = new Cursor(input, what);
  const cols: string[] = [];
  for (;;) {
    c.skipWs();
    cols.push(c.fieldName());
    c.skipWs();
    if (!c.eat(',')) break;
  }
  if (!c.done) c.fail('"," or end of input');
  return cols;
}
