import { describe, expect, it } from 'vitest';
import { advance, makeRestaurant, placeOrder, type Restaurant } from './fixtures.ts';
import { expectCode, rpc, sql, uuid } from './support.ts';

/**
 * Tips and split tender (…20261202000200_payment_tips.sql). The fixture order totals 1950 (a burger
 * with cheese 1350 and two sodas 600, tax included).
 */

interface Payment {
  id: string;
  amount: string;
  tip: string;
  tendered: string | null;
  change: string | null;
}

type Role = 'cashier' | 'manager' | 'waiter';

const xof = () => makeRestaurant({ currency: 'XOF', taxMode: 'inclusive', taxRateBp: 1800, autoPrintReceipts: true });

async function openShift(r: Restaurant, float = 10_000) {
  const id = uuid();
  await rpc(r.as('cashier'), 'open_shift', {
    p_shift_id: id,
    p_restaurant_id: r.id,
    p_device_id: `pos-${id.slice(0, 6)}`,
    p_opening_float: float,
  });
  return id;
}

const pay = (r: Restaurant, args: Record<string, unknown>, role: Role = 'cashier') =>
  rpc<Payment>(r.as(role), 'record_payment', { p_payment_id: uuid(), ...args });

const refund = (r: Restaurant, paymentId: string, amount: number, shiftId: string | null = null) =>
  rpc<Payment>(r.as('manager'), 'refund_payment', {
    p_refund_id: uuid(),
    p_payment_id: paymentId,
    p_amount: amount,
    p_reason: 'customer changed their mind',
    p_shift_id: shiftId,
  });

const orderState = async (id: string) =>
  (
    await sql(
      `select paid::int, refunded::int, total::int, payment_status::text as status,
         (select count(*) from public.payments p where p.order_id = o.id)::int as payments
       from public.orders o where id = $1`,
      [id],
    )
  )[0];

describe('tips', () => {
  it('a tip rides on a payment but is not a sale: paid counts the amount only', async () => {
    const r = await xof();
    const order = await placeOrder(r);
    const p = await pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 1950, p_tip: 300 });
    expect(p).toMatchObject({ amount: '1950', tip: '300', tendered: null, change: null });
    expect(await orderState(order.id)).toEqual({ paid: 1950, refunded: 0, total: 1950, status: 'paid', payments: 1 });
    // Without p_tip (older clients) there is no tip.
    const other = await placeOrder(r);
    const plain = await pay(r, { p_order_id: other.id, p_method: 'card', p_amount: 100 });
    expect(plain.tip).toBe('0');
  });

  it('cash tendered covers amount + tip; the change is what is left; the drawer keeps the tip', async () => {
    const r = await xof();
    const shift = await openShift(r, 10_000);
    const order = await placeOrder(r);
    const cash = { p_order_id: order.id, p_method: 'cash', p_shift_id: shift };
    const before = await orderState(order.id);
    await expectCode(pay(r, { ...cash, p_amount: 1950, p_tip: 100, p_tendered: 2000 }), 'tendered_too_low');
    expect(await orderState(order.id)).toEqual(before);
    const p = await pay(r, { ...cash, p_amount: 1950, p_tip: 50, p_tendered: 5000 });
    expect(p).toMatchObject({ amount: '1950', tip: '50', tendered: '5000', change: '3000' });
    // Exact cash with a tip: tendered defaults to amount + tip, no change.
    const exact = await placeOrder(r);
    const q = await pay(r, { p_order_id: exact.id, p_method: 'cash', p_shift_id: shift, p_amount: 1950, p_tip: 200 });
    expect(q).toMatchObject({ tendered: '2150', change: '0' });
    // 10,000 float + 3,900 of sales + 250 of tips.
    const [drawer] = await sql<{ cash: Record<string, number> }>(
      `select private.shift_cash(s) as cash from public.shifts s where s.id = $1`,
      [shift],
    );
    expect(drawer?.cash).toMatchObject({ cash_payments: 3900, cash_tips: 250, expected: 14_150 });
  });

  it('bad tips are refused (invalid_tip; above the money ceiling amount_too_large) and write nothing', async () => {
    const r = await xof();
    const order = await placeOrder(r);
    const before = await orderState(order.id);
    await expectCode(pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 100, p_tip: -1 }), 'invalid_tip');
    await expectCode(
      pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 100, p_tip: 100_000_000_001 }),
      'amount_too_large',
    );
    expect(await orderState(order.id)).toEqual(before);
  });

  it('a replay with the same tip returns the payment once; another tip is a conflict', async () => {
    const r = await xof();
    const shift = await openShift(r);
    const order = await placeOrder(r);
    const args = {
      p_payment_id: uuid(),
      p_order_id: order.id,
      p_method: 'cash',
      p_amount: 1000,
      p_tip: 100,
      p_tendered: 2000,
      p_shift_id: shift,
    };
    const first = await rpc<Payment>(r.as('cashier'), 'record_payment', args);
    const again = await rpc<Payment>(r.as('cashier'), 'record_payment', args);
    expect(again).toEqual(first);
    expect(await orderState(order.id)).toMatchObject({ paid: 1000, payments: 1 });
    await expectCode(rpc(r.as('cashier'), 'record_payment', { ...args, p_tip: 200 }), 'idempotency_conflict');
    await expectCode(rpc(r.as('cashier'), 'record_payment', { ...args, p_tip: 0 }), 'idempotency_conflict');
  });

  it('refunds never exceed the payment’s amount: the tip is not refunded', async () => {
    const r = await xof();
    const order = await placeOrder(r);
    const p = await pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 1950, p_tip: 300 });
    await expectCode(refund(r, p.id, 1951), 'refund_exceeds_payment');
    await expectCode(refund(r, p.id, 2250), 'refund_exceeds_payment');
    const back = await refund(r, p.id, 1950);
    expect(back).toMatchObject({ amount: '-1950', tip: '0' });
    expect(await orderState(order.id)).toMatchObject({ paid: 0, refunded: 1950, status: 'refunded' });
    await expectCode(refund(r, p.id, 1), 'refund_exceeds_payment');
  });
});

describe('split tender and split bills', () => {
  it('cash + card summing exactly to the total make the order paid; a unit more is refused', async () => {
    const r = await xof();
    const shift = await openShift(r);
    const order = await placeOrder(r);
    await pay(r, { p_order_id: order.id, p_method: 'cash', p_amount: 1000, p_tendered: 2000, p_shift_id: shift });
    expect(await orderState(order.id)).toMatchObject({ paid: 1000, status: 'partially_paid' });
    await expectCode(pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 951 }), 'overpayment');
    await pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 950, p_tip: 100 });
    expect(await orderState(order.id)).toEqual({ paid: 1950, refunded: 0, total: 1950, status: 'paid', payments: 2 });
  });

  it('evenly by three guests, each with their own payment id, after a discount (EUR)', async () => {
    const r = await makeRestaurant({ currency: 'EUR', taxMode: 'inclusive', taxRateBp: 1000 });
    const order = await placeOrder(r);
    // 1950 − 15 % (292.5 → 293) = 1657: 553 + 552 + 552.
    await rpc(r.as('manager'), 'apply_discount', {
      p_discount_id: uuid(),
      p_order_id: order.id,
      p_kind: 'percent',
      p_value: 1500,
      p_reason: 'group',
    });
    expect(await orderState(order.id)).toMatchObject({ total: 1657, status: 'unpaid' });
    for (const [i, amount] of [553, 552, 552].entries()) {
      await pay(r, { p_order_id: order.id, p_method: i === 1 ? 'mobile_money' : 'card', p_amount: amount });
    }
    expect(await orderState(order.id)).toEqual({ paid: 1657, refunded: 0, total: 1657, status: 'paid', payments: 3 });
  });

  it('a cancelled order cannot be paid', async () => {
    const r = await xof();
    const cancelled = await advance(r, await placeOrder(r), 'cancelled');
    await expectCode(
      pay(r, { p_order_id: cancelled.id, p_method: 'card', p_amount: 1, p_tip: 10 }),
      'order_not_payable',
    );
    expect(await orderState(cancelled.id)).toMatchObject({ paid: 0, payments: 0 });
  });
});

describe('receipts', () => {
  it('the receipt payload carries the order’s discounts and each payment’s tip', async () => {
    const r = await xof();
    const order = await placeOrder(r);
    const removed = uuid();
    const discount = (id: string, value: number, reason: string) =>
      rpc(r.as('manager'), 'apply_discount', {
        p_discount_id: id,
        p_order_id: order.id,
        p_kind: 'amount',
        p_value: value,
        p_reason: reason,
      });
    await discount(removed, 100, 'wrong table');
    await rpc(r.as('manager'), 'remove_discount', { p_discount_id: removed });
    await discount(uuid(), 150, 'Happy hour');
    await pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 1800, p_tip: 200 });
    const [job] = await sql<{ payload: Record<string, never> }>(
      `select payload from public.print_jobs where order_id = $1 and document = 'receipt'`,
      [order.id],
    );
    const payload = job?.payload as unknown as {
      order: { subtotal: number; discount: number; total: number; discounts: unknown[] };
      payments: unknown[];
    };
    expect(payload.order).toMatchObject({ subtotal: 1950, discount: 150, total: 1800 });
    expect(payload.order.discounts).toEqual([{ label: 'Happy hour', amount: 150 }]);
    expect(payload.payments).toEqual([{ method: 'card', amount: 1800, tendered: null, change: null, tip: 200 }]);
  });
});
