import { describe, expect, it } from 'vitest';
import { parseFilter, rowMatches } from './filters.ts';

const types: Record<string, string> = { qty: 'int4', name: 'text', paid: 'bool' };
const typeOf = (c: string) => types[c] ?? 'text';

describe('postgres_changes filters', () => {
  it('parses eq/neq/lt/lte/gt/gte/in with quoting, not. and AND-ed clauses', () => {
    expect(parseFilter('qty=gte.10,name=in.(a,"b,c")')).toEqual([
      { column: 'qty', op: 'gte', negate: false, values: ['10'] },
      { column: 'name', op: 'in', negate: false, values: ['a', 'b,c'] },
    ]);
    expect(parseFilter('name=not.eq.x')).toEqual([{ column: 'name', op: 'eq', negate: true, values: ['x'] }]);
  });

  it('refuses unknown operators and shapes', () => {
    expect(() => parseFilter('qty=like.1')).toThrow(/operator/);
    expect(() => parseFilter('qty')).toThrow(/column=operator/);
    expect(() => parseFilter('name=in.a,b')).toThrow(/in needs/);
  });

  it('compares numbers numerically and treats NULL as no match', () => {
    expect(rowMatches(parseFilter('qty=gt.9'), { qty: '10' }, typeOf)).toBe(true);
    expect(rowMatches(parseFilter('qty=lt.9'), { qty: '10' }, typeOf)).toBe(false);
    expect(rowMatches(parseFilter('name=neq.x'), { name: null }, typeOf)).toBe(false);
    expect(rowMatches(parseFilter('name=in.(a,"b,c")'), { name: 'b,c' }, typeOf)).toBe(true);
    expect(rowMatches(parseFilter('paid=eq.true'), { paid: 't' }, typeOf)).toBe(true);
    expect(rowMatches(parseFilter('qty=eq.10,name=eq.y'), { qty: '10', name: 'x' }, typeOf)).toBe(false);
  });
});
