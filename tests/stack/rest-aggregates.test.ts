import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type RestHarness, startRestHarness } from './rest-harness.ts';
import { REST_RELATIONS_FIXTURES_SQL } from './rest-relations-fixtures.ts';

let h: RestHarness;

/** Sets the login role's in-database PostgREST setting for this database only, then reloads. */
async function setAggregates(on: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: h.adminUrl });
  await admin.connect();
  try {
    const db = (await admin.query<{ d: string }>('select current_database() as d')).rows[0]?.d as string;
    const quoted = `"${db.replaceAll('"', '""')}"`;
    await admin.query(
      on
        ? `alter role authenticator in database ${quoted} set pgrst.db_aggregates_enabled = 'true'`
        : `alter role authenticator in database ${quoted} reset pgrst.db_aggregates_enabled`,
    );
    await admin.query(`notify pgrst, 'reload config'`);
  } finally {
    await admin.end();
  }
  // The reload is asynchronous: wait until the gateway answers accordingly.
  await vi.waitFor(
    async () => {
      const code = (await h.anon().from('orders').select('count()')).error?.code ?? 'ok';
      if (code !== (on ? 'ok' : 'PGRST123')) throw new Error(`still ${code}`);
    },
    { timeout: 15_000, interval: 50 },
  );
}

beforeAll(async () => {
  h = await startRestHarness(inject('stack').adminDbUrl, REST_RELATIONS_FIXTURES_SQL);
});
afterAll(async () => {
  await h?.stop();
});

describe('aggregates while pgrst.db_aggregates_enabled is unset', () => {
  it('refuses count() and col.sum() with 400 PGRST123', async () => {
    for (const select of ['count()', 'amount.sum()', 'id,customers(name.max())', '...customers(n:count())']) {
      const { data, error, status } = await h.anon().from('orders').select(select);
      expect(status, select).toBe(400);
      expect(data).toBeNull();
      expect(error).toEqual({
        code: 'PGRST123',
        message: 'Use of aggregate functions is not allowed',
        details: null,
        hint: null,
      });
    }
  });
});

describe('aggregates once enabled for the authenticator role', () => {
  beforeAll(async () => {
    await setAggregates(true);
  });
  afterAll(async () => {
    await setAggregates(false);
  });

  it('aggregates the whole table, named after the function', async () => {
    const { data, error, status } = await h.anon().from('orders').select('amount.sum(), count(), placed.min()');
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([{ sum: 165.5, count: 4, min: '2026-01-01' }]);
  });

  it('groups by the other selected columns, with aliases and casts', async () => {
    const { data, error } = await h
      .anon()
      .from('orders')
      .select('status, total:amount.sum(), n:count()::text, avg:amount.avg()::int, top:amount::int.max()')
      .order('status');
    expect(error).toBeNull();
    expect(data).toEqual([
      { status: 'open', total: 25.5, n: '1', avg: 26, top: 26 },
      { status: 'paid', total: 140, n: '3', avg: 47, top: 70 },
    ]);
  });

  it('aggregates inside a to-many embed, per parent row', async () => {
    const { data, error } = await h.anon().from('customers').select('name, orders(amount.sum(), count())').order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ana', orders: [{ sum: 70, count: 2 }] },
      { name: 'Ben', orders: [{ sum: 95.5, count: 2 }] },
      { name: 'Cy', orders: [{ sum: null, count: 0 }] },
    ]);
  });

  it('groups by the embedded resource when the parent aggregates', async () => {
    const { data, error } = await h.anon().from('orders').select('customers(name), n:count()');
    expect(error).toBeNull();
    expect(sortBy(data ?? [], (r) => JSON.stringify(r))).toEqual([
      { customers: { name: 'Ana' }, n: 2 },
      { customers: { name: 'Ben' }, n: 2 },
    ]);
  });

  it('hoists aggregates out of a to-one spread, grouped by the parent columns', async () => {
    const { data, error } = await h.anon().from('order_lines').select('item, ...orders(amount.sum())');
    expect(error).toBeNull();
    expect(sortBy(data ?? [], (r) => r.item)).toEqual([
      { item: 'cake', sum: 10 },
      { item: 'soup', sum: 70 },
      { item: 'tea', sum: 70 },
    ]);
    const byRegion = await h.anon().from('orders').select('...customers(region), total:amount.sum()');
    expect(byRegion.error).toBeNull();
    expect(sortBy(byRegion.data ?? [], (r) => r.region)).toEqual([
      { region: 'north', total: 70 },
      { region: 'south', total: 95.5 },
    ]);
  });

  it('counts through nested to-one spreads', async () => {
    const { data, error } = await h.anon().from('order_lines').select('item, ...orders(...customers(n:count()))');
    expect(error).toBeNull();
    expect(sortBy(data ?? [], (r) => r.item)).toEqual([
      { item: 'cake', n: 1 },
      { item: 'soup', n: 1 },
      { item: 'tea', n: 2 },
    ]);
  });

  it('refuses aggregates in a to-many spread with PGRST127', async () => {
    const { error, status } = await h.anon().from('customers').select('name, ...orders(amount.sum())');
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'PGRST127',
      message: 'Feature not implemented',
      details: 'Aggregates are not implemented for one-to-many or many-to-many spreads.',
      hint: null,
    });
  });

  it('leaves grouping mistakes to the database, naming the table as PostgREST aliases it', async () => {
    const { error, status } = await h.anon().from('orders').select('status, amount.sum()').order('id');
    expect(status).toBe(400);
    expect(error).toEqual({
      code: '42803',
      message: 'column "orders.id" must appear in the GROUP BY clause or be used in an aggregate function',
      details: null,
      hint: null,
    });
  });

  it('has no filter on an aggregate: the embedded table is named by its alias', async () => {
    const { error, status } = await h
      .anon()
      .from('customers')
      .select('name, orders(sum:amount.sum())')
      .gt('orders.sum', 5);
    expect(status).toBe(400);
    expect(error).toEqual({ code: '42703', message: 'column orders_1.sum does not exist', details: null, hint: null });
  });

  it('leaves an unknown column to the database, naming the embedded table by its alias', async () => {
    const { error, status } = await h.anon().from('customers').select('name, orders(nope.sum())');
    expect(status).toBe(400);
    expect(error).toEqual({ code: '42703', message: 'column orders_1.nope does not exist', details: null, hint: null });
  });
});

function sortBy<T>(rows: T[], key: (r: T) => string): T[] {
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}
