import { describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, type OrderJson, placeOrder, type Restaurant } from './fixtures.ts';
import { db, expectCode, rpc, sql, user, uuid } from './support.ts';

/**
 * One ceiling for money (supabase/migrations/20261203001100_money_ceiling.sql): an order never
 * totals more than one payment may take, and a payment's amount, tip and cash tendered stay under
 * it, each with a stable code. A refused order writes nothing and spends no number.
 */

const MAX = 100_000_000_000;

async function atTheCap(opts: { taxMode?: 'inclusive' | 'exclusive'; guestOrdering?: 'auto_accept' } = {}) {
  const r = await makeRestaurant({ currency: 'XOF', taxRateBp: 1000, ...opts });
  await sql('update public.menu_items set price = $2 where id = $1', [r.fries, MAX]);
  return r;
}

const fries = (r: Restaurant, qty: number) => ({
  id: uuid(),
  restaurant_id: r.id,
  type: 'takeaway',
  lines: [{ item_id: r.fries, qty }],
});

const orders = async (r: Restaurant) =>
  (await sql<{ n: number }>('select count(*)::int as n from public.orders where restaurant_id = $1', [r.id]))[0]?.n;

describe('order totals', () => {
  it('an order at the ceiling is placed and paid in one payment; past it is order_too_large', async () => {
    const r = await atTheCap();
    const first = await placeOrder(r, fries(r, 1));
    expect(Number(first.total)).toBe(MAX);
    await rpc(r.as('cashier'), 'record_payment', {
      p_payment_id: uuid(),
      p_order_id: first.id,
      p_method: 'card',
      p_amount: MAX,
    });

    const err = await expectCode(placeOrder(r, fries(r, 2)), 'order_too_large');
    expect(JSON.parse(err.detail ?? '{}')).toEqual({ max: MAX, total: 2 * MAX });
    expect(await orders(r)).toBe(1);
    // No number was spent: the next order follows the first.
    const next = await placeOrder(r, { ...fries(r, 1), lines: [{ item_id: r.soda, qty: 1 }] });
    expect(next.number).toBe((first.number ?? 0) + 1);
  });

  it('an exclusive tax that lifts the total past the ceiling is refused', async () => {
    const r = await atTheCap({ taxMode: 'exclusive' });
    await expectCode(placeOrder(r, fries(r, 1)), 'order_too_large');
    expect(await orders(r)).toBe(0);
  });

  it('a round that would pass the ceiling is refused and the order stays as it was', async () => {
    const r = await atTheCap();
    const order = await placeOrder(r, fries(r, 1));
    await expectCode(
      rpc(r.as('waiter'), 'add_order_round', {
        p_round: { id: uuid(), order_id: order.id, lines: [{ item_id: r.soda, qty: 1 }] },
      }),
      'order_too_large',
    );
    const [now] = await sql<OrderJson>('select private.order_json($1) as o', [order.id]).then((rows) =>
      rows.map((x) => (x as unknown as { o: OrderJson }).o),
    );
    expect({ total: now?.total, version: now?.version, lines: now?.lines.length }).toEqual({
      total: order.total,
      version: order.version,
      lines: order.lines.length,
    });
  });

  it('an order stored above the ceiling before it existed can still be cancelled', async () => {
    const r = await atTheCap();
    const id = uuid();
    // Such a row can only be written with the ceiling's trigger off (the owner may; the API never).
    const client = await db().connect();
    try {
      await client.query('begin');
      await client.query('alter table public.orders disable trigger orders_total_ceiling');
      await client.query(
        `insert into public.orders (id, restaurant_id, source, type, status, business_date, number, currency,
           currency_exponent, tax_mode, tax_rate_bp, subtotal, tax, total, payload_hash, placed_at)
         values ($1, $2, 'pos', 'takeaway', 'placed', '2000-01-01', 1, 'XOF', 0, 'inclusive', 0, $3, 0, $3, 'legacy', now())`,
        [id, r.id, 2 * MAX],
      );
      // The deferred print-job trigger runs now: a table with pending trigger events cannot be altered.
      await client.query('set constraints all immediate');
      await client.query('alter table public.orders enable trigger orders_total_ceiling');
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
    const cancelled = await rpc<OrderJson>(r.as('owner'), 'transition_order', {
      p_order_id: id,
      p_to: 'cancelled',
      p_expected_version: 1,
      p_reason: 'legacy',
    });
    expect(cancelled.status).toBe('cancelled');
  });

  it('a guest’s auto-accepted order past the ceiling is refused too', async () => {
    const r = await atTheCap({ guestOrdering: 'auto_accept' });
    const guest = user(await createUser({ anonymous: true }), true);
    await expectCode(
      rpc(guest, 'guest_place_order', {
        p_qr_token: r.qr1,
        p_order: { id: uuid(), lines: [{ item_id: r.fries, qty: 2 }] },
      }),
      'order_too_large',
    );
    expect(await orders(r)).toBe(0);
  });
});

describe('payments', () => {
  async function setup() {
    const r = await atTheCap();
    const order = await placeOrder(r, fries(r, 1));
    const shift = uuid();
    await rpc(r.as('cashier'), 'open_shift', {
      p_shift_id: shift,
      p_restaurant_id: r.id,
      p_device_id: 'pos-1',
      p_opening_float: 0,
    });
    const pay = (args: Record<string, unknown>) =>
      rpc(r.as('cashier'), 'record_payment', { p_payment_id: uuid(), p_order_id: order.id, ...args });
    const payments = async () =>
      (await sql<{ n: number }>('select count(*)::int as n from public.payments where order_id = $1', [order.id]))[0]
        ?.n;
    return { shift, pay, payments };
  }

  it('an amount, a tip or cash tendered past the ceiling is amount_too_large and writes nothing', async () => {
    const { shift, pay, payments } = await setup();
    const refused = async (args: Record<string, unknown>, field: string) => {
      const err = await expectCode(pay(args), 'amount_too_large');
      expect(JSON.parse(err.detail ?? '{}')).toEqual({ max: MAX, field });
    };
    await refused({ p_method: 'card', p_amount: MAX + 1 }, 'amount');
    await refused({ p_method: 'card', p_amount: 100, p_tip: MAX + 1 }, 'tip');
    await refused({ p_method: 'cash', p_amount: 100, p_tendered: MAX + 1, p_shift_id: shift }, 'tendered');
    // Each within the ceiling, together past it: no cash tendered can cover both.
    await refused({ p_method: 'cash', p_amount: MAX, p_tip: 1, p_shift_id: shift }, 'tendered');
    expect(await payments()).toBe(0);
  });

  it('cash at the ceiling is taken', async () => {
    const { shift, pay } = await setup();
    await expect(pay({ p_method: 'cash', p_amount: MAX, p_tendered: MAX, p_shift_id: shift })).resolves.toMatchObject({
      amount: String(MAX),
      change: '0',
    });
  });
});
