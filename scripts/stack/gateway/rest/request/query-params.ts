import { Cursor } from './parse-common.ts';
import {
  type Filter,
  type LogicTree,
  type OrderTerm,
  parseCount,
  parseFilterValue,
  parseLogicTree,
  parseOrder,
  parseTreePath,
} from './parse-filters.ts';
import { parseColumnList, parseSelect, type SelectItem } from './parse-select.ts';

/** Filters, order and paging that apply to one level of the select tree (root or an embed path). */
export interface LevelParams {
  filters: Filter[];
  logic: LogicTree[];
  order?: OrderTerm[];
  limit?: number;
  offset?: number;
}

export interface ParsedQuery {
  select: SelectItem[];
  /** Keyed by `pathKey(embed path)`; the root is `pathKey([])`. */
  levels: Map<string, LevelParams>;
  columns?: string[];
  onConflict?: string[];
  /** GET /rpc/fn arguments (raw strings). */
  rpcArgs: Map<string, string>;
  hasSelectParam: boolean;
}

export const pathKey = (path: string[]): string => path.join('\u0001');

/** Splits a raw query string like PostgREST (`+` is a space, repeated keys kept in order). */
export function splitQuery(raw: string): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  if (!raw) return out;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replaceAll('+', ' '));
      } catch {
        return s;
      }
    };
    out.push(eq < 0 ? [dec(part), null] : [dec(part.slice(0, eq)), dec(part.slice(eq + 1))]);
  }
  return out;
}

const RESERVED = new Set(['select', 'columns', 'on_conflict']);

/**
 * Classifies and parses every query parameter. `isRpcArg` tells which keys (by their value) are
 * function arguments on GET /rpc calls (everything else must be a filter).
 */
export function parseQuery(raw: string, isRpcArg: (key: string, value: string) => boolean = () => false): ParsedQuery {
  const parsed: ParsedQuery = { select: [], levels: new Map(), rpcArgs: new Map(), hasSelectParam: false };
  const level = (path: string[]): LevelParams => {
    const k = pathKey(path);
    let l = parsed.levels.get(k);
    if (!l) {
      l = { filters: [], logic: [] };
      parsed.levels.set(k, l);
    }
    return l;
  };
  let select: string | null = null;
  for (const [key, value] of splitQuery(raw)) {
    if (value === null) continue;
    if (RESERVED.has(key)) {
      if (key === 'select') {
        select = value;
        parsed.hasSelectParam = true;
      } else if (key === 'columns') parsed.columns = parseColumnList(value, 'columns parameter');
      else parsed.onConflict = parseColumnList(value, 'on_conflict parameter');
      continue;
    }
    if (isRpcArg(key, value)) {
      parsed.rpcArgs.set(key, value);
      continue;
    }
    if (value === '') continue;
    const segments = key.split('.');
    const last = segments[segments.length - 1] as string;
    if (last === 'order' || last === 'limit' || last === 'offset') {
      const path = embedPath(key, segments.length - 1);
      if (last === 'order') level(path).order = parseOrder(value);
      else {
        const n = parseCount(value, last);
        if (n !== undefined) level(path)[last] = n;
      }
      continue;
    }
    if (last === 'or' || last === 'and') {
      let names = segments.slice(0, -1);
      const negate = names[names.length - 1] === 'not';
      if (negate) names = names.slice(0, -1);
      const path = names.length ? embedPath(names.join('.'), names.length) : [];
      level(path).logic.push(parseLogicTree(last, negate, value));
      continue;
    }
    const { path, field } = parseTreePath(key);
    level(path).filters.push(parseFilterValue(field, value));
  }
  parsed.select = parseSelect(select);
  return parsed;
}

/** The first `count` dot-separated names of a key (names may be quoted and contain dots). */
function embedPath(key: string, count: number): string[] {
  if (count === 0) return [];
  const c = new Cursor(key, 'tree path');
  const names: string[] = [c.fieldName()];
  while (names.length < count && c.eat('.')) names.push(c.fieldName());
  return names;
}
