import { describe, expect, it } from 'vitest';
import { fromPgError, statusForSqlState } from '../errors.ts';
import { resolveRoutine } from '../plan/resolve-routine.ts';
import { parsePrefer } from '../request/prefer.ts';
import { parseQuery } from '../request/query-params.ts';
import { computeRelationships } from '../schema/relationships.ts';
import type { Column, ForeignKey, Relation, Routine, SchemaCache } from '../schema/schema-cache.ts';
import { deleteSql, insertSql } from './build-mutate.ts';
import { rpcSql } from './build-rpc.ts';
import { buildLevel, checkAllLevelsUsed, newContext, readQuery } from './build-sql.ts';
import { Params } from './sql-fragments.ts';

const col = (name: string, type = 'text', def: string | null = null): Column => ({
  name,
  type,
  nullable: true,
  default: def,
  generated: false,
});
const rel = (name: string, cols: Column[], pk: string[]): Relation => ({
  schema: 'public',
  name,
  kind: 'table',
  columns: new Map(cols.map((c) => [c.name, c])),
  columnList: cols,
  pk,
  computed: new Map(),
  uniques: [pk],
});
const relations = new Map<string, Relation>([
  ['authors', rel('authors', [col('id', 'bigint'), col('name')], ['id'])],
  [
    'books',
    rel(
      'books',
      [
        col('id', 'bigint'),
        col('title'),
        col('author_id', 'bigint'),
        col('editor_id', 'bigint'),
        col('price', 'numeric', '9.99'),
      ],
      ['id'],
    ),
  ],
]);
const fks: ForeignKey[] = [
  { name: 'books_author_fkey', table: 'books', columns: ['author_id'], refTable: 'authors', refColumns: ['id'] },
  { name: 'books_editor_fkey', table: 'books', columns: ['editor_id'], refTable: 'authors', refColumns: ['id'] },
];
const add: Routine = {
  schema: 'public',
  name: 'add',
  params: [
    { name: 'a', type: 'integer', hasDefault: false },
    { name: 'b', type: 'integer', hasDefault: true },
  ],
  volatility: 'immutable',
  returnsSet: false,
  returnKind: 'scalar',
  returnType: 'integer',
  columns: new Map(),
  columnList: [],
  returnTable: null,
};
const cache: SchemaCache = {
  schema: 'public',
  relations,
  foreignKeys: fks,
  relationships: computeRelationships(relations, fks),
  computedRels: [],
  routines: new Map([['add', [add]]]),
  roles: new Set(['anon']),
  allRoles: new Set(['anon']),
  roleSettings: new Map(),
  dbSettings: new Map(),
  loadedAt: 0,
};

function read(table: string, qs: string) {
  const q = parseQuery(qs);
  const ctx = newContext(cache, new Params(), q.levels);
  const t = relations.get(table) as Relation;
  const level = buildLevel(ctx, { ...t, relName: t.name }, 'pgrst_0', q.select, []);
  checkAllLevelsUsed(ctx);
  return {
    text: readQuery(ctx, { from: '"public"."books"', rootAlias: 'pgrst_0', level, count: true, body: true, limit: 10 }),
    values: ctx.params.values,
  };
}

describe('build-sql', () => {
  it('binds every request value and quotes every identifier', () => {
    const { text, values } = read(
      'books',
      `select=id,title&title=eq.x'); drop table books; --&id=in.(1,2)&order=title.desc`,
    );
    expect(text).not.toContain('drop table');
    expect(text).toContain('pgrst_0."title" = $1');
    expect(text).toContain('pgrst_0."id" = ANY($2)');
    expect(text).toContain('ORDER BY pgrst_0."title" DESC');
    expect(values).toEqual(["x'); drop table books; --", '{"1","2"}', '10']);
  });

  it('embeds through lateral joins and applies !inner to the parent', () => {
    const { text } = read('authors', 'select=name,books!books_author_fkey!inner(title)&books.title=eq.a');
    expect(text).toContain('LEFT JOIN LATERAL (SELECT json_agg(pgrst_r) AS pgrst_body');
    expect(text).toContain('"books_1"."author_id" = pgrst_0."id"');
    expect(text).toContain('WHERE "authors_books_1".pgrst_body IS NOT NULL');
  });

  it('fails on ambiguous and unknown embeds and on filters for missing embeds', () => {
    expect(() => read('books', 'select=*,authors(*)')).toThrow(
      expect.objectContaining({ code: 'PGRST201', status: 300 }),
    );
    expect(() => read('books', 'select=*,nothing(*)')).toThrow(
      expect.objectContaining({ code: 'PGRST200', status: 400 }),
    );
    expect(() => read('books', 'select=id&authors.name=eq.x')).toThrow(expect.objectContaining({ code: 'PGRST108' }));
    expect(() => read('books', 'select=nope')).toThrow(
      expect.objectContaining({ code: '42703', message: 'column books.nope does not exist' }),
    );
  });

  it('builds inserts from the JSON body with defaults and upserts', () => {
    const ctx = newContext(cache, new Params(), new Map());
    const books = relations.get('books') as Relation;
    const sql = insertSql(ctx, {
      table: books,
      body: [{ title: 'a' }],
      bodyText: '[{"title":"a"}]',
      columns: [col('title'), col('price', 'numeric', '9.99')],
      prefs: parsePrefer('resolution=merge-duplicates, missing=default'),
      select: [],
      representation: false,
      body_out: false,
    });
    expect(sql.text).toContain('json_to_recordset(pgrst_json_defs.val::json)');
    expect(sql.text).toContain('ON CONFLICT("id") DO UPDATE SET "title" = EXCLUDED."title"');
    expect(sql.reportsInserted).toBe(true);
    expect(ctx.params.values).toEqual(['[{"title":"a"}]', 'price']);
  });

  it('puts root filters of a delete into its WHERE', () => {
    const q = parseQuery('id=eq.3');
    const ctx = newContext(cache, new Params(), q.levels);
    const sql = deleteSql(ctx, relations.get('books') as Relation, [], false, false);
    expect(sql.text).toContain('DELETE FROM "public"."books" AS "books" WHERE "books"."id" = $1 RETURNING 1');
  });

  it('resolves functions by argument names and reports PGRST202', () => {
    expect(resolveRoutine(cache, 'add', ['a'], true).routine).toBe(add);
    expect(() => resolveRoutine(cache, 'add', ['b'], true)).toThrow(
      expect.objectContaining({ code: 'PGRST202', status: 404 }),
    );
    const ctx = newContext(cache, new Params(), new Map());
    const text = rpcSql(ctx, {
      routine: add,
      wholeBody: false,
      getArgs: new Map([['a', '1']]),
      select: [],
      count: false,
      body: true,
    });
    expect(text).toContain('"public"."add"("a" := $1::integer)');
  });
});

describe('errors', () => {
  it('maps SQLSTATEs to PostgREST statuses', () => {
    expect(statusForSqlState('23505', '', true)).toBe(409);
    expect(statusForSqlState('23514', '', true)).toBe(400);
    expect(statusForSqlState('42501', '', false)).toBe(401);
    expect(statusForSqlState('42501', '', true)).toBe(403);
    expect(statusForSqlState('P0001', '', true)).toBe(400);
    expect(statusForSqlState('PT418', '', true)).toBe(418);
    expect(statusForSqlState('22023', 'role "x" does not exist', true)).toBe(401);
    expect(statusForSqlState('57014', '', true)).toBe(500);
    expect(statusForSqlState('25006', '', true)).toBe(405);
  });

  it('lets RAISE SQLSTATE PGRST control the response', () => {
    const e = fromPgError(
      { code: 'PGRST', message: '{"code":"X1","message":"custom"}', detail: '{"status":402,"headers":{"X-A":"b"}}' },
      true,
    );
    expect(e).toMatchObject({ status: 402, code: 'X1', message: 'custom', headers: { 'X-A': 'b' } });
  });
});
