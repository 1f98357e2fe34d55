import { describe, expect, it } from 'vitest';
import { sql } from './support.ts';

/** Rules for all of `public`, so a new table or function cannot slip past them unnoticed. */
describe('public schema guards', () => {
  it('every table in public has RLS enabled', async () => {
    const rows = await sql<{ name: string }>(
      `select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not c.relrowsecurity`,
    );
    expect(rows).toEqual([]);
  });

  it('anon can execute no function in public but the order-ready board', async () => {
    const rows = await sql<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_proc p where p.pronamespace = 'public'::regnamespace
         and has_function_privilege('anon', p.oid, 'execute')`,
    );
    // The customer-facing TV is not signed in; board_orders answers order numbers only.
    expect(rows.map((r) => r.name)).toEqual(['board_orders(text)']);
  });
});
