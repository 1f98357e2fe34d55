import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, type OrderJson, placeOrder, type Restaurant } from './fixtures.ts';
import { type Actor, expectCode, rpc, sql, user, uuid } from './support.ts';

/**
 * The day report and the X/Z shift report (…20261202000300_sales_reports.sql) against figures
 * counted by hand. The restaurant is in Jakarta (UTC+7, no daylight saving) with its business day
 * cut off twelve hours from now, so "now" is mid-day and every order, payment and refund made by
 * this test falls on one business date D whatever time the suite runs. Orders are then moved to
 * chosen hours of D (as postgres) so sales by hour are known.
 *
 * Menu (tax 10 % included, EUR): Burger 12.50 + Cheese 1.00 (Food), Fries 4.50 (Food), Soda 3.00 (Drinks).
 *   O1 cashier POS, placed D+1h00: Burger (medium, cheese) + 2 Soda = 19.50, tax 1.77 — cash 19.50 + 0.50 tip,
 *      2.00 refunded (cash) by the manager
 *   O2 owner POS,   placed D+1h30: 3 Fries = 13.50 − 1.50 discount = 12.00, tax 1.09 — card 12.00 + 1.00 tip
 *   O3 guest QR,    placed D+5h00: 1 Soda = 3.00, tax 0.27 — unpaid
 *   O4 cashier POS: Burger (medium) 12.50, cancelled "customer left"
 *   O5 guest draft: 1 Fries 4.50, rejected "kitchen closed" (never numbered)
 *   O6 cashier POS: moved to D − 1 (belongs to the day before)
 */

interface DayReport {
  business_date: string;
  currency: string;
  currency_exponent: number;
  timezone: string;
  sales: Record<string, number>;
  payments_by_method: Array<Record<string, unknown>>;
  refunds: Record<string, number>;
  discounts: Record<string, number>;
  tips: Record<string, number>;
  sales_by_hour: Array<{ hour: number; orders: number; total: number }>;
  sales_by_category: unknown[];
  sales_by_item: unknown[];
  sales_by_staff: unknown[];
  sales_by_source: unknown[];
  cancellations: { count: number; total: number; orders: Array<Record<string, unknown>> };
}

let r: Restaurant;
let day: string;
let cutoff: number;
let shift: string;
let o1: OrderJson;
let o4: OrderJson;
let o5Id: string;
let names: Record<string, string>;
let otherCashier: Actor;

const orderVersion = async (id: string) =>
  (await sql<{ v: number }>('select version as v from public.orders where id = $1', [id]))[0]?.v ?? 0;

const transition = async (actor: Actor, id: string, to: string, reason: string | null = null) =>
  rpc<OrderJson>(actor, 'transition_order', {
    p_order_id: id,
    p_to: to,
    p_expected_version: await orderVersion(id),
    p_reason: reason,
  });

const report = (actor: Actor, date: string | null = day, restaurant = r.id) =>
  rpc<DayReport>(actor, 'day_report', { p_restaurant_id: restaurant, p_business_date: date });

beforeAll(async () => {
  const [now] = await sql<{ h: number }>(`select extract(hour from now() at time zone 'Asia/Jakarta')::int as h`);
  cutoff = ((now?.h ?? 0) + 12) % 24;
  r = await makeRestaurant({ timezone: 'Asia/Jakarta', currency: 'EUR', taxMode: 'inclusive', cutoffHour: cutoff });
  shift = uuid();
  await rpc(r.as('cashier'), 'open_shift', {
    p_shift_id: shift,
    p_restaurant_id: r.id,
    p_device_id: 'till-1',
    p_opening_float: 5000,
  });

  o1 = await placeOrder(r);
  const o2 = await placeOrder(
    r,
    { id: uuid(), restaurant_id: r.id, type: 'takeaway', lines: [{ item_id: r.fries, qty: 3 }] },
    'owner',
  );
  const guest = user(await createUser({ anonymous: true }), true);
  const o3Id = uuid();
  await rpc(guest, 'guest_place_order', {
    p_qr_token: r.qr1,
    p_order: { id: o3Id, lines: [{ item_id: r.soda, qty: 1 }] },
  });
  await transition(r.as('waiter'), o3Id, 'placed');
  o4 = await placeOrder(r, {
    id: uuid(),
    restaurant_id: r.id,
    type: 'takeaway',
    lines: [{ item_id: r.burger, qty: 1, modifiers: [r.medium] }],
  });
  await transition(r.as('cashier'), o4.id, 'cancelled', 'customer left');
  o5Id = uuid();
  await rpc(guest, 'guest_place_order', {
    p_qr_token: r.qr2,
    p_order: { id: o5Id, lines: [{ item_id: r.fries, qty: 1 }] },
  });
  await transition(r.as('waiter'), o5Id, 'rejected', 'kitchen closed');
  const o6 = await placeOrder(r);

  await rpc(r.as('owner'), 'apply_discount', {
    p_discount_id: uuid(),
    p_order_id: o2.id,
    p_kind: 'amount',
    p_value: 150,
    p_reason: 'regular customer',
  });
  const cash = await rpc<{ id: string }>(r.as('cashier'), 'record_payment', {
    p_payment_id: uuid(),
    p_order_id: o1.id,
    p_method: 'cash',
    p_amount: 1950,
    p_tendered: 2000,
    p_tip: 50,
    p_shift_id: shift,
  });
  await rpc(r.as('cashier'), 'record_payment', {
    p_payment_id: uuid(),
    p_order_id: o2.id,
    p_method: 'card',
    p_amount: 1200,
    p_tip: 100,
    p_shift_id: shift,
  });
  await rpc(r.as('manager'), 'refund_payment', {
    p_refund_id: uuid(),
    p_payment_id: cash.id,
    p_amount: 200,
    p_reason: 'soda was flat',
    p_shift_id: shift,
  });

  // Hours of D: its start is the cut-off hour, local time.
  const [d] = await sql<{ d: string }>('select private.business_date($1, now())::text as d', [r.id]);
  day = d?.d ?? '';
  const at = `(($2::date + make_interval(hours => ${cutoff}))::timestamp + $3::interval) at time zone 'Asia/Jakarta'`;
  const move = (id: string, offset: string) =>
    sql(`update public.orders set placed_at = ${at} where id = $1`, [id, day, offset]);
  await move(o1.id, '1 hour');
  await move(o2.id, '1 hour 30 minutes');
  await move(o3Id, '5 hours');
  await sql(`update public.orders set business_date = $2::date - 1, placed_at = ${at} where id = $1`, [
    o6.id,
    day,
    '-1 hour',
  ]);
  await sql(`update public.shifts set opened_at = ${at} where id = $1`, [shift, day, '0 hours']);

  const otherCashierId = await createUser({ label: 'cashier2' });
  await sql(`insert into public.memberships (restaurant_id, user_id, role) values ($1, $2, 'cashier')`, [
    r.id,
    otherCashierId,
  ]);
  otherCashier = user(otherCashierId);
  const members = await sql<{ user_id: string; display_name: string }>(
    'select user_id, display_name from public.memberships where restaurant_id = $1',
    [r.id],
  );
  names = Object.fromEntries(members.map((m) => [m.user_id, m.display_name]));
});

describe('day_report', () => {
  it('matches the hand count of the fixture day', async () => {
    const rep = await report(r.as('owner'));
    expect(rep).toMatchObject({ business_date: day, currency: 'EUR', currency_exponent: 2, timezone: 'Asia/Jakarta' });
    expect(rep.sales).toEqual({
      orders: 3,
      subtotal: 1950 + 1350 + 300,
      discount: 150,
      tax: 177 + 109 + 27,
      total: 1950 + 1200 + 300,
      average_ticket: 1150,
    });
    expect(rep.payments_by_method).toEqual([
      { method: 'cash', count: 1, amount: 1950, refunded: 200, tips: 50 },
      { method: 'card', count: 1, amount: 1200, refunded: 0, tips: 100 },
    ]);
    expect(rep.refunds).toEqual({ count: 1, amount: 200 });
    expect(rep.discounts).toEqual({ count: 1, amount: 150 });
    expect(rep.tips).toEqual({ amount: 150 });
    const hour = (h: number) => (cutoff + h) % 24;
    expect(rep.sales_by_hour).toEqual(
      [
        { hour: hour(1), orders: 2, total: 3150 },
        { hour: hour(5), orders: 1, total: 300 },
      ].sort((a, b) => a.hour - b.hour),
    );
    expect(rep.sales_by_category).toEqual([
      { category: 'Food', qty: 4, amount: 2700 },
      { category: 'Drinks', qty: 3, amount: 900 },
    ]);
    expect(rep.sales_by_item).toEqual([
      { name: 'Burger', qty: 1, amount: 1350 },
      { name: 'Fries', qty: 3, amount: 1350 },
      { name: 'Soda', qty: 3, amount: 900 },
    ]);
    expect(rep.sales_by_staff).toEqual([
      { user_id: r.users.cashier, name: names[r.users.cashier], orders: 1, total: 1950 },
      { user_id: r.users.owner, name: names[r.users.owner], orders: 1, total: 1200 },
      { user_id: null, name: null, orders: 1, total: 300 },
    ]);
    expect(rep.sales_by_source).toEqual([
      { source: 'pos', orders: 2, total: 3150 },
      { source: 'qr', orders: 1, total: 300 },
    ]);
    expect(rep.cancellations).toEqual({
      count: 2,
      total: 1250 + 450,
      orders: [
        { id: o4.id, number: o4.number, status: 'cancelled', total: 1250, reason: 'customer left' },
        { id: o5Id, number: null, status: 'rejected', total: 450, reason: 'kitchen closed' },
      ],
    });
  });

  it('the day before holds only its own order; an empty day is zeros; no date is today', async () => {
    const before = await report(r.as('manager'), await shiftDate(-1));
    expect(before.sales).toEqual({
      orders: 1,
      subtotal: 1950,
      discount: 0,
      tax: 177,
      total: 1950,
      average_ticket: 1950,
    });
    expect(before.payments_by_method).toEqual([]);
    const empty = await report(r.as('manager'), await shiftDate(-30));
    expect(empty).toMatchObject({
      sales: { orders: 0, subtotal: 0, discount: 0, tax: 0, total: 0, average_ticket: 0 },
      payments_by_method: [],
      refunds: { count: 0, amount: 0 },
      discounts: { count: 0, amount: 0 },
      tips: { amount: 0 },
      sales_by_hour: [],
      sales_by_staff: [],
      cancellations: { count: 0, total: 0, orders: [] },
    });
    expect(await report(r.as('owner'), null)).toEqual(await report(r.as('owner')));
  });

  it('owners and managers only; another tenant is refused exactly like a made-up restaurant', async () => {
    for (const role of ['cashier', 'waiter', 'kitchen', 'print_bridge'] as const) {
      await expectCode(report(r.as(role)), 'forbidden', '42501');
    }
    const other = await makeRestaurant();
    const foreign = await expectCode(report(other.as('owner')), 'forbidden', '42501');
    const madeUp = uuid();
    const unknown = await expectCode(report(other.as('owner'), day, madeUp), 'forbidden', '42501');
    const shape = (detail: string | undefined, id: string) => ({ ...JSON.parse(detail ?? '{}'), restaurant_id: id });
    expect(shape(foreign.detail, 'x')).toEqual(shape(unknown.detail, 'x'));
    expect(foreign.hint).toEqual(unknown.hint);
  });
});

async function shiftDate(days: number): Promise<string> {
  return (await sql<{ d: string }>('select ($1::date + $2::int)::text as d', [day, days]))[0]?.d ?? '';
}

describe('shift_report', () => {
  it('X while open, Z once closed, with discounts, tips and the average ticket', async () => {
    const x = await rpc<DayReport & { kind: string; cash: Record<string, unknown> }>(r.as('cashier'), 'shift_report', {
      p_shift_id: shift,
    });
    expect(x.kind).toBe('X');
    // Orders placed while the shift was open: O1–O3 (O6 moved to the day before, O4 cancelled).
    expect(x.sales).toEqual({ orders: 3, subtotal: 3600, discount: 150, tax: 313, total: 3450, average_ticket: 1150 });
    expect(x.discounts).toEqual({ count: 1, amount: 150 });
    expect(x.tips).toEqual({ amount: 150 });
    expect(x.payments_by_method).toEqual([
      { method: 'cash', count: 1, amount: 1950, refunded: 200, tips: 50 },
      { method: 'card', count: 1, amount: 1200, refunded: 0, tips: 100 },
    ]);
    // 50.00 float + 19.50 cash + 0.50 cash tip − 2.00 refunded.
    expect(x.cash).toMatchObject({ expected: 6800 });
    const z = await rpc<{ kind: string; sales: unknown; tips: unknown }>(r.as('cashier'), 'close_shift', {
      p_shift_id: shift,
      p_counted_cash: 6800,
    });
    expect(z).toMatchObject({ kind: 'Z', sales: x.sales, tips: x.tips });
    expect(await rpc(r.as('manager'), 'shift_report', { p_shift_id: shift })).toMatchObject({ kind: 'Z' });
  });

  it('a cashier reads and closes only the shifts they opened; another is shift_not_found like a made-up id', async () => {
    const theirs = uuid();
    await rpc(r.as('cashier'), 'open_shift', {
      p_shift_id: theirs,
      p_restaurant_id: r.id,
      p_device_id: 'till-2',
      p_opening_float: 0,
    });
    const madeUp = uuid();
    const asked = async (p: Promise<unknown>, id: string) => {
      const err = await expectCode(p, 'shift_not_found');
      expect(JSON.parse(err.detail ?? '{}')).toEqual({ shift_id: id });
      return { hint: err.hint };
    };
    const foreign = await asked(rpc(otherCashier, 'shift_report', { p_shift_id: theirs }), theirs);
    expect(await asked(rpc(otherCashier, 'shift_report', { p_shift_id: madeUp }), madeUp)).toEqual(foreign);
    await asked(rpc(otherCashier, 'close_shift', { p_shift_id: theirs, p_counted_cash: 0 }), theirs);
    await asked(rpc(otherCashier, 'close_shift', { p_shift_id: madeUp, p_counted_cash: 0 }), madeUp);
    expect(
      (await sql<{ open: boolean }>('select closed_at is null as open from public.shifts where id = $1', [theirs]))[0],
    ).toEqual({ open: true });

    // Their own shift, and any shift for owners and managers.
    const own = uuid();
    await rpc(otherCashier, 'open_shift', {
      p_shift_id: own,
      p_restaurant_id: r.id,
      p_device_id: 'till-3',
      p_opening_float: 0,
    });
    expect(await rpc(otherCashier, 'shift_report', { p_shift_id: own })).toMatchObject({ kind: 'X' });
    expect(await rpc(r.as('owner'), 'shift_report', { p_shift_id: theirs })).toMatchObject({ kind: 'X' });
    expect(await rpc(r.as('manager'), 'close_shift', { p_shift_id: theirs, p_counted_cash: 0 })).toMatchObject({
      kind: 'Z',
    });
    // Another restaurant's shift is as unknown as a made-up one; the restaurant's waiter is forbidden.
    const other = await makeRestaurant();
    expect(await asked(rpc(other.as('owner'), 'shift_report', { p_shift_id: own }), own)).toEqual(foreign);
    await expectCode(rpc(r.as('waiter'), 'shift_report', { p_shift_id: own }), 'forbidden', '42501');
  });
});
