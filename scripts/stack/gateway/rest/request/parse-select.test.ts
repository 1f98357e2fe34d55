import { describe, expect, it } from 'vitest';
import { RestError } from '../errors.ts';
import { parseColumnList, parseSelect } from './parse-select.ts';

describe('parseSelect', () => {
  it('defaults to * and reads columns, aliases, casts and JSON paths', () => {
    expect(parseSelect(null)).toEqual([{ kind: 'star' }]);
    expect(parseSelect('id,who:name,n:id::text,data->a->>b,data->0')).toEqual([
      { kind: 'field', field: { name: 'id', json: [] } },
      { kind: 'field', field: { name: 'name', json: [] }, alias: 'who' },
      { kind: 'field', field: { name: 'id', json: [] }, alias: 'n', cast: 'text' },
      {
        kind: 'field',
        field: {
          name: 'data',
          json: [
            { arrow: '->', key: 'a', index: false },
            { arrow: '->>', key: 'b', index: false },
          ],
        },
      },
      { kind: 'field', field: { name: 'data', json: [{ arrow: '->', key: '0', index: true }] } },
    ]);
  });

  it('reads embeds with aliases, hints, join types, spreads and nesting', () => {
    expect(parseSelect('a:authors!author_id!inner(name,books(*)),...genres(name),reviews()')).toEqual([
      {
        kind: 'embed',
        name: 'authors',
        alias: 'a',
        hint: 'author_id',
        join: 'inner',
        spread: false,
        children: [
          { kind: 'field', field: { name: 'name', json: [] } },
          { kind: 'embed', name: 'books', spread: false, children: [{ kind: 'star' }] },
        ],
      },
      { kind: 'embed', name: 'genres', spread: true, children: [{ kind: 'field', field: { name: 'name', json: [] } }] },
      { kind: 'embed', name: 'reviews', spread: false, children: [] },
    ]);
  });

  it('accepts quoted names and dashed identifiers', () => {
    expect(parseSelect('"a,b",first-name')).toEqual([
      { kind: 'field', field: { name: 'a,b', json: [] } },
      { kind: 'field', field: { name: 'first-name', json: [] } },
    ]);
  });

  it('fails with PGRST100 on SQL-looking or malformed input', () => {
    for (const bad of ['id;drop table x', 'id)', 'rel(id', 'id::text)x', 'a::"text"']) {
      const e = (() => {
        try {
          parseSelect(bad);
        } catch (err) {
          return err;
        }
      })();
      expect(e, bad).toBeInstanceOf(RestError);
      expect((e as RestError).code).toBe('PGRST100');
      expect((e as RestError).status).toBe(400);
    }
  });

  it('parses aggregates with aliases and casts (refused later unless enabled)', () => {
    expect(parseSelect('count()')).toEqual([{ kind: 'field', field: { name: '*', json: [] }, agg: 'count' }]);
    expect(parseSelect('n:count()::text')).toEqual([
      { kind: 'field', field: { name: '*', json: [] }, agg: 'count', alias: 'n', aggCast: 'text' },
    ]);
    expect(parseSelect('total:price::int.sum()::text')).toEqual([
      { kind: 'field', field: { name: 'price', json: [] }, alias: 'total', cast: 'int', agg: 'sum', aggCast: 'text' },
    ]);
    expect(parseSelect('price.max()')).toEqual([{ kind: 'field', field: { name: 'price', json: [] }, agg: 'max' }]);
  });

  it('parses column lists', () => {
    expect(parseColumnList('"a","b c",d', 'columns parameter')).toEqual(['a', 'b c', 'd']);
  });
});
