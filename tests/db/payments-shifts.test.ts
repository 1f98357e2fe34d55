import { describe, expect, it } from 'vitest';
import { advance, makeRestaurant, type OrderJson, orderPayload, placeOrder, type Restaurant } from './fixtures.ts';
import { expectCode, rpc, service, sql, tx, uuid } from './support.ts';

interface Payment {
  id: string;
  amount: string;
  tendered: string | null;
  change: string | null;
  refund_of: string | null;
}

const xof = () => makeRestaurant({ currency: 'XOF', taxMode: 'inclusive', taxRateBp: 1800 });

async function openShift(r: Restaurant, float = 10_000, device = `pos-${uuid().slice(0, 6)}`) {
  const id = uuid();
  await rpc(r.as('cashier'), 'open_shift', {
    p_shift_id: id,
    p_restaurant_id: r.id,
    p_device_id: device,
    p_opening_float: float,
  });
  return id;
}

const pay = (r: Restaurant, args: Record<string, unknown>, role: 'cashier' | 'waiter' | 'manager' = 'cashier') =>
  rpc<Payment>(r.as(role), 'record_payment', { p_payment_id: uuid(), ...args });

const orderState = async (id: string) =>
  (
    await sql(`select paid::int, refunded::int, payment_status::text as status from public.orders where id = $1`, [id])
  )[0];

describe('payments', () => {
  it('cash with change, then the order is paid', async () => {
    const r = await xof();
    const shift = await openShift(r);
    const order = await placeOrder(r); // total 1950
    const first = await pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 950 });
    expect(first).toMatchObject({ amount: '950', tendered: null, change: null });
    expect(await orderState(order.id)).toEqual({ paid: 950, refunded: 0, status: 'partially_paid' });
    const cash = await pay(r, {
      p_order_id: order.id,
      p_method: 'cash',
      p_amount: 1000,
      p_tendered: 5000,
      p_shift_id: shift,
    });
    expect(cash).toMatchObject({ amount: '1000', tendered: '5000', change: '4000' });
    expect(await orderState(order.id)).toEqual({ paid: 1950, refunded: 0, status: 'paid' });
  });

  it('refuses overpayment (except cash change), cash without a shift, short tender, drafts', async () => {
    const r = await xof();
    const order = await placeOrder(r);
    await expectCode(pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 1951 }), 'overpayment');
    await expectCode(pay(r, { p_order_id: order.id, p_method: 'cash', p_amount: 1950 }), 'shift_required');
    const shift = await openShift(r);
    await expectCode(
      pay(r, { p_order_id: order.id, p_method: 'cash', p_amount: 1950, p_tendered: 1000, p_shift_id: shift }),
      'tendered_too_low',
    );
    await expectCode(pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 0 }), 'invalid_amount');
    await expectCode(
      pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 10, p_tendered: 10 }),
      'tendered_not_cash',
    );
    const cancelled = await advance(r, await placeOrder(r), 'cancelled');
    await expectCode(pay(r, { p_order_id: cancelled.id, p_method: 'card', p_amount: 1 }), 'order_not_payable');
    await expectCode(
      rpc(r.as('kitchen'), 'record_payment', {
        p_payment_id: uuid(),
        p_order_id: order.id,
        p_method: 'card',
        p_amount: 1,
      }),
      'forbidden',
      '42501',
    );
    const [n] = await sql<{ n: number }>(`select count(*)::int as n from public.payments where order_id = $1`, [
      order.id,
    ]);
    expect(n?.n).toBe(0);
  });

  it('is idempotent by client id; the same id with other content is refused', async () => {
    const r = await xof();
    const order = await placeOrder(r);
    const id = uuid();
    const args = {
      p_payment_id: id,
      p_order_id: order.id,
      p_method: 'mobile_money',
      p_amount: 500,
      p_reference: 'OM-123',
    };
    await rpc(r.as('cashier'), 'record_payment', args);
    await rpc(r.as('cashier'), 'record_payment', args);
    expect(await orderState(order.id)).toMatchObject({ paid: 500 });
    await expectCode(rpc(r.as('cashier'), 'record_payment', { ...args, p_amount: 600 }), 'idempotency_conflict');
  });

  it('refunds: manager or owner, with a reason, never more than was paid', async () => {
    const r = await xof();
    const shift = await openShift(r);
    const order = await placeOrder(r);
    const p = await pay(r, { p_order_id: order.id, p_method: 'cash', p_amount: 1950, p_shift_id: shift });
    const refund = (
      role: 'cashier' | 'manager',
      amount: number,
      reason: string | null,
      shiftId: string | null = shift,
    ) =>
      rpc<Payment>(r.as(role), 'refund_payment', {
        p_refund_id: uuid(),
        p_payment_id: p.id,
        p_amount: amount,
        p_reason: reason,
        p_shift_id: shiftId,
      });
    await expectCode(refund('cashier', 100, 'cold'), 'forbidden', '42501');
    await expectCode(refund('manager', 100, ' '), 'reason_required');
    await expectCode(refund('manager', 100, 'cold', null), 'shift_required');
    await expectCode(refund('manager', 1951, 'cold'), 'refund_exceeds_payment');
    const partial = await refund('manager', 450, 'fries were cold');
    expect(partial).toMatchObject({ amount: '-450', refund_of: p.id });
    expect(await orderState(order.id)).toEqual({ paid: 1500, refunded: 450, status: 'partially_paid' });
    await expectCode(refund('manager', 1501, 'again'), 'refund_exceeds_payment');
    await refund('manager', 1500, 'customer left');
    expect(await orderState(order.id)).toEqual({ paid: 0, refunded: 1950, status: 'refunded' });
  });

  it('payments are append-only, even for the service role', async () => {
    const r = await xof();
    const order = await placeOrder(r);
    const p = await pay(r, { p_order_id: order.id, p_method: 'card', p_amount: 100 });
    await expectCode(
      tx(service, (c) => c.query(`update public.payments set amount = 1 where id = $1`, [p.id])),
      'payments_append_only',
    );
    await expectCode(
      tx(service, (c) => c.query(`delete from public.payments where id = $1`, [p.id])),
      'payments_append_only',
    );
  });
});

describe('shifts and the cash drawer', () => {
  it('one open shift per device', async () => {
    const r = await xof();
    await openShift(r, 0, 'till-1');
    await expectCode(openShift(r, 0, 'till-1'), 'shift_already_open');
    await openShift(r, 0, 'till-2');
  });

  it('close arithmetic and the Z report match a hand count', async () => {
    const r = await xof();
    const shift = await openShift(r, 10_000, 'till-z');
    const order = await placeOrder(r); // 1950: burger (Food) 1350 + 2 sodas (Drinks) 600, tax 297 inclusive
    const second = await placeOrder(r, orderPayload(r, { lines: [{ item_id: r.fries, qty: 3 }] })); // 1350
    const cash = await pay(r, {
      p_order_id: order.id,
      p_method: 'cash',
      p_amount: 1950,
      p_tendered: 5000,
      p_shift_id: shift,
    });
    await pay(r, { p_order_id: second.id, p_method: 'card', p_amount: 1350, p_shift_id: shift });
    const move = (kind: string, amount: number, reason: string) =>
      rpc(r.as('cashier'), 'record_cash_movement', {
        p_movement_id: uuid(),
        p_shift_id: shift,
        p_kind: kind,
        p_amount: amount,
        p_reason: reason,
      });
    await move('cash_in', 2000, 'coins from the bank');
    await move('cash_out', 500, 'bought ice');
    await rpc(r.as('manager'), 'refund_payment', {
      p_refund_id: uuid(),
      p_payment_id: cash.id,
      p_amount: 300,
      p_reason: 'no ice',
      p_shift_id: shift,
    });
    await advance(r, await placeOrder(r), 'cancelled');

    // Hand count: 10000 float + 1950 cash sale − 300 cash refund + 2000 in − 500 out = 13150.
    const x = await rpc<{ kind: string; cash: Record<string, number> }>(r.as('cashier'), 'shift_report', {
      p_shift_id: shift,
    });
    expect(x.kind).toBe('X');
    expect(x.cash).toMatchObject({
      opening_float: 10000,
      cash_payments: 1950,
      cash_refunds: -300,
      cash_in: 2000,
      cash_out: 500,
      expected: 13150,
    });

    const err = await expectCode(
      rpc(r.as('cashier'), 'close_shift', { p_shift_id: shift, p_counted_cash: 13100 }),
      'variance_reason_required',
    );
    expect(JSON.parse(err.detail ?? '{}')).toEqual({ expected: 13150, counted: 13100, variance: -50 });

    const z = await rpc<Record<string, unknown>>(r.as('cashier'), 'close_shift', {
      p_shift_id: shift,
      p_counted_cash: 13100,
      p_variance_reason: 'change_error',
    });
    expect(z.kind).toBe('Z');
    expect(z.cash).toMatchObject({ expected: 13150, counted: 13100, variance: -50, variance_reason: 'change_error' });
    expect(z.sales).toEqual({
      orders: 2,
      subtotal: 3300,
      discount: 0,
      tax: 297 + 206,
      total: 3300,
      average_ticket: 1650,
    });
    expect(z.payments_by_method).toEqual([
      { method: 'cash', count: 1, amount: 1950, refunded: 300, tips: 0 },
      { method: 'card', count: 1, amount: 1350, refunded: 0, tips: 0 },
    ]);
    expect(z.refunds).toEqual({ count: 1, amount: 300 });
    expect(z.sales_by_category).toEqual([
      { category: 'Food', qty: 4, amount: 2700 },
      { category: 'Drinks', qty: 2, amount: 600 },
    ]);
    expect(z.sales_by_item).toEqual([
      { name: 'Burger', qty: 1, amount: 1350 },
      { name: 'Fries', qty: 3, amount: 1350 },
      { name: 'Soda', qty: 2, amount: 600 },
    ]);
    expect(z.cancellations).toMatchObject({ count: 1, total: 1950 });
    expect((z.sales_by_hour as unknown[]).length).toBe(1);

    // Replaying the close returns the same report; a different count is refused; the drawer is shut.
    const again = await rpc<Record<string, unknown>>(r.as('cashier'), 'close_shift', {
      p_shift_id: shift,
      p_counted_cash: 13100,
    });
    expect(again.cash).toEqual(z.cash);
    await expectCode(rpc(r.as('cashier'), 'close_shift', { p_shift_id: shift, p_counted_cash: 13150 }), 'shift_closed');
    const o = await placeOrder(r);
    await expectCode(pay(r, { p_order_id: o.id, p_method: 'cash', p_amount: 10, p_shift_id: shift }), 'shift_closed');
  });

  it('a balanced drawer closes without a reason', async () => {
    const r = await xof();
    const shift = await openShift(r, 2500);
    const z = await rpc<{ cash: Record<string, unknown> }>(r.as('manager'), 'close_shift', {
      p_shift_id: shift,
      p_counted_cash: 2500,
    });
    expect(z.cash).toMatchObject({ expected: 2500, counted: 2500, variance: 0, variance_reason: null });
    const order: OrderJson = await placeOrder(r);
    expect(order.total).toBe(1950);
  });
});
