import { describe, expect, it } from 'vitest';
import { parseQuery } from '../request/query-params.ts';
import { computeRelationships } from '../schema/relationships.ts';
import type { Column, ForeignKey, Relation, SchemaCache } from '../schema/schema-cache.ts';
import { buildLevel, checkAllLevelsUsed, newContext, readQuery } from './build-sql.ts';
import { Params } from './sql-fragments.ts';

// The SQL text built for representative reads, pinned so planning and rendering stay one behaviour.
const col = (name: string, type = 'text'): Column => ({ name, type, nullable: true, default: null, generated: false });
const rel = (name: string, cols: Column[], computed: [string, string][] = [], pk = ['id']): Relation => ({
  schema: 'public',
  name,
  kind: 'table',
  columns: new Map(cols.map((c) => [c.name, c])),
  columnList: cols,
  pk,
  computed: new Map(computed),
  uniques: [pk],
});
const relations = new Map<string, Relation>([
  ['authors', rel('authors', [col('id', 'bigint'), col('name')], [['initials', '"public"."initials"']])],
  ['books', rel('books', [col('id', 'bigint'), col('title'), col('author_id', 'bigint'), col('price', 'numeric')])],
  ['tags', rel('tags', [col('id', 'bigint'), col('label')])],
  [
    'book_tags',
    rel(
      'book_tags',
      [col('id', 'bigint'), col('book_id', 'bigint'), col('tag_id', 'bigint')],
      [],
      ['book_id', 'tag_id'],
    ),
  ],
  ['nodes', rel('nodes', [col('id', 'bigint'), col('parent_id', 'bigint'), col('meta', 'jsonb')])],
]);
const fks: ForeignKey[] = [
  { name: 'books_author_fkey', table: 'books', columns: ['author_id'], refTable: 'authors', refColumns: ['id'] },
  { name: 'book_tags_book_fkey', table: 'book_tags', columns: ['book_id'], refTable: 'books', refColumns: ['id'] },
  { name: 'book_tags_tag_fkey', table: 'book_tags', columns: ['tag_id'], refTable: 'tags', refColumns: ['id'] },
  { name: 'nodes_parent_fkey', table: 'nodes', columns: ['parent_id'], refTable: 'nodes', refColumns: ['id'] },
];
const cache: SchemaCache = {
  schema: 'public',
  relations,
  foreignKeys: fks,
  relationships: computeRelationships(relations, fks),
  computedRels: [
    { name: 'top_books', table: 'authors', target: 'books', call: '"public"."top_books"', toOne: false },
    { name: 'best_book', table: 'authors', target: 'books', call: '"public"."best_book"', toOne: true },
  ],
  routines: new Map(),
  roles: new Set(['anon']),
  allRoles: new Set(['anon']),
  roleSettings: new Map(),
  dbSettings: new Map([['db_aggregates_enabled', 'true']]),
  loadedAt: 0,
};

function read(table: string, qs: string, c: SchemaCache = cache) {
  const q = parseQuery(qs);
  const ctx = newContext(c, new Params(), q.levels);
  const t = relations.get(table) as Relation;
  const level = buildLevel(ctx, { ...t, relName: t.name }, 'pgrst_0', q.select, []);
  checkAllLevelsUsed(ctx);
  const from = `"public"."${table}"`;
  return {
    text: readQuery(ctx, { from, rootAlias: 'pgrst_0', level, count: true, body: true, limit: 10 }),
    values: ctx.params.values,
  };
}

const requests: Array<[string, string]> = [
  ['books', 'select=id,title&title=eq.x&id=in.(1,2)&order=title.desc'],
  ['authors', 'select=name,books!books_author_fkey!inner(title)&books.title=eq.a&books.order=id&books.limit=2'],
  ['books', 'select=title,writer:authors(name,initials)&order=writer(name).desc'],
  ['books', 'select=title,tags(label)&tags.label=like.a*'],
  ['books', 'select=title,...authors(name)'],
  ['authors', 'select=name,...books(title,price)'],
  ['authors', 'select=name,top_books(title),best_book(title)'],
  ['books', 'select=author_id,price.sum(),total:count()&or=(price.gt.1,title.is.null)'],
  ['books', 'select=title,...authors(n:id.count())'],
  ['authors', 'select=initials,books(price.avg()::int)&initials=eq.AB&order=initials'],
  ['nodes', 'select=id,meta->>a,parent:parent_id(id),nodes(id)'],
  ['authors', 'select=name,books(*)&books=not.is.null'],
];

describe('build-sql snapshots', () => {
  it.each(requests)('%s?%s', (table, qs) => {
    expect(read(table, qs)).toMatchSnapshot();
  });

  it('raises the planning errors', () => {
    const noAgg = { ...cache, dbSettings: new Map() };
    expect(() => read('books', 'select=price.sum()', noAgg)).toThrow(expect.objectContaining({ code: 'PGRST123' }));
    expect(() => read('authors', 'select=...books(price.sum())')).toThrow(
      expect.objectContaining({ code: 'PGRST127' }),
    );
    expect(() => read('books', 'select=*,nothing(*)')).toThrow(expect.objectContaining({ code: 'PGRST200' }));
    expect(() => read('books', 'select=title,tags(label)&order=tags(label)')).toThrow(
      expect.objectContaining({ code: 'PGRST118' }),
    );
  });
});
