import type { Preferences } from '../request/prefer.ts';
import type { LevelSql } from './build-sql.ts';
import { literal, type MainResult } from './transaction.ts';

// Prefer: count=planned|estimated — PostgREST's EXPLAIN of the count query beside the main one.

/** `EXPLAIN (FORMAT JSON)` of the count query: its top node's row estimate (count=planned). */
export function plannedCountSql(from: string, alias: string, level: LevelSql): string {
  const where = level.conds.length ? ` WHERE ${level.conds.join(' AND ')}` : '';
  return `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from} AS ${alias} ${level.condsUseJoins ? level.joins.join(' ') : ''}${where}`;
}

/**
 * `$n` → the value as a literal, outside quoted strings and identifiers: the count query uses only
 * some of the main statement's parameters, and a statement must bind exactly the ones it uses.
 */
export function inlineParams(sql: string, values: string[]): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j;
    } else if (ch === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      const m = /^\$([0-9]+)/.exec(sql.slice(i)) as RegExpExecArray;
      out += literal(values[Number(m[1]) - 1] ?? '');
      i += m[0].length - 1;
    } else out += ch;
  }
  return out;
}

/**
 * The total PostgREST reports: exact counts as counted, planned from the plan, estimated exact up
 * to max-rows and past it the larger of the (capped) exact count and the plan's estimate.
 */
export function countTotal(pref: Preferences['count'], r: MainResult, maxRows: number): number | null {
  const exact = r.total === null ? null : Number(r.total);
  if (pref === 'planned') return r.planned ?? null;
  if (pref === 'estimated' && exact !== null && exact > maxRows) {
    return Math.max(Math.min(exact, maxRows + 1), r.planned ?? 0);
  }
  return exact;
}
