import { describe, expect, it } from 'vitest';
import {
  advance,
  createUser,
  makeRestaurant,
  type OrderJson,
  orderPayload,
  placeOrder,
  type Restaurant,
} from './fixtures.ts';
import { expectCode, rpc, sql, tx, user, uuid } from './support.ts';

/**
 * Discounts (…20261202000100_order_discounts.sql). The fixture order is a burger with cheese (1350)
 * and two sodas (600): subtotal 1950. Expected figures are worked out by hand in each test.
 */

interface Discount {
  id: string;
  line_id: string | null;
  kind: 'percent' | 'amount';
  value: number;
  amount: number;
  reason: string;
}
interface DiscountedOrder extends OrderJson {
  discount: number;
  discounts: Discount[];
}

type Role = 'owner' | 'manager' | 'cashier' | 'waiter' | 'kitchen';

const apply = (
  r: Restaurant,
  args: { order: string; kind: string | null; value: number | null; line?: string; reason?: string; id?: string },
  role: Role = 'manager',
) =>
  rpc<DiscountedOrder>(r.as(role), 'apply_discount', {
    p_discount_id: args.id ?? uuid(),
    p_order_id: args.order,
    p_kind: args.kind,
    p_value: args.value,
    p_reason: args.reason ?? 'regular customer',
    p_line_id: args.line ?? null,
  });

const remove = (r: Restaurant, id: string, role: Role = 'manager') =>
  rpc<DiscountedOrder>(r.as(role), 'remove_discount', { p_discount_id: id });

const card = (r: Restaurant, order: string, amount: number) =>
  rpc(r.as('cashier'), 'record_payment', {
    p_payment_id: uuid(),
    p_order_id: order,
    p_method: 'card',
    p_amount: amount,
  });

const totals = (o: DiscountedOrder) => ({
  subtotal: o.subtotal,
  discount: o.discount,
  tax: o.tax,
  total: o.total,
  payment_status: o.payment_status,
});

/** Everything a refused discount could have written. */
async function footprint(orderId: string) {
  const [row] = await sql(
    `select o.version, o.discount::int, o.tax::int, o.total::int, o.payment_status::text,
       (select count(*) from public.order_discounts d where d.order_id = o.id)::int as discounts,
       (select coalesce(sum(d.amount), 0) from public.order_discounts d where d.order_id = o.id)::int as amounts,
       (select count(*) from public.order_events e where e.order_id = o.id)::int as events
     from public.orders o where o.id = $1`,
    [orderId],
  );
  return row;
}

describe('apply_discount computes the discounted totals', () => {
  it('EUR, tax included: 12.5 % off a line, then 2.00 off the order', async () => {
    const r = await makeRestaurant({ currency: 'EUR', taxMode: 'inclusive', taxRateBp: 1000 });
    const order = (await placeOrder(r)) as DiscountedOrder;
    expect(order).toMatchObject({ subtotal: 1950, discount: 0, discounts: [] });
    const burger = order.lines[0]?.id ?? '';
    // 1350 × 12.5 % = 168.75 → 169 (half up to the cent).
    const lineOff = await apply(r, { order: order.id, kind: 'percent', value: 1250, line: burger });
    expect(lineOff.discounts).toMatchObject([{ line_id: burger, kind: 'percent', value: 1250, amount: 169 }]);
    // Order discount on what remains: 200 off 1781. Net 1581; tax inside = 1581 × 10/110 = 143.7 → 144.
    const both = await apply(r, { order: order.id, kind: 'amount', value: 200, reason: 'late' });
    expect(totals(both)).toEqual({ subtotal: 1950, discount: 369, tax: 144, total: 1581, payment_status: 'unpaid' });
    expect(both.discounts.map((d) => [d.line_id, d.amount, d.reason])).toEqual([
      [burger, 169, 'regular customer'],
      [null, 200, 'late'],
    ]);
    // The row clients read through RLS says the same.
    const [row] = await sql(`select discount::int, tax::int, total::int from public.orders where id = $1`, [order.id]);
    expect(row).toEqual({ discount: 369, tax: 144, total: 1581 });
  });

  it('XOF (no decimals), tax on top: a line amount, then 15 % of the rest rounded to whole francs', async () => {
    const r = await makeRestaurant({ currency: 'XOF', taxMode: 'exclusive', taxRateBp: 1800 });
    const order = (await placeOrder(r)) as DiscountedOrder;
    // 1950 × 15 % = 292.5 → 293; net 1657; tax 1657 × 18 % = 298.26 → 298; total 1955.
    const pct = await apply(r, { order: order.id, kind: 'percent', value: 1500 });
    expect(totals(pct)).toEqual({ subtotal: 1950, discount: 293, tax: 298, total: 1955, payment_status: 'unpaid' });
    // 50 off the sodas (600): the 15 % now takes 1900 × 15 % = 285; discount 335; net 1615;
    // tax 290.7 → 291; total 1906.
    const sodas = order.lines[1]?.id ?? '';
    const more = await apply(r, { order: order.id, kind: 'amount', value: 50, line: sodas });
    expect(totals(more)).toEqual({ subtotal: 1950, discount: 335, tax: 291, total: 1906, payment_status: 'unpaid' });
    expect(more.discounts.map((d) => d.amount)).toEqual([285, 50]);
  });

  it('a percentage follows a new round, an amount stays; the payment status follows the new total', async () => {
    const r = await makeRestaurant({ currency: 'EUR', taxMode: 'inclusive', taxRateBp: 1000 });
    const order = await placeOrder(r, orderPayload(r, { type: 'dine_in', table_id: r.table1 }));
    await apply(r, { order: order.id, kind: 'percent', value: 1000 });
    // 10 % of 1950 = 195, plus 100: discount 295; net 1655; tax 1655/11 = 150.45 → 150.
    const before = await apply(r, { order: order.id, kind: 'amount', value: 100 });
    expect(totals(before)).toEqual({ subtotal: 1950, discount: 295, tax: 150, total: 1655, payment_status: 'unpaid' });
    await card(r, order.id, 1655);
    const round = await rpc<DiscountedOrder>(r.as('waiter'), 'add_order_round', {
      p_round: { id: uuid(), order_id: order.id, lines: [{ item_id: r.fries, qty: 1 }] },
    });
    // 2400: 10 % = 240, plus 100: discount 340; net 2060; tax 2060/11 = 187.3 → 187. 1655 of 2060 paid.
    expect(totals(round)).toEqual({
      subtotal: 2400,
      discount: 340,
      tax: 187,
      total: 2060,
      payment_status: 'partially_paid',
    });
    expect(round.discounts.map((d) => d.amount)).toEqual([240, 100]);
  });

  it('IDR (no decimals), tax on top: 7.5 % of 1950 = 146.25 → 146; net 1804; tax 11 % = 198.44 → 198', async () => {
    const r = await makeRestaurant({ currency: 'IDR', taxMode: 'exclusive', taxRateBp: 1100 });
    const order = await placeOrder(r);
    const off = await apply(r, { order: order.id, kind: 'percent', value: 750 });
    expect(totals(off)).toEqual({ subtotal: 1950, discount: 146, tax: 198, total: 2002, payment_status: 'unpaid' });
  });

  it('ARS (cents), tax included: 3.33 off a line, then 33.33 % of the rest', async () => {
    const r = await makeRestaurant({ currency: 'ARS', taxMode: 'inclusive', taxRateBp: 2100 });
    const order = await placeOrder(r);
    await apply(r, { order: order.id, kind: 'amount', value: 333, line: order.lines[0]?.id ?? '' });
    // Base 1617 × 33.33 % = 538.95 → 539; discount 872; net 1078; tax inside 1078 × 21/121 = 187.09 → 187.
    const off = await apply(r, { order: order.id, kind: 'percent', value: 3333 });
    expect(totals(off)).toEqual({ subtotal: 1950, discount: 872, tax: 187, total: 1078, payment_status: 'unpaid' });
  });

  it('100 % off leaves nothing to pay: the order is settled', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    const free = await apply(r, { order: order.id, kind: 'percent', value: 10000, reason: 'staff meal' });
    expect(totals(free)).toEqual({ subtotal: 1950, discount: 1950, tax: 0, total: 0, payment_status: 'paid' });
  });
});

describe('who may give a discount', () => {
  it('waiters and kitchen staff may not; managers may give any', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    await expectCode(apply(r, { order: order.id, kind: 'percent', value: 500 }, 'waiter'), 'forbidden', '42501');
    await expectCode(apply(r, { order: order.id, kind: 'percent', value: 500 }, 'kitchen'), 'forbidden', '42501');
    const half = await apply(r, { order: order.id, kind: 'percent', value: 5000 }, 'manager');
    expect(half.discount).toBe(975);
    const more = await apply(r, { order: order.id, kind: 'amount', value: 500 }, 'owner');
    expect(more.discount).toBe(1475);
  });

  it('a cashier gives discounts only within the share the owner allows', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    const first = await footprint(order.id);
    // The default allowance is none.
    const none = await expectCode(
      apply(r, { order: order.id, kind: 'amount', value: 1 }, 'cashier'),
      'discount_over_limit',
    );
    expect(JSON.parse(none.detail ?? '{}')).toMatchObject({ limit_bp: 0 });
    expect(await footprint(order.id)).toEqual(first);
    await tx(r.as('owner'), (c) =>
      c.query('update public.restaurants set cashier_discount_limit_bp = 1000 where id = $1', [r.id]),
    );
    // 10 % of 1950 = 195: exactly the limit is allowed, one more unit is not.
    const within = await apply(r, { order: order.id, kind: 'percent', value: 1000 }, 'cashier');
    expect(within.discount).toBe(195);
    const atLimit = await footprint(order.id);
    const over = await expectCode(
      apply(r, { order: order.id, kind: 'amount', value: 1 }, 'cashier'),
      'discount_over_limit',
    );
    expect(JSON.parse(over.detail ?? '{}')).toMatchObject({ limit_bp: 1000, discount: 196 });
    expect(await footprint(order.id)).toEqual(atLimit);
    // A manager may go further on the same order; the cashier then may add nothing more.
    await apply(r, { order: order.id, kind: 'amount', value: 300 }, 'manager');
    await expectCode(apply(r, { order: order.id, kind: 'amount', value: 1 }, 'cashier'), 'discount_over_limit');
  });

  it('only owners set the cashiers’ allowance (0 to 100 %)', async () => {
    const r = await makeRestaurant();
    const setLimit = (role: Role, bp: number) =>
      tx(r.as(role), (c) =>
        c.query('update public.restaurants set cashier_discount_limit_bp = $2 where id = $1', [r.id, bp]),
      );
    await expectCode(setLimit('manager', 5000), 'forbidden', '42501');
    // A cashier does not even see the row as editable (RLS): nothing is updated.
    expect((await setLimit('cashier', 5000)).rowCount).toBe(0);
    await expect(setLimit('owner', 10001)).rejects.toMatchObject({ code: '23514' });
    expect((await setLimit('owner', 2500)).rowCount).toBe(1);
    // Managers still edit the other settings.
    const renamed = await tx(r.as('manager'), (c) =>
      c.query(`update public.restaurants set name = 'Renamed' where id = $1`, [r.id]),
    );
    expect(renamed.rowCount).toBe(1);
    const [row] = await sql(`select cashier_discount_limit_bp as bp from public.restaurants where id = $1`, [r.id]);
    expect(row?.bp).toBe(2500);
  });
});

describe('apply_discount refuses bad input with a stable code and writes nothing', () => {
  it('out-of-range values, missing reason, another order’s line, more than the line or the order', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    const otherOrder = await placeOrder(r);
    const burger = order.lines[0]?.id ?? '';
    const before = await footprint(order.id);
    const cases: Array<[Parameters<typeof apply>[1], string]> = [
      [{ order: order.id, kind: 'percent', value: 10001 }, 'invalid_discount'],
      [{ order: order.id, kind: 'percent', value: 0 }, 'invalid_discount'],
      [{ order: order.id, kind: 'amount', value: 0 }, 'invalid_discount'],
      [{ order: order.id, kind: 'amount', value: -100 }, 'invalid_discount'],
      [{ order: order.id, kind: null, value: 100 }, 'invalid_discount'],
      [{ order: order.id, kind: 'amount', value: null }, 'invalid_discount'],
      [{ order: order.id, kind: 'amount', value: 100, reason: '  ' }, 'reason_required'],
      [{ order: order.id, kind: 'amount', value: 100, reason: 'x'.repeat(201) }, 'reason_required'],
      [{ order: order.id, kind: 'amount', value: 100, line: otherOrder.lines[0]?.id }, 'line_not_found'],
      [{ order: order.id, kind: 'amount', value: 100, line: uuid() }, 'line_not_found'],
      [{ order: order.id, kind: 'amount', value: 1351, line: burger }, 'discount_exceeds_amount'],
      [{ order: order.id, kind: 'amount', value: 1951 }, 'discount_exceeds_amount'],
      [{ order: uuid(), kind: 'amount', value: 100 }, 'order_not_found'],
    ];
    for (const [args, code] of cases) {
      const err = await expectCode(apply(r, args), code);
      expect(err.hint, code).toBeTruthy();
    }
    expect(await footprint(order.id)).toEqual(before);
    const other = await makeRestaurant();
    await expectCode(apply(other, { order: order.id, kind: 'amount', value: 1 }, 'owner'), 'order_not_found');
  });

  it('discounts together never take more than their line or their order', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    const burger = order.lines[0]?.id ?? '';
    await apply(r, { order: order.id, kind: 'percent', value: 6000, line: burger });
    const one = await footprint(order.id);
    // 60 % + 60 % of the burger: more than the line.
    await expectCode(
      apply(r, { order: order.id, kind: 'percent', value: 6000, line: burger }),
      'discount_exceeds_amount',
    );
    // 1950 − 810 = 1140 left for order discounts.
    await expectCode(apply(r, { order: order.id, kind: 'amount', value: 1141 }), 'discount_exceeds_amount');
    expect(await footprint(order.id)).toEqual(one);
    const all = await apply(r, { order: order.id, kind: 'amount', value: 1140 });
    expect(all.total).toBe(0);
  });

  it('never below what is paid; a paid, cancelled or draft order takes no discount', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    await card(r, order.id, 1900);
    const before = await footprint(order.id);
    const below = await expectCode(apply(r, { order: order.id, kind: 'amount', value: 51 }), 'discount_below_paid');
    expect(JSON.parse(below.detail ?? '{}')).toEqual({ total: 1899, paid: 1900 });
    expect(await footprint(order.id)).toEqual(before);
    // Exactly down to what is paid settles the order.
    const settled = await apply(r, { order: order.id, kind: 'amount', value: 50 });
    expect(settled).toMatchObject({ total: 1900, paid: 1900, payment_status: 'paid' });
    await expectCode(apply(r, { order: order.id, kind: 'amount', value: 1 }), 'order_not_discountable');

    const cancelled = await advance(r, await placeOrder(r), 'cancelled');
    await expectCode(apply(r, { order: cancelled.id, kind: 'amount', value: 1 }), 'order_not_discountable');
    // A guest's order waiting for the staff to accept it (the fixture restaurant is draft-first).
    const draftId = uuid();
    await rpc(user(await createUser({ anonymous: true }), true), 'guest_place_order', {
      p_qr_token: r.qr1,
      p_order: { id: draftId, lines: [{ item_id: r.soda, qty: 1 }] },
    });
    await expectCode(apply(r, { order: draftId, kind: 'amount', value: 1 }), 'order_not_discountable');
  });
});

describe('idempotency and removal', () => {
  it('a replay returns the order once; the same id with other content is a conflict', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    const id = uuid();
    const args = { id, order: order.id, kind: 'percent', value: 1000, reason: 'birthday' };
    const first = await apply(r, args);
    const again = await apply(r, { ...args, reason: '  birthday ' });
    expect(again).toEqual(first);
    expect(await footprint(order.id)).toMatchObject({ discounts: 1, discount: 195 });
    await expectCode(apply(r, { ...args, value: 2000 }), 'idempotency_conflict');
    await expectCode(apply(r, { ...args, kind: 'amount' }), 'idempotency_conflict');
    await expectCode(apply(r, { ...args, order: (await placeOrder(r)).id }), 'idempotency_conflict');
    // Once the order is paid, the outbox replaying the discount still gets the order back.
    await card(r, order.id, 1755);
    const late = await apply(r, args);
    expect(late).toMatchObject({ payment_status: 'paid', discount: 195 });
  });

  it('remove_discount: the totals come back, twice is once, strangers and waiters are refused', async () => {
    const r = await makeRestaurant({ taxMode: 'exclusive', taxRateBp: 1000 });
    const order = await placeOrder(r);
    const id = uuid();
    const discounted = await apply(r, { id, order: order.id, kind: 'amount', value: 450, reason: 'cold fries' });
    // Net 1500; tax 150; total 1650.
    expect(totals(discounted)).toEqual({
      subtotal: 1950,
      discount: 450,
      tax: 150,
      total: 1650,
      payment_status: 'unpaid',
    });
    await expectCode(remove(r, id, 'waiter'), 'forbidden', '42501');
    const other = await makeRestaurant();
    await expectCode(remove(other, id, 'owner'), 'discount_not_found');
    await expectCode(remove(r, uuid()), 'discount_not_found');
    const back = await remove(r, id, 'cashier');
    expect(totals(back)).toEqual({ subtotal: 1950, discount: 0, tax: 195, total: 2145, payment_status: 'unpaid' });
    expect(back.discounts).toEqual([]);
    const twice = await remove(r, id);
    expect(twice.version).toBe(back.version);
    // The row stays for the audit trail with what it took off.
    const [row] = await sql(
      `select amount::int, removed_at is not null as removed, removed_by from public.order_discounts where id = $1`,
      [id],
    );
    expect(row).toEqual({ amount: 450, removed: true, removed_by: r.users.cashier });
    const events = await sql(
      `select to_status, reason from public.order_events where order_id = $1 and to_status like 'discount%' order by id`,
      [order.id],
    );
    expect(events).toEqual([
      { to_status: 'discount_applied', reason: 'cold fries' },
      { to_status: 'discount_removed', reason: 'cold fries' },
    ]);
  });

  it('removing from a paid order leaves it part paid; a cancelled order keeps its discounts', async () => {
    const r = await makeRestaurant();
    const order = await placeOrder(r);
    const id = uuid();
    await apply(r, { id, order: order.id, kind: 'amount', value: 150 });
    await card(r, order.id, 1800);
    const after = await remove(r, id);
    expect(after).toMatchObject({ total: 1950, paid: 1800, payment_status: 'partially_paid' });

    const other = await placeOrder(r);
    const kept = uuid();
    await apply(r, { id: kept, order: other.id, kind: 'amount', value: 150 });
    const current = (await sql<{ o: OrderJson }>('select private.order_json($1) as o', [other.id]))[0]?.o ?? other;
    const cancelled = await advance(r, current, 'cancelled');
    expect(cancelled.status).toBe('cancelled');
    await expectCode(remove(r, kept), 'order_not_discountable');
  });
});
