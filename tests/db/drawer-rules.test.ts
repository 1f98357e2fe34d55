import { describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, placeOrder, type Restaurant } from './fixtures.ts';
import { expectCode, rpc, sql, user, uuid } from './support.ts';

/**
 * The drawer's rules (supabase/migrations/20261203001200_drawer_rules.sql): a cashier takes out at
 * most the cash the drawer should hold, an owner or manager may take out more; a shift opened by
 * someone else is closed by an owner or manager only — a cashier is answered shift_not_found.
 */

const xof = () => makeRestaurant({ currency: 'XOF', taxMode: 'inclusive', taxRateBp: 1800 });

async function openShift(r: Restaurant, float: number, as = r.as('cashier')) {
  const id = uuid();
  await rpc(as, 'open_shift', {
    p_shift_id: id,
    p_restaurant_id: r.id,
    p_device_id: `pos-${id.slice(0, 6)}`,
    p_opening_float: float,
  });
  return id;
}

const move = (r: Restaurant, shift: string, kind: string, amount: number, role = 'cashier' as const, id = uuid()) =>
  rpc<{ id: string; amount: string }>(r.as(role as 'cashier'), 'record_cash_movement', {
    p_movement_id: id,
    p_shift_id: shift,
    p_kind: kind,
    p_amount: amount,
    p_reason: 'probe',
  });

const movements = async (shift: string) =>
  (await sql<{ n: number }>('select count(*)::int as n from public.cash_movements where shift_id = $1', [shift]))[0]?.n;

const expected = async (r: Restaurant, shift: string) =>
  (await rpc<{ cash: { expected: number } }>(r.as('owner'), 'shift_report', { p_shift_id: shift })).cash.expected;

describe('cash-out ceiling', () => {
  it('a cashier takes out at most the expected cash; more is refused with it and writes nothing', async () => {
    const r = await xof();
    const shift = await openShift(r, 10_000);
    const err = await expectCode(move(r, shift, 'cash_out', 10_001), 'cash_out_exceeds_drawer');
    expect(JSON.parse(err.detail ?? '{}')).toEqual({ expected: 10_000 });
    expect(await movements(shift)).toBe(0);

    // A cash sale and a cash-in fill the drawer: the cashier may take that out, to the last franc.
    const order = await placeOrder(r); // 1950
    await rpc(r.as('cashier'), 'record_payment', {
      p_payment_id: uuid(),
      p_order_id: order.id,
      p_method: 'cash',
      p_amount: 1950,
      p_shift_id: shift,
    });
    await move(r, shift, 'cash_in', 50);
    expect(await expected(r, shift)).toBe(12_000);
    await move(r, shift, 'cash_out', 12_000);
    expect(await expected(r, shift)).toBe(0);
    await expectCode(move(r, shift, 'cash_out', 1), 'cash_out_exceeds_drawer');
    expect(await movements(shift)).toBe(2);
  });

  it('owners and managers may take out more than the drawer should hold', async () => {
    const r = await xof();
    const shift = await openShift(r, 1000);
    await move(r, shift, 'cash_out', 1500, 'manager' as 'cashier');
    await move(r, shift, 'cash_out', 500, 'owner' as 'cashier');
    expect(await expected(r, shift)).toBe(-1000);
    // The drawer is short now: a cashier's cash-out is refused, a cash-in is not.
    const err = await expectCode(move(r, shift, 'cash_out', 1), 'cash_out_exceeds_drawer');
    expect(JSON.parse(err.detail ?? '{}')).toEqual({ expected: -1000 });
    await move(r, shift, 'cash_in', 1);
  });

  it('a replay of an accepted cash-out returns it even once the drawer is empty', async () => {
    const r = await xof();
    const shift = await openShift(r, 1000);
    const id = uuid();
    const first = await move(r, shift, 'cash_out', 1000, 'cashier', id);
    expect(await move(r, shift, 'cash_out', 1000, 'cashier', id)).toEqual(first);
    expect(await movements(shift)).toBe(1);
  });
});

describe('closing a shift someone else opened', () => {
  async function secondCashier(r: Restaurant) {
    const id = await createUser({ label: 'cashier2' });
    await sql(`insert into public.memberships (restaurant_id, user_id, role) values ($1, $2, 'cashier')`, [r.id, id]);
    return user(id);
  }

  const state = async (shift: string) =>
    (await sql('select closed_at, closed_by, counted_cash from public.shifts where id = $1', [shift]))[0];

  it('another cashier is answered shift_not_found and nothing is written', async () => {
    const r = await xof();
    const shift = await openShift(r, 1000);
    const other = await secondCashier(r);
    await expectCode(rpc(other, 'close_shift', { p_shift_id: shift, p_counted_cash: 1000 }), 'shift_not_found');
    await expectCode(rpc(other, 'shift_report', { p_shift_id: shift }), 'shift_not_found');
    expect(await state(shift)).toEqual({ closed_at: null, closed_by: null, counted_cash: null });
  });

  it('a manager closes a cashier’s shift, an owner a manager’s', async () => {
    const r = await xof();
    const cashiers = await openShift(r, 1000);
    const z = await rpc<{ kind: string; shift: { closed_by: string } }>(r.as('manager'), 'close_shift', {
      p_shift_id: cashiers,
      p_counted_cash: 1000,
    });
    expect(z).toMatchObject({ kind: 'Z', shift: { closed_by: r.users.manager } });

    const managers = await openShift(r, 500, r.as('manager'));
    await expectCode(
      rpc(r.as('cashier'), 'close_shift', { p_shift_id: managers, p_counted_cash: 500 }),
      'shift_not_found',
    );
    const z2 = await rpc<{ shift: { closed_by: string } }>(r.as('owner'), 'close_shift', {
      p_shift_id: managers,
      p_counted_cash: 500,
    });
    expect(z2.shift.closed_by).toBe(r.users.owner);
  });

  it('a cashier closes the shift they opened', async () => {
    const r = await xof();
    const shift = await openShift(r, 1000);
    const z = await rpc<{ kind: string }>(r.as('cashier'), 'close_shift', { p_shift_id: shift, p_counted_cash: 1000 });
    expect(z.kind).toBe('Z');
  });
});
