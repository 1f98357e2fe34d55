import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, type Restaurant } from './fixtures.ts';
import { failure, rpc, sql, tx, user, uuid } from './support.ts';

let r: Restaurant;
let other: Restaurant;
const MALFORMED = '{"id": "x", "lines": [';

beforeAll(async () => {
  r = await makeRestaurant();
  other = await makeRestaurant();
});

/** Everything place_order could have written for the restaurant. */
async function footprint(restaurantId: string) {
  const [row] = await sql(
    `select (select count(*) from public.orders where restaurant_id = $1)::int as orders,
            (select count(*) from public.order_lines where restaurant_id = $1)::int as lines,
            (select count(*) from public.order_events where restaurant_id = $1)::int as events,
            (select count(*) from public.order_counters where restaurant_id = $1)::int as counters,
            (select count(*) from public.print_jobs where restaurant_id = $1)::int as print_jobs,
            (select count(*) from realtime.messages where topic like 'restaurant:' || $1 || ':%')::int as broadcasts`,
    [restaurantId],
  );
  return row;
}

const burger = () => ({ item_id: r.burger, qty: 1, modifiers: [r.medium] });
const order = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  restaurant_id: r.id,
  type: 'takeaway',
  lines: [burger()],
  ...over,
});
const line = (over: Record<string, unknown>) => order({ lines: [{ ...burger(), ...over }] });

// Payloads are built lazily: the fixture ids exist only once beforeAll has run.
const CASES: Array<[string, () => unknown, string, string?]> = [
  ['an item of another restaurant', () => line({ item_id: other.burger, modifiers: [] }), 'item_not_found'],
  ['an unknown item id', () => line({ item_id: uuid(), modifiers: [] }), 'item_not_found'],
  ['an item id that is not a UUID', () => line({ item_id: 'burger' }), 'invalid_item_id'],
  ['an unavailable item', () => line({ item_id: r.soldOut, modifiers: [] }), 'item_unavailable'],
  ['a modifier of another item', () => line({ item_id: r.soda, modifiers: [r.cheese] }), 'modifier_not_allowed'],
  ['a modifier of another restaurant', () => line({ modifiers: [r.medium, other.cheese] }), 'modifier_not_allowed'],
  ['an unavailable modifier', () => line({ modifiers: [r.medium, r.truffle] }), 'modifier_unavailable'],
  ['a required group left empty (min 1)', () => line({ modifiers: [] }), 'modifier_min_not_met'],
  ['two choices in a pick-one group (max 1)', () => line({ modifiers: [r.rare, r.medium] }), 'modifier_max_exceeded'],
  [
    'three extras where two are allowed',
    () => line({ modifiers: [r.medium, r.cheese, r.bacon, r.egg] }),
    'modifier_max_exceeded',
  ],
  ['the same option twice', () => line({ modifiers: [r.medium, r.medium] }), 'duplicate_modifier'],
  ['modifiers that are not a list', () => line({ modifiers: 'cheese' }), 'invalid_modifiers'],
  ['qty 0', () => line({ qty: 0 }), 'qty_out_of_range'],
  ['qty -1', () => line({ qty: -1 }), 'qty_out_of_range'],
  ['qty 10^9', () => line({ qty: 1e9 }), 'qty_out_of_range'],
  ['qty 1.5', () => line({ qty: 1.5 }), 'qty_out_of_range'],
  ['qty as text', () => line({ qty: '2' }), 'invalid_qty'],
  ['qty missing', () => order({ lines: [{ item_id: r.soda }] }), 'invalid_qty'],
  [
    '1,000 lines',
    () => order({ lines: Array.from({ length: 1000 }, () => ({ item_id: r.soda, qty: 1 })) }),
    'too_many_lines',
  ],
  ['no lines', () => order({ lines: [] }), 'empty_order'],
  ['lines that are not a list', () => order({ lines: 'burger' }), 'invalid_lines'],
  ['a line that is not an object', () => order({ lines: [42] }), 'invalid_line'],
  ['a 1 MB note', () => order({ note: 'x'.repeat(1_000_000) }), 'note_too_long'],
  ['a 1 MB line note', () => line({ note: 'x'.repeat(1_000_000) }), 'note_too_long'],
  ['a note that is not text', () => order({ note: { text: 'hi' } }), 'invalid_note'],
  ['an unknown order type', () => order({ type: 'delivery' }), 'invalid_order_type'],
  ['no order type', () => ({ id: uuid(), restaurant_id: r.id, lines: [] }), 'invalid_order_type'],
  ['an id that is not a UUID', () => order({ id: 42 }), 'invalid_order_id'],
  ['no restaurant', () => ({ id: uuid(), type: 'takeaway', lines: [] }), 'invalid_restaurant_id'],
  ['another restaurant', () => order({ restaurant_id: other.id }), 'forbidden', '42501'],
  ["another restaurant's table", () => order({ type: 'dine_in', table_id: other.table1 }), 'table_not_found'],
  ['a made-up table', () => order({ type: 'dine_in', table_id: uuid() }), 'table_not_found'],
  ['an unknown field', () => order({ discount: 100 }), 'unknown_field'],
  ['an unknown line field', () => line({ price: 1 }), 'unknown_field'],
  ['an array instead of an object', () => [burger()], 'invalid_payload'],
  ['a string instead of an object', () => 'order', 'invalid_payload'],
  ['null', () => null, 'invalid_payload'],
];

describe('place_order refuses bad input with a stable code and writes nothing', () => {
  for (const [name, payload, code, sqlstate = 'P0001'] of CASES) {
    it(`${name} → ${code}`, async () => {
      const before = await footprint(r.id);
      const err = await failure(rpc(r.as('cashier'), 'place_order', { p_order: JSON.stringify(payload()) }));
      expect({ code: err.code, message: err.message }).toEqual({ code: sqlstate, message: code });
      expect(err.hint, 'every error carries a human hint').toBeTruthy();
      expect(await footprint(r.id)).toEqual(before);
    });
  }

  it('malformed JSON is refused by the jsonb parser (22P02) before anything runs', async () => {
    const before = await footprint(r.id);
    const err = await failure(
      tx(r.as('cashier'), (c) => c.query('select public.place_order($1::text::jsonb)', [MALFORMED])),
    );
    expect(err.code).toBe('22P02');
    expect(await footprint(r.id)).toEqual(before);
  });

  it('wrong argument types are refused by Postgres (22P02) and write nothing', async () => {
    const before = await footprint(r.id);
    const err = await failure(
      tx(r.as('cashier'), (c) => c.query(`select public.transition_order($1, 'placed', $2)`, ['not-a-uuid', 1])),
    );
    expect(err.code).toBe('22P02');
    expect(await footprint(r.id)).toEqual(before);
  });
});

describe('guest ordering refuses bad input', () => {
  it('an unknown or rotated QR token → table_not_found', async () => {
    const guest = user(await createUser({ anonymous: true }), true);
    const payload = { id: uuid(), lines: [{ item_id: r.soda, qty: 1 }] };
    const err = await failure(rpc(guest, 'guest_place_order', { p_qr_token: 'nope', p_order: payload }));
    expect(err.message).toBe('table_not_found');
    const [t] = await sql<{ qr_token: string }>('select qr_token from public.dining_tables where id = $1', [r.table2]);
    await rpc(r.as('manager'), 'rotate_table_token', { p_table_id: r.table2 });
    const stale = await failure(rpc(guest, 'guest_place_order', { p_qr_token: t?.qr_token, p_order: payload }));
    expect(stale.message).toBe('table_not_found');
  });

  it('guests cannot pick the restaurant, table or type, and restaurants may switch guest ordering off', async () => {
    const guest = user(await createUser({ anonymous: true }), true);
    const err = await failure(
      rpc(guest, 'guest_place_order', {
        p_qr_token: r.qr1,
        p_order: { id: uuid(), restaurant_id: other.id, lines: [{ item_id: r.soda, qty: 1 }] },
      }),
    );
    expect(err.message).toBe('unknown_field');
    const off = await makeRestaurant({ guestOrdering: 'off' });
    const disabled = await failure(
      rpc(guest, 'guest_place_order', {
        p_qr_token: off.qr1,
        p_order: { id: uuid(), lines: [{ item_id: off.soda, qty: 1 }] },
      }),
    );
    expect(disabled.message).toBe('guest_ordering_disabled');
  });

  it('replaying an order id with a different payload → idempotency_conflict', async () => {
    const payload = { id: uuid(), restaurant_id: r.id, type: 'takeaway', lines: [{ item_id: r.soda, qty: 1 }] };
    await rpc(r.as('cashier'), 'place_order', { p_order: payload });
    const before = await footprint(r.id);
    const err = await failure(
      rpc(r.as('cashier'), 'place_order', { p_order: { ...payload, lines: [{ item_id: r.soda, qty: 2 }] } }),
    );
    expect(err.message).toBe('idempotency_conflict');
    expect(await footprint(r.id)).toEqual(before);
  });
});
