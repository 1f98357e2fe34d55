import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RestHarness, startRestHarness } from './rest-harness.ts';
import { REST_RELATIONS_FIXTURES_SQL } from './rest-relations-fixtures.ts';

let h: RestHarness;

beforeAll(async () => {
  h = await startRestHarness(inject('stack').adminDbUrl, REST_RELATIONS_FIXTURES_SQL);
});
afterAll(async () => {
  await h?.stop();
});

describe('computed fields', () => {
  it('selects, filters and orders by a function of the row', async () => {
    const all = await h.anon().from('customers').select('name, label').order('label', { ascending: false });
    expect(all.error).toBeNull();
    expect(all.data).toEqual([
      { name: 'Cy', label: 'Cy (north)' },
      { name: 'Ben', label: 'Ben (south)' },
      { name: 'Ana', label: 'Ana (north)' },
    ]);
    const one = await h.anon().from('customers').select('id').eq('label', 'Ben (south)');
    expect(one.data).toEqual([{ id: 2 }]);
  });

  it('is not part of *', async () => {
    const { data } = await h.anon().from('customers').select('*').eq('id', 1);
    expect(data).toEqual([{ id: 1, name: 'Ana', region: 'north' }]);
  });

  it('works through embeds, in select, filters and order', async () => {
    const { data, error } = await h
      .anon()
      .from('customers')
      .select('name, orders(id, with_tax)')
      .gt('orders.with_tax', 20)
      .order('with_tax', { referencedTable: 'orders', ascending: false })
      .order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ana', orders: [{ id: 2, with_tax: 66 }] },
      {
        name: 'Ben',
        orders: [
          { id: 4, with_tax: 77 },
          { id: 3, with_tax: 28.05 },
        ],
      },
      { name: 'Cy', orders: [] },
    ]);
    const parent = await h.anon().from('orders').select('id, customers(label)').eq('id', 3);
    expect(parent.data).toEqual([{ id: 3, customers: { label: 'Ben (south)' } }]);
  });

  it('works on a partitioned table', async () => {
    const { data, error } = await h
      .anon()
      .from('visits')
      .select('id, double_seats')
      .gt('double_seats', 5)
      .order('double_seats');
    expect(error).toBeNull();
    expect(data).toEqual([
      { id: 2, double_seats: 8 },
      { id: 3, double_seats: 12 },
    ]);
  });

  it('leaves a name that is neither column nor function to the database (42703)', async () => {
    const { error, status } = await h.anon().from('customers').select('nope');
    expect(status).toBe(400);
    expect(error).toEqual({
      code: '42703',
      message: 'column customers.nope does not exist',
      details: null,
      hint: null,
    });
  });
});

describe('functions as relationships', () => {
  it('embeds a set-returning function of the row as to-many', async () => {
    const { data, error } = await h.anon().from('customers').select('name, big_orders(id, amount)').order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ana', big_orders: [{ id: 2, amount: 60 }] },
      { name: 'Ben', big_orders: [{ id: 4, amount: 70 }] },
      { name: 'Cy', big_orders: [] },
    ]);
  });

  it('embeds `rows 1` and single-row functions as to-one, with !inner and aliases', async () => {
    const first = await h.anon().from('customers').select('name, first:first_order(id, placed)').order('id');
    expect(first.error).toBeNull();
    expect(first.data).toEqual([
      { name: 'Ana', first: { id: 1, placed: '2026-01-01' } },
      { name: 'Ben', first: { id: 3, placed: '2026-01-02' } },
      { name: 'Cy', first: null },
    ]);
    const inner = await h.anon().from('customers').select('name, first_order!inner(id)').order('id');
    expect(inner.data).toEqual([
      { name: 'Ana', first_order: { id: 1 } },
      { name: 'Ben', first_order: { id: 3 } },
    ]);
    const buyer = await h.anon().from('orders').select('id, buyer(name, label)').eq('id', 4);
    expect(buyer.data).toEqual([{ id: 4, buyer: { name: 'Ben', label: 'Ben (south)' } }]);
  });

  it('filters inside the function embed', async () => {
    const { data } = await h.anon().from('customers').select('name, big_orders(id)').eq('big_orders.id', 4).order('id');
    expect(data).toEqual([
      { name: 'Ana', big_orders: [] },
      { name: 'Ben', big_orders: [{ id: 4 }] },
      { name: 'Cy', big_orders: [] },
    ]);
  });
});
