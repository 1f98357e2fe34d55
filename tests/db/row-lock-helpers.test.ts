import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, type OrderJson, placeOrder, type Restaurant } from './fixtures.ts';
import { actAs, type DbError, db, failure, rpc, tx, user, uuid } from './support.ts';

/**
 * private.order_for_update / private.line_for_update (…20261201000100_row_lock_helpers.sql): the
 * one guard the order RPCs share. Another tenant's id must be answered exactly like a made-up one,
 * and a member's call must hold the row lock until the transaction ends.
 */

let r: Restaurant;
let other: Restaurant;
let order: OrderJson;

beforeAll(async () => {
  r = await makeRestaurant();
  other = await makeRestaurant();
  order = await placeOrder(r);
});

/** The error without the id echoed in its detail, which is the only part allowed to differ. */
function withoutId(err: DbError): Omit<DbError, 'detail'> & { detailKeys: string[] } {
  const { detail, ...rest } = err;
  return { ...rest, detailKeys: Object.keys(JSON.parse(detail ?? '{}') as object).sort() };
}

/** Calls a private helper as `postgres` with the user's JWT claims, as the RPCs (security definer) do. */
async function helper(userId: string | null, fn: string, id: string, client?: pg.ClientBase): Promise<unknown> {
  const run = async (c: pg.ClientBase) => {
    await c.query(`select set_config('request.jwt.claims', $1, true)`, [
      userId ? JSON.stringify({ sub: userId, role: 'authenticated' }) : '',
    ]);
    return (await c.query(`select (private.${fn}($1)).*`, [id])).rows[0];
  };
  if (client) return run(client);
  return tx({ kind: 'owner_db' }, run, { rollback: true });
}

describe('private.order_for_update and private.line_for_update', () => {
  it('answer another restaurant’s order and a made-up id with the same error', async () => {
    const stranger = other.users.owner;
    const foreign = withoutId(await failure(helper(stranger, 'order_for_update', order.id)));
    const madeUp = withoutId(await failure(helper(stranger, 'order_for_update', uuid())));
    expect(foreign).toEqual({ code: 'P0001', message: 'order_not_found', hint: 'No such order', detailKeys: ['id'] });
    expect(madeUp).toEqual(foreign);

    const line = order.lines[0]?.id ?? '';
    const foreignLine = withoutId(await failure(helper(stranger, 'line_for_update', line)));
    expect(foreignLine).toEqual({
      code: 'P0001',
      message: 'line_not_found',
      hint: 'No such order line',
      detailKeys: ['id'],
    });
    expect(withoutId(await failure(helper(stranger, 'line_for_update', uuid())))).toEqual(foreignLine);
  });

  it('hide orders from the print bridge and refuse a caller without a user', async () => {
    expect((await failure(helper(r.users.print_bridge, 'order_for_update', order.id))).message).toBe('order_not_found');
    expect((await failure(helper(r.users.print_bridge, 'line_for_update', order.lines[0]?.id ?? ''))).message).toBe(
      'line_not_found',
    );
    const anonymous = await failure(helper(null, 'order_for_update', order.id));
    expect({ code: anonymous.code, message: anonymous.message }).toEqual({
      code: '42501',
      message: 'not_authenticated',
    });
  });

  it('return the row to every staff member, whatever their role', async () => {
    for (const role of ['owner', 'manager', 'cashier', 'kitchen', 'waiter'] as const) {
      const row = (await helper(r.users[role], 'order_for_update', order.id)) as { id: string; version: number };
      expect({ role, id: row.id, version: row.version }).toEqual({ role, id: order.id, version: order.version });
      const line = (await helper(r.users[role], 'line_for_update', order.lines[0]?.id ?? '')) as { order_id: string };
      expect(line.order_id).toBe(order.id);
    }
  });

  it('are not callable through the API', async () => {
    for (const actor of [user(r.users.owner), { kind: 'service' } as const, { kind: 'anon' } as const]) {
      const err = await failure(
        tx(actor, (c) => c.query('select private.order_for_update($1)', [order.id]), { rollback: true }),
      );
      expect(err.code).toBe('42501');
    }
  });
});

describe('the lock a member takes', () => {
  const open: pg.PoolClient[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) {
      await c.query('rollback').catch(() => {});
      c.release();
    }
  });

  /** A transaction left open as `actor`, so the locks it takes are held during the test. */
  async function openTx(userId: string): Promise<pg.PoolClient> {
    const c = await db().connect();
    open.push(c);
    await c.query('begin');
    await actAs(c, user(userId));
    return c;
  }

  /** Whether another session could lock the row right now (NOWAIT fails at once on a held lock). */
  async function lockable(table: 'orders' | 'order_lines', id: string): Promise<boolean> {
    return tx(
      { kind: 'owner_db' },
      async (c) => {
        try {
          await c.query(`select 1 from public.${table} where id = $1 for update nowait`, [id]);
          return true;
        } catch (e) {
          if ((e as { code?: string }).code === '55P03') return false;
          throw e;
        }
      },
      { rollback: true },
    );
  }

  it('is taken by the helpers themselves, before any write, and released at the end', async () => {
    const fresh = await placeOrder(r);
    const c = await db().connect();
    open.push(c);
    await c.query('begin');
    await helper(r.users.cashier, 'order_for_update', fresh.id, c);
    await helper(r.users.kitchen, 'line_for_update', fresh.lines[1]?.id ?? '', c);
    expect(await lockable('orders', fresh.id)).toBe(false);
    expect(await lockable('order_lines', fresh.lines[1]?.id ?? '')).toBe(false);
    expect(await lockable('order_lines', fresh.lines[0]?.id ?? '')).toBe(true);
    await c.query('rollback');
    expect(await lockable('orders', fresh.id)).toBe(true);
  });

  it('holds the order until the transaction ends, so a concurrent transition waits', async () => {
    const fresh = await placeOrder(r);
    expect(await lockable('orders', fresh.id)).toBe(true);
    const kitchen = await openTx(r.users.kitchen);
    await kitchen.query(`select public.transition_order($1, 'preparing', $2)`, [fresh.id, fresh.version]);
    expect(await lockable('orders', fresh.id)).toBe(false);

    // The manager's cancellation from another device cannot slip in; it times out waiting.
    const manager = await openTx(r.users.manager);
    await manager.query(`set local lock_timeout = '200ms'`);
    const blocked = await failure(
      manager.query(`select public.transition_order($1, 'cancelled', $2, 'x')`, [fresh.id, fresh.version]),
    );
    expect(blocked.code).toBe('55P03');
  });

  it('holds the line for set_line_status and the order for record_payment', async () => {
    const cooked = await placeOrder(r);
    const line = cooked.lines[0]?.id ?? '';
    const sibling = cooked.lines[1]?.id ?? '';
    const kitchen = await openTx(r.users.kitchen);
    await kitchen.query(`select public.set_line_status($1, 'preparing', 1)`, [line]);
    expect(await lockable('order_lines', line)).toBe(false);
    expect(await lockable('order_lines', sibling)).toBe(true);

    const paid = await placeOrder(r);
    expect(await lockable('orders', paid.id)).toBe(true);
    const cashier = await openTx(r.users.cashier);
    await cashier.query(`select public.record_payment($1, $2, 'card', 100)`, [uuid(), paid.id]);
    expect(await lockable('orders', paid.id)).toBe(false);
  });

  it('is not taken for a caller who cannot see the order', async () => {
    const fresh = await placeOrder(r);
    const stranger = await openTx(other.users.owner);
    await failure(stranger.query(`select public.transition_order($1, 'preparing', 1)`, [fresh.id]));
    await stranger.query('rollback');
    expect(await lockable('orders', fresh.id)).toBe(true);
    // The order is untouched.
    expect(
      (
        await rpc<OrderJson>(r.as('owner'), 'transition_order', {
          p_order_id: fresh.id,
          p_to: 'placed',
          p_expected_version: fresh.version,
        })
      ).version,
    ).toBe(fresh.version);
  });
});

describe('the RPCs that use them keep their answers', () => {
  const cases: Array<[string, (id: string) => Record<string, unknown>, string, 'order' | 'line']> = [
    [
      'transition_order',
      (id) => ({ p_order_id: id, p_to: 'preparing', p_expected_version: 1 }),
      'order_not_found',
      'order',
    ],
    [
      'set_line_status',
      (id) => ({ p_line_id: id, p_status: 'preparing', p_expected_version: 1 }),
      'line_not_found',
      'line',
    ],
    [
      'record_payment',
      (id) => ({ p_payment_id: uuid(), p_order_id: id, p_method: 'card', p_amount: 100 }),
      'order_not_found',
      'order',
    ],
  ];
  for (const [fn, args, code, kind] of cases) {
    it(`${fn}: another tenant's id is answered like a made-up one (${code})`, async () => {
      const real = kind === 'order' ? order.id : (order.lines[0]?.id ?? '');
      const foreign = await failure(rpc(other.as('owner'), fn, args(real), { rollback: true }));
      const madeUp = await failure(rpc(other.as('owner'), fn, args(uuid()), { rollback: true }));
      expect(withoutId(foreign)).toEqual(withoutId(madeUp));
      expect(foreign.message).toBe(code);
    });
  }
});
