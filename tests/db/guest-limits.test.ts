import { describe, expect, it } from 'vitest';
import { makeRestaurant, type Restaurant } from './fixtures.ts';
import { ageGuestOrders, guestFootprint, guestOrder, guestPayload, newGuest } from './guest-support.ts';
import { expectCode, rpc, sql, tx, uuid } from './support.ts';

/** Guest ordering limits (…20261203000100_guest_limits.sql): each refused with its code, nothing written. */

const setLimits = (r: Restaurant, limits: Record<string, number>) =>
  sql(
    `update public.restaurants set ${Object.keys(limits)
      .map((k, i) => `${k} = $${i + 2}`)
      .join(', ')} where id = $1`,
    [r.id, ...Object.values(limits)],
  );

/** Expects the call refused with `code` and {limit} in its detail, and nothing written. */
async function refused(r: Restaurant, call: () => Promise<unknown>, code: string, limit: number) {
  const before = await guestFootprint(r.id);
  const err = await expectCode(call(), code);
  expect(JSON.parse(err.detail ?? '{}')).toMatchObject({ limit });
  expect(err.hint).toBeTruthy();
  expect(await guestFootprint(r.id)).toEqual(before);
}

for (const mode of ['draft_first', 'auto_accept'] as const) {
  describe(`limits in ${mode} mode`, () => {
    it('orders per guest per 10 minutes: guest_order_limit; another guest may still order; older ones do not count', async () => {
      const r = await makeRestaurant({ guestOrdering: mode });
      await setLimits(r, { guest_orders_per_guest: 2 });
      const guest = await newGuest();
      const first = guestPayload(r);
      await guestOrder(guest, r.qr1, first);
      await guestOrder(guest, r.qr2, guestPayload(r));
      await refused(r, () => guestOrder(guest, r.qr1, guestPayload(r)), 'guest_order_limit', 2);
      // A replay of an order already stored is not a new order.
      expect((await guestOrder(guest, r.qr1, first)).id).toBe(first.id);
      await guestOrder(await newGuest(), r.qr1, guestPayload(r));
      await ageGuestOrders(r.id, 11);
      await guestOrder(guest, r.qr1, guestPayload(r));
    });

    it('lines per order: too_many_lines with {max}', async () => {
      const r = await makeRestaurant({ guestOrdering: mode });
      await setLimits(r, { guest_lines_per_order: 3 });
      const guest = await newGuest();
      const line = { item_id: r.soda, qty: 1 };
      await guestOrder(guest, r.qr1, guestPayload(r, { lines: [line, line, line] }));
      const before = await guestFootprint(r.id);
      const err = await expectCode(
        guestOrder(guest, r.qr1, guestPayload(r, { lines: [line, line, line, line] })),
        'too_many_lines',
      );
      expect(JSON.parse(err.detail ?? '{}')).toMatchObject({ max: 3, limit: 3, lines: 4 });
      expect(await guestFootprint(r.id)).toEqual(before);
    });

    it('orders per restaurant per hour: restaurant_guest_limit; an hour later it opens again', async () => {
      const r = await makeRestaurant({ guestOrdering: mode });
      await setLimits(r, { guest_orders_per_hour: 2 });
      await guestOrder(await newGuest(), r.qr1, guestPayload(r));
      await guestOrder(await newGuest(), r.qr2, guestPayload(r));
      await refused(r, async () => guestOrder(await newGuest(), r.qr1, guestPayload(r)), 'restaurant_guest_limit', 2);
      // Staff orders are not guest orders.
      await rpc(r.as('cashier'), 'place_order', {
        p_order: { id: uuid(), restaurant_id: r.id, type: 'takeaway', lines: [{ item_id: r.soda, qty: 1 }] },
      });
      await ageGuestOrders(r.id, 61);
      await guestOrder(await newGuest(), r.qr1, guestPayload(r));
    });
  });
}

describe('racing phones', () => {
  it('ten orders sent at once by one guest with a limit of 3: exactly 3 are stored', async () => {
    const r = await makeRestaurant();
    await setLimits(r, { guest_orders_per_guest: 3 });
    const guest = await newGuest();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => guestOrder(guest, i % 2 ? r.qr1 : r.qr2, guestPayload(r))),
    );
    const refusals = results.flatMap((x) => (x.status === 'rejected' ? [(x.reason as Error).message] : []));
    expect(refusals).toEqual(Array(7).fill('guest_order_limit'));
    const [row] = await sql<{ n: number }>('select count(*)::int as n from public.orders where restaurant_id = $1', [
      r.id,
    ]);
    expect(row?.n).toBe(3);
  });
});

describe('open drafts per table', () => {
  it('table_draft_limit counts the drafts waiting at that table only; an accepted or withdrawn one frees a slot', async () => {
    const r = await makeRestaurant({ guestOrdering: 'draft_first' });
    await setLimits(r, { guest_open_drafts_per_table: 2 });
    const a = await guestOrder(await newGuest(), r.qr1, guestPayload(r));
    const guest = await newGuest();
    const b = await guestOrder(guest, r.qr1, guestPayload(r));
    await refused(r, async () => guestOrder(await newGuest(), r.qr1, guestPayload(r)), 'table_draft_limit', 2);
    // In auto-accept mode the same table is still full of drafts from before the switch.
    await sql(`update public.restaurants set guest_ordering = 'auto_accept' where id = $1`, [r.id]);
    await refused(r, async () => guestOrder(await newGuest(), r.qr1, guestPayload(r)), 'table_draft_limit', 2);
    await sql(`update public.restaurants set guest_ordering = 'draft_first' where id = $1`, [r.id]);
    await guestOrder(await newGuest(), r.qr2, guestPayload(r));
    await rpc(r.as('waiter'), 'transition_order', { p_order_id: a.id, p_to: 'placed', p_expected_version: a.version });
    await guestOrder(await newGuest(), r.qr1, guestPayload(r));
    await refused(r, async () => guestOrder(await newGuest(), r.qr1, guestPayload(r)), 'table_draft_limit', 2);
    await rpc(guest, 'guest_cancel_order', { p_order_id: b.id });
    await guestOrder(await newGuest(), r.qr1, guestPayload(r));
  });
});

describe('limit settings', () => {
  it('defaults, and guest_menu tells the page the limits', async () => {
    const r = await makeRestaurant();
    const [row] = await sql(
      `select guest_orders_per_guest, guest_lines_per_order, guest_open_drafts_per_table, guest_orders_per_hour,
              guest_requests_per_guest from public.restaurants where id = $1`,
      [r.id],
    );
    expect(row).toEqual({
      guest_orders_per_guest: 5,
      guest_lines_per_order: 30,
      guest_open_drafts_per_table: 20,
      guest_orders_per_hour: 300,
      guest_requests_per_guest: 6,
    });
    const menu = await rpc<{ restaurant: { limits: Record<string, number> } }>(await newGuest(), 'guest_menu', {
      p_qr_token: r.qr1,
    });
    expect(menu.restaurant.limits).toEqual({
      orders_per_guest: 5,
      lines_per_order: 30,
      open_drafts_per_table: 20,
      orders_per_hour: 300,
      requests_per_guest: 6,
    });
  });

  it('owners change them; managers and others cannot; out of range → invalid_guest_limit {field, min, max}', async () => {
    const r = await makeRestaurant();
    const update = (role: 'owner' | 'manager' | 'cashier', col: string, value: unknown) =>
      tx(
        r.as(role),
        async (c) => (await c.query(`update public.restaurants set ${col} = $2 where id = $1`, [r.id, value])).rowCount,
      );
    expect(await update('owner', 'guest_orders_per_guest', 7)).toBe(1);
    expect(await update('owner', 'guest_orders_per_hour', 5000)).toBe(1);
    await expectCode(update('manager', 'guest_lines_per_order', 10), 'forbidden', '42501');
    // A manager's other settings still save (the limits are untouched).
    expect(await update('manager', 'name', 'Renamed')).toBe(1);
    // Cashiers do not pass the settings policy: no row is theirs to update.
    expect(await update('cashier', 'guest_lines_per_order', 10)).toBe(0);
    const cases: Array<[string, unknown, number, number]> = [
      ['guest_orders_per_guest', 0, 1, 50],
      ['guest_orders_per_guest', 51, 1, 50],
      ['guest_lines_per_order', 101, 1, 100],
      ['guest_open_drafts_per_table', 0, 1, 100],
      ['guest_orders_per_hour', 5001, 1, 5000],
      ['guest_requests_per_guest', 0, 1, 50],
      ['guest_requests_per_guest', null, 1, 50],
    ];
    for (const [field, value, min, max] of cases) {
      const err = await expectCode(update('owner', field, value), 'invalid_guest_limit');
      expect(JSON.parse(err.detail ?? '{}'), `${field} = ${value}`).toEqual({ field, min, max });
    }
    const [row] = await sql(
      'select guest_orders_per_guest, guest_orders_per_hour, guest_lines_per_order, name from public.restaurants where id = $1',
      [r.id],
    );
    expect(row).toEqual({
      guest_orders_per_guest: 7,
      guest_orders_per_hour: 5000,
      guest_lines_per_order: 30,
      name: 'Renamed',
    });
  });
});
