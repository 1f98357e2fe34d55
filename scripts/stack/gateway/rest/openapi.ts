import type { MainResult } from './query/transaction.ts';
import type { SchemaCache } from './schema/schema-cache.ts';

/**
 * What the request's role may use in the exposed schema, run as that role: PostgREST's
 * accessibleTables and accessibleFuncs (openapi-mode = follow-privileges, its default). A table
 * counts when the role owns it or holds any privilege on it or one of its columns; a function
 * when it may execute it. Shaped as a main statement's result row: the JSON is `body`.
 */
export const ACCESSIBLE_SQL = `
select null::text as total, 0 as n, json_build_object(
  'tables', (select coalesce(json_agg(c.relname::text), '[]') from pg_class c
    where c.relnamespace = $1::regnamespace and c.relkind in ('v', 'r', 'm', 'f', 'p') and not c.relispartition
      and (pg_has_role(c.relowner, 'USAGE')
        or has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
        or has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))),
  'routines', (select coalesce(json_agg(distinct p.proname::text), '[]') from pg_proc p
    where p.pronamespace = $1::regnamespace and p.prokind = 'f' and has_function_privilege(p.oid, 'execute'))
)::text as body`;

/**
 * The OpenAPI root (`GET /rest/v1/`): the paths of the tables and functions the caller's role may
 * use — the anon key does not learn the names of tables and RPCs it cannot call. Only what the
 * schema cache serves is listed (a function PostgREST would not expose stays out).
 */
export function openApiRoot(cache: SchemaCache, accessible: MainResult): Response {
  const { tables, routines } = JSON.parse(accessible.body) as { tables: string[]; routines: string[] };
  const paths: Record<string, object> = {};
  for (const t of [...tables].sort()) if (cache.relations.has(t)) paths[`/${t}`] = {};
  for (const r of [...routines].sort()) if (cache.routines.has(r)) paths[`/rpc/${r}`] = {};
  return new Response(
    JSON.stringify({ swagger: '2.0', info: { title: 'PostgREST API', version: '14' }, basePath: '/', paths }),
    { status: 200, headers: { 'Content-Type': 'application/openapi+json; charset=utf-8' } },
  );
}
