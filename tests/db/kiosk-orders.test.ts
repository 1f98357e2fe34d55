import { describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, placeOrder } from './fixtures.ts';
import { type KioskOrder, kioskPayload, pairKiosk } from './kiosk-support.ts';
import { expectCode, rpc, sql, user, uuid } from './support.ts';
import { canReceive } from './topics.ts';

/** Kiosk menu and orders (…20261203003300_kiosk_menu.sql, …20261203003400_kiosk_orders.sql). */

interface MenuJson {
  restaurant: { id: string; name: string; currency: string; currency_exponent: number; menu_version: number };
  kiosk: { id: string; mode: string; device_code: string; max_lines: number };
  categories: { id: string; name: string }[];
  items: {
    id: string;
    name: string;
    available: boolean;
    modifier_groups: { name: string; min_select: number; options: { id: string; available: boolean }[] }[];
  }[];
}

const place = (k: Awaited<ReturnType<typeof pairKiosk>>, order: Record<string, unknown>) =>
  rpc<KioskOrder>(k.actor, 'kiosk_place_order', { p_order: order });
const count = async (table: string, restaurantId: string) =>
  (
    await sql<{ n: number }>(`select count(*)::int as n from public.${table} where restaurant_id = $1`, [restaurantId])
  )[0]?.n;

describe('kiosk menu', () => {
  it('the whole menu in the customer language, sold-out items and options flagged, with the kiosk settings', async () => {
    const r = await makeRestaurant();
    await sql(
      `insert into public.menu_translations (restaurant_id, entity, entity_id, locale, name) values
         ($1, 'item', $2, 'id', 'Kentang goreng'), ($1, 'category', $3, 'id', 'Makanan')`,
      [r.id, r.fries, r.catFood],
    );
    const k = await pairKiosk(r, { mode: 'direct', max_lines: 8 });
    const menu = await rpc<MenuJson>(k.actor, 'kiosk_menu', { p_locale: 'id-ID' });
    expect(menu.restaurant).toMatchObject({ id: r.id, name: 'Test bistro', currency: 'EUR', currency_exponent: 2 });
    expect(menu.kiosk).toMatchObject({ id: k.kiosk.id, mode: 'direct', device_code: 'K', max_lines: 8 });
    expect(menu.categories.map((c) => c.name)).toEqual(['Makanan', 'Drinks']);
    const byId = Object.fromEntries(menu.items.map((i) => [i.id, i]));
    expect(byId[r.fries]?.name).toBe('Kentang goreng');
    expect(byId[r.soldOut]).toMatchObject({ name: 'Lobster', available: false });
    const extras = byId[r.burger]?.modifier_groups.find((g) => g.name === 'Extras');
    expect(extras?.options.find((o) => o.id === r.truffle)?.available).toBe(false);
    // The same menu a phone at a table gets (guest_menu), item for item.
    const guest = user(await createUser({ anonymous: true }), true);
    const atTable = await rpc<MenuJson>(guest, 'guest_menu', { p_qr_token: r.qr1, p_locale: 'id-ID' });
    expect({ categories: menu.categories, items: menu.items }).toEqual({
      categories: atTable.categories,
      items: atTable.items,
    });
    // Without a locale (or an unknown one) the restaurant's own text.
    const plain = await rpc<MenuJson>(k.actor, 'kiosk_menu', {});
    expect(plain.items.find((i) => i.id === r.fries)?.name).toBe('Fries');
    // Sold out live: the kiosk hears the menu topics, then reads the new availability.
    expect(await canReceive(k.actor, `restaurant:${r.id}:guest`)).toBe(true);
    await rpc(r.as('manager'), 'set_item_availability', { p_item_id: r.fries, p_available: false });
    const after = await rpc<MenuJson>(k.actor, 'kiosk_menu', { p_locale: 'id' });
    expect(after.items.find((i) => i.id === r.fries)?.available).toBe(false);
  });
});

describe('kiosk orders', () => {
  it('direct mode: placed at once with the day number, to the kitchen; replays answer the stored order', async () => {
    const r = await makeRestaurant();
    const k = await pairKiosk(r, { mode: 'direct' });
    const payload = kioskPayload(r, k, 1, { type: 'dine_in' });
    const order = await place(k, payload);
    expect(order).toMatchObject({
      source: 'kiosk',
      kiosk_id: k.kiosk.id,
      status: 'placed',
      number: 1,
      provisional_code: 'K-1',
      type: 'dine_in',
      total: 1950,
      awaiting_payment: false,
    });
    expect(order.lines.map((l) => l.kitchen_status)).toEqual(['queued', 'queued']);
    expect(order).not.toHaveProperty('created_by');
    const jobs = await sql<{ document: string }>(
      `select document, dedupe_key, payload -> 'order' ->> 'number' as number from public.print_jobs
       where order_id = $1 order by document`,
      [order.id],
    );
    // The kitchen's tickets, and the customer's ticket with the number on the receipt printer.
    expect(jobs.map((j) => j.document)).toEqual(['kitchen_ticket', 'kitchen_ticket', 'receipt']);
    expect(jobs[2]).toEqual({ document: 'receipt', dedupe_key: `kiosk:${order.id}:${r.receiptPrinter}`, number: '1' });
    expect(await place(k, payload)).toMatchObject({ id: order.id, number: 1 });
    await expectCode(place(k, { ...payload, note: 'changed' }), 'idempotency_conflict');
    expect(await rpc<KioskOrder>(k.actor, 'kiosk_order', { p_order_id: order.id })).toMatchObject({ id: order.id });
    expect(await count('orders', r.id)).toBe(1);
    // The staff see it as a kiosk order.
    const [staffView] = await sql<{ source: string; kiosk_id: string }>(
      'select source, kiosk_id from public.orders where id = $1',
      [order.id],
    );
    expect(staffView).toEqual({ source: 'kiosk', kiosk_id: k.kiosk.id });
    const [event] = await sql<{ actor_role: string }>(
      'select actor_role from public.order_events where order_id = $1',
      [order.id],
    );
    expect(event?.actor_role).toBe('kiosk');
  });

  it('pay at the counter: a draft awaiting payment until the cashier takes the payment, which sends it to the kitchen', async () => {
    const r = await makeRestaurant();
    const k = await pairKiosk(r);
    const draft = await place(k, kioskPayload(r, k, 7));
    expect(draft).toMatchObject({ status: 'draft', number: null, provisional_code: 'K-7', awaiting_payment: true });
    expect(draft.lines.map((l) => l.kitchen_status)).toEqual(['pending', 'pending']);
    // Nothing for the kitchen yet; the customer's ticket carries the provisional code.
    expect(
      await sql(
        `select document, payload -> 'order' ->> 'provisional_code' as code from public.print_jobs where order_id = $1`,
        [draft.id],
      ),
    ).toEqual([{ document: 'receipt', code: 'K-7' }]);
    // The POS sees it among the kiosk drafts.
    const waiting = await sql<{ id: string }>(
      `select id from public.orders where restaurant_id = $1 and source = 'kiosk' and status = 'draft'`,
      [r.id],
    );
    expect(waiting.map((o) => o.id)).toEqual([draft.id]);

    const payment = await rpc<{ amount: number }>(r.as('cashier'), 'record_payment', {
      p_payment_id: uuid(),
      p_order_id: draft.id,
      p_method: 'card',
      p_amount: 1950,
    });
    expect(Number(payment.amount)).toBe(1950);
    const paid = await rpc<KioskOrder>(k.actor, 'kiosk_order', { p_order_id: draft.id });
    expect(paid).toMatchObject({
      status: 'placed',
      number: 1,
      provisional_code: 'K-7',
      paid: 1950,
      awaiting_payment: false,
    });
    expect(paid.lines.map((l) => l.kitchen_status)).toEqual(['queued', 'queued']);
    const jobs = await sql<{ document: string }>('select document from public.print_jobs where order_id = $1', [
      draft.id,
    ]);
    expect(jobs.filter((j) => j.document === 'kitchen_ticket')).toHaveLength(2);
    // The kiosk ticket once, and the paid receipt (the fixture restaurant prints receipts when paid).
    expect(jobs.filter((j) => j.document === 'receipt')).toHaveLength(2);
    const events = await sql<{ from_status: string; to_status: string; actor_role: string }>(
      `select from_status, to_status, actor_role from public.order_events where order_id = $1 order by at, to_status`,
      [draft.id],
    );
    expect(events).toEqual([
      { from_status: null, to_status: 'draft', actor_role: 'kiosk' },
      { from_status: 'draft', to_status: 'placed', actor_role: 'cashier' },
    ]);

    // Or the cashier accepts it, or rejects an abandoned one.
    const second = await place(k, kioskPayload(r, k, 8));
    const accepted = await rpc<KioskOrder>(r.as('cashier'), 'transition_order', {
      p_order_id: second.id,
      p_to: 'placed',
      p_expected_version: second.version,
    });
    expect(accepted).toMatchObject({ status: 'placed', number: 2 });
    const third = await place(k, kioskPayload(r, k, 9));
    await rpc(r.as('waiter'), 'transition_order', {
      p_order_id: third.id,
      p_to: 'rejected',
      p_expected_version: third.version,
      p_reason: 'Customer left',
    });
    expect(await rpc<KioskOrder>(k.actor, 'kiosk_order', { p_order_id: third.id })).toMatchObject({
      status: 'rejected',
    });
  });

  it('a QR draft is still not payable: only kiosk drafts are placed by a payment', async () => {
    const r = await makeRestaurant();
    const guestOrder = uuid();
    const guest = user(await createUser({ anonymous: true }), true);
    await rpc(guest, 'guest_place_order', {
      p_qr_token: r.qr1,
      p_order: { id: guestOrder, lines: [{ item_id: r.soda, qty: 1 }] },
    });
    await expectCode(
      rpc(r.as('cashier'), 'record_payment', {
        p_payment_id: uuid(),
        p_order_id: guestOrder,
        p_method: 'card',
        p_amount: 300,
      }),
      'order_not_payable',
    );
  });

  it('offline: orders queued with provisional codes arrive once each, in any order, and get numbers', async () => {
    const r = await makeRestaurant();
    const k = await pairKiosk(r, { mode: 'direct' });
    const earlier = new Date(Date.now() - 20 * 60_000).toISOString();
    const queued = [1, 2, 3].map((n) => kioskPayload(r, k, n, { ordered_at: earlier }));
    // Sent, the answer lost, sent again after a reload: each id once.
    for (const p of [queued[2], queued[0], queued[2], queued[1], queued[0]])
      await place(k, p as Record<string, unknown>);
    const rows = await sql<{ provisional_code: string; number: number }>(
      `select provisional_code, number from public.orders where restaurant_id = $1 order by number`,
      [r.id],
    );
    expect(rows).toEqual([
      { provisional_code: 'K-3', number: 1 },
      { provisional_code: 'K-1', number: 2 },
      { provisional_code: 'K-2', number: 3 },
    ]);
  });

  it('limits and tampering: too many lines or items, prices, status, table, foreign codes → refused, nothing written', async () => {
    const r = await makeRestaurant();
    const k = await pairKiosk(r, { max_lines: 3, max_items: 6 });
    const line = { item_id: r.soda, qty: 1 };
    const bad: [Record<string, unknown>, string][] = [
      [kioskPayload(r, k, 1, { lines: Array.from({ length: 200 }, () => line) }), 'too_many_lines'],
      [kioskPayload(r, k, 1, { lines: Array.from({ length: 4 }, () => line) }), 'too_many_lines'],
      [
        kioskPayload(r, k, 1, {
          lines: [
            { item_id: r.soda, qty: 4 },
            { item_id: r.fries, qty: 3 },
          ],
        }),
        'too_many_items',
      ],
      [kioskPayload(r, k, 1, { lines: [{ item_id: r.soda, qty: 100 }] }), 'too_many_items'],
      [kioskPayload(r, k, 1, { lines: [{ item_id: r.soda, qty: 0 }] }), 'qty_out_of_range'],
      [kioskPayload(r, k, 1, { lines: [{ item_id: r.soda, qty: 1, unit_price: 1 }] }), 'unknown_field'],
      [kioskPayload(r, k, 1, { lines: [{ item_id: r.soldOut, qty: 1 }] }), 'item_unavailable'],
      [kioskPayload(r, k, 1, { total: 1 }), 'unknown_field'],
      [kioskPayload(r, k, 1, { status: 'placed' }), 'unknown_field'],
      [kioskPayload(r, k, 1, { table_id: r.table1 }), 'unknown_field'],
      [kioskPayload(r, k, 1, { restaurant_id: r.id }), 'unknown_field'],
      [kioskPayload(r, k, 1, { kiosk_id: k.kiosk.id }), 'unknown_field'],
      [kioskPayload(r, k, 1, { provisional_code: undefined }), 'invalid_provisional_code'],
      [kioskPayload(r, k, 1, { provisional_code: 'A-1' }), 'invalid_provisional_code'],
      [kioskPayload(r, k, 1, { provisional_code: 'KA-1' }), 'invalid_provisional_code'],
      [kioskPayload(r, k, 1, { type: 'delivery' }), 'invalid_order_type'],
      [kioskPayload(r, k, 1, { id: 'not-a-uuid' }), 'invalid_order_id'],
      [kioskPayload(r, k, 1, { lines: [] }), 'empty_order'],
    ];
    for (const [payload, code] of bad) {
      const sent = JSON.parse(JSON.stringify(payload));
      await expectCode(place(k, sent), code);
    }
    // A JSON list, not an object (sent as text: the driver would turn a JS array into a Postgres array).
    await expectCode(rpc(k.actor, 'kiosk_place_order', { p_order: '[]' }), 'invalid_payload');
    expect(await count('orders', r.id)).toBe(0);

    // A replay after the limits were lowered still answers the stored order.
    const big = kioskPayload(r, k, 2, { lines: [{ item_id: r.soda, qty: 5 }] });
    const stored = await place(k, big);
    await rpc(r.as('owner'), 'update_kiosk', { p_kiosk_id: k.kiosk.id, p_settings: { max_items: 1, mode: 'direct' } });
    expect(await place(k, big)).toMatchObject({ id: stored.id, status: 'draft' });
  });

  it("a kiosk reads only its own orders; another kiosk's order id is answered like a made-up one", async () => {
    const r = await makeRestaurant();
    const k1 = await pairKiosk(r, { mode: 'direct' });
    const k2 = await pairKiosk(r, { mode: 'direct' });
    const payload = kioskPayload(r, k1, 1);
    const mine = await place(k1, payload);
    await expectCode(rpc(k2.actor, 'kiosk_order', { p_order_id: mine.id }), 'order_not_found');
    await expectCode(rpc(k2.actor, 'kiosk_order', { p_order_id: uuid() }), 'order_not_found');
    // The same id (even the same body) from the other kiosk is a conflict, never the first kiosk's order.
    await expectCode(place(k2, { ...payload, provisional_code: 'KA-1' }), 'idempotency_conflict');
    // Nor a till's order.
    const till = await placeOrder(r);
    await expectCode(rpc(k1.actor, 'kiosk_order', { p_order_id: till.id }), 'order_not_found');
    await expectCode(place(k1, kioskPayload(r, k1, 2, { id: till.id })), 'idempotency_conflict');
    expect(await canReceive(k1.actor, `order:${mine.id}`)).toBe(true);
    expect(await canReceive(k2.actor, `order:${mine.id}`)).toBe(false);
    expect(await canReceive(k1.actor, `order:${till.id}`)).toBe(false);
    // Staff kiosk functions refuse staff.
    await expectCode(rpc(r.as('owner'), 'kiosk_order', { p_order_id: mine.id }), 'kiosk_not_paired', '42501');
    await expectCode(place({ ...k1, actor: r.as('cashier') }, kioskPayload(r, k1, 3)), 'kiosk_not_paired', '42501');
  });
});
