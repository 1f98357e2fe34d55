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

describe('relationships by constraint, column and hint', () => {
  it('embeds by foreign-key constraint name and by column name', async () => {
    const { data, error } = await h
      .anon()
      .from('shipments')
      .select('id, shipments_sender_fkey(name), receiver_id(name)')
      .order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { id: 1, shipments_sender_fkey: { name: 'Ana' }, receiver_id: { name: 'Ben' } },
      { id: 2, shipments_sender_fkey: { name: 'Ben' }, receiver_id: { name: 'Cy' } },
    ]);
  });

  it('disambiguates with !constraint and !column hints', async () => {
    const { data, error } = await h
      .anon()
      .from('shipments')
      .select('id, from:customers!shipments_sender_fkey(name), to:customers!receiver_id(name)')
      .eq('id', 1);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 1, from: { name: 'Ana' }, to: { name: 'Ben' } }]);
    const back = await h.anon().from('customers').select('name, sent:shipments!sender_id(id)').eq('id', 2);
    expect(back.data).toEqual([{ name: 'Ben', sent: [{ id: 2 }] }]);
  });

  it('answers an ambiguous embed with 300 PGRST201, candidates in PostgREST order', async () => {
    const { data, error, status } = await h.anon().from('shipments').select('customers(name)');
    expect(status).toBe(300);
    expect(data).toBeNull();
    expect(error).toEqual({
      code: 'PGRST201',
      message: "Could not embed because more than one relationship was found for 'shipments' and 'customers'",
      details: [
        {
          cardinality: 'many-to-one',
          embedding: 'shipments with customers',
          relationship: 'shipments_receiver_fkey using shipments(receiver_id) and customers(id)',
        },
        {
          cardinality: 'many-to-one',
          embedding: 'shipments with customers',
          relationship: 'shipments_sender_fkey using shipments(sender_id) and customers(id)',
        },
      ],
      hint: "Try changing 'customers' to one of the following: 'customers!shipments_receiver_fkey', 'customers!shipments_sender_fkey'. Find the desired relationship in the 'details' key.",
    });
    const reverse = await h.anon().from('customers').select('shipments(id)');
    expect(reverse.status).toBe(300);
    expect(reverse.error?.details).toEqual([
      {
        cardinality: 'one-to-many',
        embedding: 'customers with shipments',
        relationship: 'shipments_receiver_fkey using customers(id) and shipments(receiver_id)',
      },
      {
        cardinality: 'one-to-many',
        embedding: 'customers with shipments',
        relationship: 'shipments_sender_fkey using customers(id) and shipments(sender_id)',
      },
    ]);
  });

  it('answers a missing relationship with 400 PGRST200 and a suggestion', async () => {
    const { error, status } = await h.anon().from('customers').select('shipmentz(id)');
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'PGRST200',
      message: "Could not find a relationship between 'customers' and 'shipmentz' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'customers' and 'shipmentz' in the schema 'public', but no matches were found.",
      hint: "Perhaps you meant 'shipments' instead of 'shipmentz'.",
    });
    const hinted = await h.anon().from('shipments').select('customers!nope(name)');
    expect(hinted.status).toBe(400);
    expect(hinted.error?.code).toBe('PGRST200');
    expect(hinted.error?.details).toBe(
      "Searched for a foreign key relationship between 'shipments' and 'customers' using the hint 'nope' in the schema 'public', but no matches were found.",
    );
  });
});

describe('one-to-one', () => {
  it('embeds an object from both sides', async () => {
    const { data, error } = await h
      .anon()
      .from('customers')
      .select('name, customer_profiles(nickname)')
      .order('id')
      .limit(2);
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ana', customer_profiles: { nickname: 'annie' } },
      { name: 'Ben', customer_profiles: null },
    ]);
    const back = await h.anon().from('customer_profiles').select('nickname, customers(name)');
    expect(back.data).toEqual([{ nickname: 'annie', customers: { name: 'Ana' } }]);
  });
});

describe('relationships through views', () => {
  it('follows view columns back to the foreign key, in every direction', async () => {
    const viewToTable = await h
      .anon()
      .from('order_view')
      .select('order_no, customers(name)')
      .lte('order_no', 2)
      .order('order_no');
    expect(viewToTable.error).toBeNull();
    expect(viewToTable.data).toEqual([
      { order_no: 1, customers: { name: 'Ana' } },
      { order_no: 2, customers: { name: 'Ana' } },
    ]);
    const tableToView = await h.anon().from('customers').select('name, order_view(order_no)').eq('id', 2);
    expect(tableToView.data).toEqual([{ name: 'Ben', order_view: [{ order_no: 3 }, { order_no: 4 }] }]);
    const viewToView = await h.anon().from('customer_view').select('name, order_view(amount)').eq('cid', 1);
    expect(viewToView.data).toEqual([{ name: 'Ana', order_view: [{ amount: 10 }, { amount: 60 }] }]);
    const viewToTableMany = await h.anon().from('customer_view').select('name, orders(id)').eq('cid', 3);
    expect(viewToTableMany.data).toEqual([{ name: 'Cy', orders: [] }]);
  });
});

describe('self-referencing tables', () => {
  it('embeds the parent by its column and the children by the table name', async () => {
    const { data, error } = await h
      .anon()
      .from('categories')
      .select('name, parent:parent_id(name), children:categories(name)')
      .order('id')
      .order('id', { referencedTable: 'children' });
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'drinks', parent: null, children: [{ name: 'hot' }, { name: 'cold' }] },
      { name: 'hot', parent: { name: 'drinks' }, children: [] },
      { name: 'cold', parent: { name: 'drinks' }, children: [] },
      { name: 'food', parent: null, children: [] },
    ]);
    const hinted = await h.anon().from('categories').select('name, kids:categories!parent_id(name)').eq('id', 1);
    expect(hinted.data).toEqual([{ name: 'drinks', kids: [{ name: 'hot' }, { name: 'cold' }] }]);
  });
});

describe('spreads', () => {
  it('spreads a to-one relationship into the parent', async () => {
    const { data } = await h.anon().from('orders').select('id, ...customers(name, region)').eq('id', 3);
    expect(data).toEqual([{ id: 3, name: 'Ben', region: 'south' }]);
  });

  it('spreads a to-many relationship as arrays of values (PostgREST 13)', async () => {
    const { data, error } = await h
      .anon()
      .from('customers')
      .select('name, ...orders(amount, status)')
      .order('id')
      .order('id', { referencedTable: 'orders', ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ana', amount: [60, 10], status: ['paid', 'paid'] },
      { name: 'Ben', amount: [70, 25.5], status: ['paid', 'open'] },
      { name: 'Cy', amount: [], status: [] },
    ]);
  });
});

describe('aliases and errors', () => {
  it('refuses the same embed twice under one name with the database 42712', async () => {
    const { error, status } = await h.anon().from('customers').select('orders(id), orders(amount)');
    expect(status).toBe(400);
    expect(error).toEqual({
      code: '42712',
      message: 'table name "customers_orders_1" specified more than once',
      details: null,
      hint: null,
    });
    const aliased = await h.anon().from('customers').select('name, a:orders(id), b:orders(amount)').eq('id', 3);
    expect(aliased.data).toEqual([{ name: 'Cy', a: [], b: [] }]);
  });

  it('names embedded tables by their alias in database errors', async () => {
    const { error, status } = await h.anon().from('customers').select('name, orders(nope)');
    expect(status).toBe(400);
    expect(error).toEqual({ code: '42703', message: 'column orders_1.nope does not exist', details: null, hint: null });
  });
});
