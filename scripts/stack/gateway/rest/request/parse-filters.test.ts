import { describe, expect, it } from 'vitest';
import { parseCount, parseFilterValue, parseLogicTree, parseOrder, parseTreePath } from './parse-filters.ts';
import { parseQuery } from './query-params.ts';

const f = (name: string) => ({ name, json: [] });

describe('filters', () => {
  it('parses operators, negation, modifiers and lists', () => {
    expect(parseFilterValue(f('a'), 'eq.1').operation).toEqual({ op: 'eq', value: '1' });
    expect(parseFilterValue(f('a'), 'not.gte.x.y').operation).toEqual({ op: 'gte', value: 'x.y' });
    expect(parseFilterValue(f('a'), 'not.gte.1').negate).toBe(true);
    expect(parseFilterValue(f('a'), 'like(any).{a*,b*}').operation).toEqual({
      op: 'like',
      quant: 'any',
      value: '{a*,b*}',
    });
    expect(parseFilterValue(f('a'), 'in.(1,"a,b",c)').operation).toEqual({ op: 'in', values: ['1', 'a,b', 'c'] });
    expect(parseFilterValue(f('a'), 'is.NULL').operation).toEqual({ op: 'is', value: 'null' });
    expect(parseFilterValue(f('a'), 'fts(english).cat').operation).toEqual({
      op: 'fts',
      value: 'cat',
      config: 'english',
    });
    expect(parseFilterValue(f('a'), 'imatch.^x').operation).toEqual({ op: 'imatch', value: '^x' });
    expect(() => parseFilterValue(f('a'), 'between.1')).toThrow(/failed to parse filter/);
    expect(() => parseFilterValue(f('a'), 'is.maybe')).toThrow(/failed to parse filter/);
  });

  it('parses embed paths and JSON paths in keys', () => {
    expect(parseTreePath('books.reviews.stars')).toEqual({ path: ['books', 'reviews'], field: f('stars') });
    expect(parseTreePath('bio->>born').field.json).toEqual([{ arrow: '->>', key: 'born', index: false }]);
  });

  it('parses nested logic trees with quoted values and arrays', () => {
    expect(parseLogicTree('or', false, '(a.eq.1,and(b.gt.2,c.not.in.(1,2)),d.eq."x,y",e.cs.{1,2})')).toEqual({
      kind: 'expr',
      negate: false,
      op: 'or',
      children: [
        { kind: 'filter', filter: { field: f('a'), negate: false, operation: { op: 'eq', value: '1' } } },
        {
          kind: 'expr',
          negate: false,
          op: 'and',
          children: [
            { kind: 'filter', filter: { field: f('b'), negate: false, operation: { op: 'gt', value: '2' } } },
            { kind: 'filter', filter: { field: f('c'), negate: true, operation: { op: 'in', values: ['1', '2'] } } },
          ],
        },
        { kind: 'filter', filter: { field: f('d'), negate: false, operation: { op: 'eq', value: 'x,y' } } },
        { kind: 'filter', filter: { field: f('e'), negate: false, operation: { op: 'cs', value: '{1,2}' } } },
      ],
    });
    expect(() => parseLogicTree('or', false, '(a.eq.1')).toThrow(/failed to parse logic tree/);
  });

  it('parses order terms', () => {
    expect(parseOrder('a.desc.nullslast,b,rel(c).asc')).toEqual([
      { field: f('a'), dir: 'desc', nulls: 'last' },
      { field: f('b') },
      { field: f('c'), relation: 'rel', dir: 'asc' },
    ]);
    expect(() => parseOrder('a.sideways')).toThrow(/failed to parse order/);
  });

  it('ignores non-numeric limits, saturates huge ones and refuses negative ones', () => {
    expect(parseCount('abc', 'limit')).toBeUndefined();
    expect(parseCount('99999999999999999999999', 'limit')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseCount('-1', 'limit')).toThrow(/Requested range not satisfiable/);
  });

  it('classifies query parameters by level', () => {
    const q = parseQuery(
      'select=id,books(id)&id=gt.1&books.title=eq.a+b&books.order=id.desc&books.limit=2&or=(id.eq.1,id.eq.2)&not.and=(id.eq.3)&limit=5&offset=1',
    );
    expect(q.levels.get('')).toMatchObject({ limit: 5, offset: 1, filters: [{ field: f('id') }] });
    expect(q.levels.get('')?.logic).toHaveLength(2);
    expect(q.levels.get('books')).toMatchObject({ limit: 2, order: [{ field: f('id'), dir: 'desc' }] });
    expect(q.levels.get('books')?.filters[0]?.operation).toEqual({ op: 'eq', value: 'a b' });
  });
});
