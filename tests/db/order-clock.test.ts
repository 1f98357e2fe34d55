import { describe, expect, it } from 'vitest';
import { makeRestaurant, type OrderJson, orderPayload, placeOrder, type Restaurant } from './fixtures.ts';
import { expectCode, sql } from './support.ts';

/**
 * Orders taken offline (…20261201001000_order_clock_and_price_history.sql): the business date and
 * number come from the device's ordered_at, and the prices from the menu version the cart was priced
 * from, flagged for review when they differ from today's.
 */

interface ClockOrder extends OrderJson {
  ordered_at: string;
  placed_at: string;
  menu_version: number | null;
  price_override: boolean;
  provisional_code: string | null;
  lines: Array<
    OrderJson['lines'][number] & { ordered_at: string; round: number; modifiers: Array<{ price_delta: number }> }
  >;
}

/**
 * A fixed-offset zone where it is about noon now, so "23:50 yesterday" is 12 to 13 hours ago
 * whatever the hour the suite runs at (well inside the 24-hour bound), and today 00:10 is past.
 */
function noonZone(): string {
  const k = 12 - new Date().getUTCHours(); // local = UTC + k
  return k === 0 ? 'Etc/GMT' : k > 0 ? `Etc/GMT-${k}` : `Etc/GMT+${-k}`;
}

/** An instant given as local wall-clock time in the restaurant's zone, `days` from today. */
async function localInstant(r: Restaurant, days: number, time: string): Promise<string> {
  const [row] = await sql<{ at: Date }>(
    `select ((date_trunc('day', now() at time zone r.timezone) + make_interval(days => $2) + $3::time)
       at time zone r.timezone) as at from public.restaurants r where r.id = $1`,
    [r.id, days, time],
  );
  if (!row) throw new Error('no such restaurant');
  return row.at.toISOString();
}

const place = (r: Restaurant, extra: Record<string, unknown>) =>
  placeOrder(r, orderPayload(r, { lines: [{ item_id: r.soda, qty: 1 }], ...extra })) as Promise<ClockOrder>;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

describe('ordered_at', () => {
  it('an order taken at 23:50 yesterday and synced now belongs to yesterday and takes its next number', async () => {
    const r = await makeRestaurant({ timezone: noonZone(), cutoffHour: 4 });
    const [dates] = await sql<{ today: Date; yesterday: Date }>(
      `select private.business_date($1, now()) as today, private.business_date($1, now()) - 1 as yesterday`,
      [r.id],
    );
    if (!dates) throw new Error('no business date');
    const today = isoDate(dates.today);
    const yesterday = isoDate(dates.yesterday);

    const earlier = await place(r, { ordered_at: await localInstant(r, -1, '22:00') });
    const now = await place(r, {});
    const late = await place(r, { ordered_at: await localInstant(r, -1, '23:50') });
    // Before the 04:00 cut-off: still yesterday's business day.
    const afterMidnight = await place(r, { ordered_at: await localInstant(r, 0, '00:10') });

    expect([earlier, late, afterMidnight].map((o) => [o.business_date, o.number])).toEqual([
      [yesterday, 1],
      [yesterday, 2],
      [yesterday, 3],
    ]);
    expect([now.business_date, now.number]).toEqual([today, 1]);
    expect(new Date(late.ordered_at).toISOString()).toBe(await localInstant(r, -1, '23:50'));
    // placed_at stays the server's time of placement.
    expect(Date.now() - new Date(late.placed_at).getTime()).toBeLessThan(60_000);
    expect(late.lines.every((l) => l.ordered_at === late.ordered_at && l.round === 1)).toBe(true);
    const counters = await sql<{ business_date: Date; last_number: number }>(
      'select business_date, last_number from public.order_counters where restaurant_id = $1 order by 1',
      [r.id],
    );
    expect(counters.map((c) => [isoDate(c.business_date), c.last_number])).toEqual([
      [yesterday, 3],
      [today, 1],
    ]);
  });

  it('absent, the order is taken now', async () => {
    const r = await makeRestaurant();
    const order = await place(r, {});
    expect(Math.abs(Date.now() - new Date(order.ordered_at).getTime())).toBeLessThan(60_000);
    expect(order.price_override).toBe(false);
    expect(order.provisional_code).toBeNull();
  });

  it('a small clock skew is accepted; ahead by more than 5 minutes or older than 24 hours is refused', async () => {
    const r = await makeRestaurant();
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    expect((await place(r, { ordered_at: inMinutes(2) })).number).toBe(1);
    expect((await place(r, { ordered_at: inMinutes(-23 * 60) })).id).toBeTruthy();
    await expectCode(place(r, { ordered_at: inMinutes(10) }), 'ordered_at_in_future');
    await expectCode(place(r, { ordered_at: inMinutes(-25 * 60) }), 'ordered_at_too_old');
    await expectCode(place(r, { ordered_at: 'yesterday at noon' }), 'invalid_ordered_at');
    await expectCode(place(r, { ordered_at: 1_700_000_000 }), 'invalid_ordered_at');
    const [row] = await sql<{ n: number; last: number }>(
      `select (select count(*) from public.orders where restaurant_id = $1)::int as n,
              (select sum(last_number) from public.order_counters where restaurant_id = $1)::int as last`,
      [r.id],
    );
    // The 23-hour-old order may belong to yesterday: counted over both days, refusals spent no number.
    expect(row).toEqual({ n: 2, last: 2 });
  });

  it('a replay answers the stored order even once ordered_at is too old to place', async () => {
    const r = await makeRestaurant();
    const payload = orderPayload(r, { ordered_at: new Date(Date.now() - 23.99 * 3_600_000).toISOString() });
    const first = (await placeOrder(r, payload)) as ClockOrder;
    await sql(`update public.orders set ordered_at = ordered_at - interval '2 hours' where id = $1`, [first.id]);
    const again = await placeOrder(r, payload);
    expect([again.id, again.number]).toEqual([first.id, first.number]);
  });
});

describe('provisional codes', () => {
  it('are stored as the device showed them; malformed ones are refused', async () => {
    const r = await makeRestaurant();
    expect((await place(r, { provisional_code: 'A-7' })).provisional_code).toBe('A-7');
    for (const bad of ['a-7', 'ABCD-1', 'A-1234567', 'A7', 7])
      await expectCode(place(r, { provisional_code: bad }), 'invalid_provisional_code');
  });
});

describe('menu price history', () => {
  async function menuVersion(r: Restaurant): Promise<number> {
    const [row] = await sql<{ v: string }>('select menu_version as v from public.restaurants where id = $1', [r.id]);
    return Number(row?.v);
  }

  const burgerCart = (r: Restaurant) => [{ item_id: r.burger, qty: 2, modifiers: [r.medium, r.cheese] }];

  it('an order priced from an older menu version keeps those prices and is flagged for review', async () => {
    const r = await makeRestaurant();
    const before = await menuVersion(r);
    await sql('update public.menu_items set price = 1500 where id = $1', [r.burger]);
    await sql('update public.modifier_options set price_delta = 150 where id = $1', [r.cheese]);
    await sql(`update public.menu_items set description = 'juicy' where id = $1`, [r.burger]); // not a price

    const old = (await placeOrder(r, orderPayload(r, { lines: burgerCart(r), menu_version: before }))) as ClockOrder;
    expect(old.lines[0]?.unit_price).toBe(1250 + 100);
    expect(old.lines[0]?.line_total).toBe(2 * 1350);
    expect(old.lines[0]?.modifiers.map((m) => m.price_delta)).toEqual([0, 100]);
    expect(old.subtotal).toBe(2700);
    expect([old.price_override, old.menu_version]).toEqual([true, before]);
    const events = await sql<{ to_status: string; reason: string | null }>(
      'select to_status, reason from public.order_events where order_id = $1 order by id',
      [old.id],
    );
    expect(events.map((e) => e.to_status)).toEqual(['placed', 'price_override']);
    expect(events[1]?.reason).toContain(`menu version ${before}`);

    const current = await menuVersion(r);
    const today = (await placeOrder(r, orderPayload(r, { lines: burgerCart(r), menu_version: current }))) as ClockOrder;
    expect([today.lines[0]?.unit_price, today.price_override]).toEqual([1650, false]);
    const unversioned = (await placeOrder(r, orderPayload(r, { lines: burgerCart(r) }))) as ClockOrder;
    expect([unversioned.lines[0]?.unit_price, unversioned.price_override, unversioned.menu_version]).toEqual([
      1650,
      false,
      null,
    ]);
  });

  it("a version whose prices equal today's is no override", async () => {
    const r = await makeRestaurant();
    const before = await menuVersion(r);
    await sql(`update public.menu_items set name = 'Big burger' where id = $1`, [r.burger]);
    const order = (await placeOrder(r, orderPayload(r, { lines: burgerCart(r), menu_version: before }))) as ClockOrder;
    expect([order.lines[0]?.unit_price, order.price_override]).toEqual([1350, false]);
  });

  it('a version ahead of the restaurant, negative or not a whole number is refused', async () => {
    const r = await makeRestaurant();
    const current = await menuVersion(r);
    for (const bad of [current + 1, -1, 1.5, '3'])
      await expectCode(placeOrder(r, orderPayload(r, { menu_version: bad })), 'invalid_menu_version');
  });

  it('an item unavailable at sync is refused whatever version the cart had', async () => {
    const r = await makeRestaurant();
    const before = await menuVersion(r);
    await sql('update public.menu_items set available = false where id = $1', [r.soda]);
    await expectCode(
      placeOrder(r, orderPayload(r, { lines: [{ item_id: r.soda, qty: 1 }], menu_version: before })),
      'item_unavailable',
    );
  });

  it('the history records each price with the versions it was valid for', async () => {
    const r = await makeRestaurant();
    const v0 = await menuVersion(r);
    await sql('update public.menu_items set price = 1300 where id = $1', [r.burger]);
    await sql('update public.menu_items set price = 1400 where id = $1', [r.burger]);
    const rows = await sql<{ price: string; valid_from: string; valid_to: string | null }>(
      `select price, valid_from, valid_to from public.menu_price_history
       where entity = 'menu_items' and entity_id = $1 order by valid_from`,
      [r.burger],
    );
    expect(rows.map((x) => [Number(x.price), x.valid_to === null])).toEqual([
      [1250, false],
      [1300, false],
      [1400, true],
    ]);
    expect(Number(rows[1]?.valid_from)).toBe(v0 + 1);
    expect(rows[0]?.valid_to).toBe(rows[1]?.valid_from);
  });
});
