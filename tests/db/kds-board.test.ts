import { describe, expect, it } from 'vitest';
import { advance, createUser, makeRestaurant, orderPayload, placeOrder } from './fixtures.ts';
import { anon, expectCode, rpc, service, sql, tx, user, uuid } from './support.ts';

/**
 * Kitchen display thresholds (…20261201001400_kds_settings.sql) and the order-ready board
 * (…20261201001500_order_board.sql).
 */

describe('kitchen display thresholds', () => {
  const update = (
    actor: ReturnType<Awaited<ReturnType<typeof makeRestaurant>>['as']>,
    id: string,
    warn: unknown,
    late: unknown,
  ) =>
    tx(
      actor,
      async (c) =>
        (
          await c.query(
            'update public.restaurants set kds_warn_minutes = $2, kds_late_minutes = $3 where id = $1 returning kds_warn_minutes, kds_late_minutes',
            [id, warn, late],
          )
        ).rows,
    );

  it('default to 5 and 10 minutes; owners and managers change them', async () => {
    const r = await makeRestaurant();
    const [row] = await sql('select kds_warn_minutes, kds_late_minutes from public.restaurants where id = $1', [r.id]);
    expect(row).toEqual({ kds_warn_minutes: 5, kds_late_minutes: 10 });
    expect(await update(r.as('manager'), r.id, 3, 8)).toEqual([{ kds_warn_minutes: 3, kds_late_minutes: 8 }]);
    expect(await update(r.as('owner'), r.id, 7, 240)).toEqual([{ kds_warn_minutes: 7, kds_late_minutes: 240 }]);
    // RLS: other roles update no row.
    expect(await update(r.as('kitchen'), r.id, 1, 2)).toEqual([]);
    expect(await update(r.as('cashier'), r.id, 1, 2)).toEqual([]);
  });

  it('1 to 240 minutes, the warning before late, else invalid_kds_thresholds', async () => {
    const r = await makeRestaurant();
    for (const [warn, late] of [
      [0, 10],
      [5, 241],
      [10, 10],
      [12, 10],
      [null, 10],
      [-1, 5],
    ]) {
      await expectCode(update(r.as('owner'), r.id, warn, late), 'invalid_kds_thresholds');
    }
    const [row] = await sql('select kds_warn_minutes, kds_late_minutes from public.restaurants where id = $1', [r.id]);
    expect(row).toEqual({ kds_warn_minutes: 5, kds_late_minutes: 10 });
  });
});

const tokenOf = async (id: string) =>
  (await sql<{ t: string }>('select board_token as t from public.restaurants where id = $1', [id]))[0]?.t ?? '';

describe('order-ready board', () => {
  it("shows today's numbers only, preparing (placed too) and ready, nothing else", async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    const placed = await placeOrder(r);
    const preparing = await advance(r, await placeOrder(r), 'preparing');
    const ready = await advance(r, await placeOrder(r), 'preparing', 'ready');
    await advance(r, await placeOrder(r), 'preparing', 'ready', 'completed');
    await advance(r, await placeOrder(r), 'cancelled');
    const guest = user(await createUser({ anonymous: true }), true);
    await rpc(guest, 'guest_place_order', {
      p_qr_token: r.qr1,
      p_order: { id: uuid(), lines: [{ item_id: r.fries, qty: 1 }] },
    });
    // Yesterday's order still cooking: not today's number, not on the board.
    const late = await placeOrder(r, orderPayload(r));
    await sql('update public.orders set business_date = business_date - 1, number = 1000 where id = $1', [late.id]);

    const board = await rpc(anon, 'board_orders', { p_token: await tokenOf(r.id) });
    expect(board).toEqual({
      restaurant_name: 'Test bistro',
      preparing: [placed.number, preparing.number],
      ready: [ready.number],
    });
  });

  it('anyone holding the token may read it, signed in or not; a bad token is board_not_found', async () => {
    const r = await makeRestaurant();
    const token = await tokenOf(r.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const guest = user(await createUser({ anonymous: true }), true);
    for (const actor of [anon, guest, r.as('kitchen'), service]) {
      expect(await rpc(actor, 'board_orders', { p_token: token })).toMatchObject({ preparing: [], ready: [] });
    }
    for (const bad of ['', 'nope', token.slice(0, -1), null]) {
      await expectCode(rpc(anon, 'board_orders', { p_token: bad }), 'board_not_found');
    }
    // Another restaurant's token shows that restaurant, never this one.
    const other = await makeRestaurant();
    await placeOrder(r);
    expect(await rpc(anon, 'board_orders', { p_token: await tokenOf(other.id) })).toMatchObject({ preparing: [] });
  });

  it('owners and managers rotate the token; the old address stops working', async () => {
    const r = await makeRestaurant();
    const outsider = (await makeRestaurant()).as('owner');
    const old = await tokenOf(r.id);
    for (const role of ['cashier', 'kitchen', 'waiter', 'print_bridge'] as const) {
      await expectCode(rpc(r.as(role), 'rotate_board_token', { p_restaurant_id: r.id }), 'forbidden', '42501');
    }
    await expectCode(rpc(outsider, 'rotate_board_token', { p_restaurant_id: r.id }), 'forbidden', '42501');
    await expectCode(
      rpc(anon, 'rotate_board_token', { p_restaurant_id: r.id }),
      'permission denied for function rotate_board_token',
      '42501',
    );
    const rotated = await rpc<{ board_token: string }>(r.as('manager'), 'rotate_board_token', {
      p_restaurant_id: r.id,
    });
    expect(rotated.board_token).not.toBe(old);
    expect(await tokenOf(r.id)).toBe(rotated.board_token);
    await expectCode(rpc(anon, 'board_orders', { p_token: old }), 'board_not_found');
    expect(await rpc(anon, 'board_orders', { p_token: rotated.board_token })).toMatchObject({ ready: [] });
  });

  it('staff cannot set the token themselves', async () => {
    const r = await makeRestaurant();
    await expectCode(
      tx(r.as('owner'), (c) =>
        c.query(`update public.restaurants set board_token = 'guessable' where id = $1`, [r.id]),
      ),
      'permission denied for table restaurants',
      '42501',
    );
  });
});
