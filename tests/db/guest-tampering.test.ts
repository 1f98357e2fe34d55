import { beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, type OrderJson, type Restaurant } from './fixtures.ts';
import { guestFootprint, guestOrder, guestPayload, newGuest } from './guest-support.ts';
import { type Actor, expectCode, rpc, sql, tx, uuid } from './support.ts';

/**
 * What a guest's phone sends is untrusted (issue 13, "Bad input"): prices, totals, table, restaurant
 * and status in the body are refused, tokens are checked, and a guest reaches only their own orders.
 * Every refusal writes nothing.
 */

let r: Restaurant;
let other: Restaurant;
let guest: Actor;

beforeAll(async () => {
  r = await makeRestaurant({ guestOrdering: 'auto_accept' });
  other = await makeRestaurant();
  guest = await newGuest();
});

const line = (over: Record<string, unknown> = {}) => ({ item_id: r.burger, qty: 1, modifiers: [r.medium], ...over });

// Built lazily: the fixture ids exist once beforeAll has run.
const CASES: Array<[string, () => Record<string, unknown>, string]> = [
  ['a total in the body', () => guestPayload(r, { total: 1 }), 'unknown_field'],
  ['a subtotal in the body', () => guestPayload(r, { subtotal: 1 }), 'unknown_field'],
  ['a status in the body', () => guestPayload(r, { status: 'placed' }), 'unknown_field'],
  ['a table in the body', () => guestPayload(r, { table_id: r.table2 }), 'unknown_field'],
  ['a restaurant in the body', () => guestPayload(r, { restaurant_id: other.id }), 'unknown_field'],
  ['a source in the body', () => guestPayload(r, { source: 'pos' }), 'unknown_field'],
  ['a number in the body', () => guestPayload(r, { number: 1 }), 'unknown_field'],
  ['a type in the body', () => guestPayload(r, { type: 'takeaway' }), 'unknown_field'],
  ['a price on a line', () => guestPayload(r, { lines: [line({ unit_price: 1 })] }), 'unknown_field'],
  ['a price field on a line', () => guestPayload(r, { lines: [line({ price: 1 })] }), 'unknown_field'],
  ['a line total', () => guestPayload(r, { lines: [line({ line_total: 1 })] }), 'unknown_field'],
  ['a name on a line', () => guestPayload(r, { lines: [line({ name: 'Free burger' })] }), 'unknown_field'],
  ['another restaurant’s item', () => guestPayload(r, { lines: [{ item_id: other.fries, qty: 1 }] }), 'item_not_found'],
  ['a sold-out item', () => guestPayload(r, { lines: [{ item_id: r.soldOut, qty: 1 }] }), 'item_unavailable'],
  [
    'a modifier of another item',
    () => guestPayload(r, { lines: [{ item_id: r.fries, qty: 1, modifiers: [r.cheese] }] }),
    'modifier_not_allowed',
  ],
  [
    'another restaurant’s option',
    () => guestPayload(r, { lines: [line({ modifiers: [r.medium, other.cheese] })] }),
    'modifier_not_allowed',
  ],
  [
    'a sold-out option',
    () => guestPayload(r, { lines: [line({ modifiers: [r.medium, r.truffle] })] }),
    'modifier_unavailable',
  ],
  ['a required group left out', () => guestPayload(r, { lines: [line({ modifiers: [] })] }), 'modifier_min_not_met'],
  ['quantity 0', () => guestPayload(r, { lines: [line({ qty: 0 })] }), 'qty_out_of_range'],
  ['a negative quantity', () => guestPayload(r, { lines: [line({ qty: -3 })] }), 'qty_out_of_range'],
  ['a huge quantity', () => guestPayload(r, { lines: [line({ qty: 1e9 })] }), 'qty_out_of_range'],
  ['a fractional quantity', () => guestPayload(r, { lines: [line({ qty: 1.5 })] }), 'qty_out_of_range'],
  [
    '200 lines',
    () => guestPayload(r, { lines: Array.from({ length: 200 }, () => ({ item_id: r.soda, qty: 1 })) }),
    'too_many_lines',
  ],
  ['no lines', () => guestPayload(r, { lines: [] }), 'empty_order'],
  ['a 5,000-character note', () => guestPayload(r, { note: 'x'.repeat(5000) }), 'note_too_long'],
  [
    'a 5,000-character line note',
    () => guestPayload(r, { lines: [line({ note: 'x'.repeat(5000) })] }),
    'note_too_long',
  ],
  ['a made-up order id', () => guestPayload(r, { id: 'not-a-uuid' }), 'invalid_order_id'],
];

describe('guest_place_order refuses tampered payloads and writes nothing', () => {
  for (const [name, payload, code] of CASES) {
    it(name, async () => {
      const before = await guestFootprint(r.id);
      const err = await expectCode(guestOrder(guest, r.qr1, payload()), code);
      expect(err.hint).toBeTruthy();
      expect(await guestFootprint(r.id)).toEqual(before);
    });
  }
});

describe('prices and text come from the database', () => {
  it('the stored order has the menu’s prices and the note as the guest typed it, HTML and all', async () => {
    const note = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"';
    const placed = await guestOrder(
      guest,
      r.qr1,
      guestPayload(r, { note, lines: [line({ note, qty: 2, modifiers: [r.medium, r.cheese] })] }),
    );
    const menu = await rpc<{ items: Array<{ id: string; price: number }> }>(guest, 'guest_menu', { p_qr_token: r.qr1 });
    const burgerPrice = menu.items.find((i) => i.id === r.burger)?.price ?? 0;
    expect(placed).toMatchObject({ status: 'placed', note, source: 'qr', table_id: r.table1 });
    const [stored] = placed.lines as unknown as Array<{ unit_price: number; line_total: number; note: string }>;
    // Cheese costs 100 on the fixture menu.
    expect(stored).toMatchObject({ unit_price: burgerPrice + 100, line_total: (burgerPrice + 100) * 2, note });
  });
});

describe('tokens', () => {
  it('forged, shortened, other-case, rotated and inactive tokens → table_not_found, nothing written', async () => {
    const rest = await makeRestaurant();
    const g = await newGuest();
    const before = await guestFootprint(rest.id);
    const forged = [
      'x'.repeat(24),
      rest.qr1.slice(0, -1),
      `${rest.qr1} `,
      rest.qr1.toUpperCase() === rest.qr1 ? rest.qr1.toLowerCase() : rest.qr1.toUpperCase(),
      '',
      "' or 1=1 --",
    ];
    for (const token of forged) {
      await expectCode(guestOrder(g, token, guestPayload(rest)), 'table_not_found');
      await expectCode(
        rpc(g, 'guest_request_service', { p_qr_token: token, p_request: { id: uuid(), kind: 'bill' } }),
        'table_not_found',
      );
    }
    await rpc(rest.as('owner'), 'rotate_table_token', { p_table_id: rest.table1 });
    await sql('update public.dining_tables set active = false where id = $1', [rest.table2]);
    const afterRotation = await guestFootprint(rest.id);
    for (const token of [rest.qr1, rest.qr2]) {
      await expectCode(guestOrder(g, token, guestPayload(rest)), 'table_not_found');
      await expectCode(rpc(g, 'guest_visit', { p_qr_token: token }), 'table_not_found');
    }
    expect(await guestFootprint(rest.id)).toEqual(afterRotation);
    expect(afterRotation).toMatchObject({ orders: before?.orders, requests: before?.requests });
  });

  it('another restaurant’s token orders from that restaurant only: this menu’s items are unknown there', async () => {
    await expectCode(guestOrder(guest, other.qr1, guestPayload(r)), 'item_not_found');
  });
});

describe('a guest reaches only their own orders', () => {
  let mine: OrderJson;
  let theirs: OrderJson;
  let stranger: Actor;

  beforeAll(async () => {
    stranger = await newGuest();
    const rest = await makeRestaurant();
    mine = await guestOrder(guest, rest.qr1, guestPayload(rest));
    theirs = await guestOrder(stranger, rest.qr2, guestPayload(rest));
  });

  it('guest_order: another guest’s order and a made-up id look alike', async () => {
    expect((await rpc<OrderJson>(guest, 'guest_order', { p_order_id: mine.id })).id).toBe(mine.id);
    const a = await expectCode(rpc(guest, 'guest_order', { p_order_id: theirs.id }), 'order_not_found');
    const b = await expectCode(rpc(guest, 'guest_order', { p_order_id: uuid() }), 'order_not_found');
    expect(a.hint).toBe(b.hint);
  });

  it('no table is readable directly: orders, lines, requests, visits, translations', async () => {
    for (const table of [
      'orders',
      'order_lines',
      'service_requests',
      'guest_visits',
      'menu_translations',
      'menu_items',
    ]) {
      const n = await tx(guest, async (c) => {
        try {
          return (await c.query(`select count(*)::int as n from public.${table}`)).rows[0]?.n;
        } catch (e) {
          return (e as { code?: string }).code;
        }
      });
      expect([table, n]).toEqual([table, 0]);
    }
  });
});
