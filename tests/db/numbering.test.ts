import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createUser, makeRestaurant, type OrderJson, orderPayload, placeOrder } from './fixtures.ts';
import { actAs, rpc, sql, stack, user, uuid } from './support.ts';

describe('daily order numbers', () => {
  it('32 connections placing 50 orders each get exactly 1..1600', async () => {
    const r = await makeRestaurant();
    const cashier = user(r.users.cashier);
    const numbers: number[] = [];
    const clients = await Promise.all(
      Array.from({ length: 32 }, async () => {
        const c = new pg.Client({ connectionString: stack.dbUrl });
        await c.connect();
        return c;
      }),
    );
    try {
      await Promise.all(
        clients.map(async (c) => {
          for (let i = 0; i < 50; i++) {
            await c.query('begin');
            await actAs(c, cashier);
            const res = await c.query<{ o: OrderJson }>('select public.place_order($1) as o', [
              JSON.stringify(orderPayload(r, { lines: [{ item_id: r.soda, qty: 1 }] })),
            ]);
            await c.query('commit');
            numbers.push(res.rows[0]?.o.number ?? 0);
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 1600 }, (_, i) => i + 1));
    const [stored] = await sql<{ n: number; max: number; distinct_numbers: number }>(
      `select count(*)::int as n, max(number) as max, count(distinct number)::int as distinct_numbers
       from public.orders where restaurant_id = $1`,
      [r.id],
    );
    expect(stored).toEqual({ n: 1600, max: 1600, distinct_numbers: 1600 });
  }, 180_000);

  it('a replayed placement returns the same order and spends no number', async () => {
    const r = await makeRestaurant();
    const payload = orderPayload(r);
    const first = await placeOrder(r, payload);
    const again = await placeOrder(r, payload);
    expect(again.id).toBe(first.id);
    expect(again.number).toBe(first.number);
    const next = await placeOrder(r);
    expect(next.number).toBe((first.number ?? 0) + 1);
  });

  it('numbers are per restaurant', async () => {
    const a = await makeRestaurant();
    const b = await makeRestaurant();
    expect((await placeOrder(a)).number).toBe(1);
    expect((await placeOrder(b)).number).toBe(1);
    expect((await placeOrder(a)).number).toBe(2);
  });

  it('a guest draft gets its number when accepted, not when sent', async () => {
    const r = await makeRestaurant({ guestOrdering: 'draft_first' });
    const guest = user(await createUser({ anonymous: true }), true);
    const draft = await rpc<OrderJson>(guest, 'guest_place_order', {
      p_qr_token: r.qr1,
      p_order: { id: uuid(), lines: [{ item_id: r.fries, qty: 1 }] },
    });
    expect(draft).toMatchObject({ status: 'draft', number: null });
    expect((await placeOrder(r)).number).toBe(1);
    const accepted = await rpc<OrderJson>(r.as('waiter'), 'transition_order', {
      p_order_id: draft.id,
      p_to: 'placed',
      p_expected_version: draft.version,
    });
    expect(accepted).toMatchObject({ status: 'placed', number: 2 });
  });
});

describe('business date and cut-off', () => {
  // [time zone, instant just before the 04:00 local cut-off, its business date, instant at the cut-off, its date]
  const cases: Array<[string, string, string, string, string]> = [
    ['Africa/Abidjan', '2026-11-21T03:59:59Z', '2026-11-20', '2026-11-21T04:00:00Z', '2026-11-21'],
    ['Asia/Jakarta', '2026-11-20T20:59:59Z', '2026-11-20', '2026-11-20T21:00:00Z', '2026-11-21'],
    ['America/Argentina/Buenos_Aires', '2026-11-21T06:59:59Z', '2026-11-20', '2026-11-21T07:00:00Z', '2026-11-21'],
    // Paris, night of the switch to summer time (02:00 → 03:00 on 29 March): 04:00 CEST is 02:00 UTC.
    ['Europe/Paris', '2026-03-29T01:59:59Z', '2026-03-28', '2026-03-29T02:00:00Z', '2026-03-29'],
    // Paris, back to winter time (03:00 → 02:00 on 25 October): 04:00 CET is 03:00 UTC; the repeated
    // hour (01:00–02:00 UTC shows 02:xx twice) stays in the previous business day.
    ['Europe/Paris', '2026-10-25T02:59:59Z', '2026-10-24', '2026-10-25T03:00:00Z', '2026-10-25'],
    ['Europe/Paris', '2026-10-25T00:30:00Z', '2026-10-24', '2026-10-25T01:30:00Z', '2026-10-24'],
  ];

  for (const [tz, before, beforeDate, at, atDate] of cases) {
    it(`${tz}: ${before} → ${beforeDate}, ${at} → ${atDate}`, async () => {
      const r = await makeRestaurant({ timezone: tz, cutoffHour: 4 });
      const rows = await sql<{ before: string; at: string }>(
        `select private.business_date($1, $2)::text as before, private.business_date($1, $3)::text as at`,
        [r.id, before, at],
      );
      expect(rows[0]).toEqual({ before: beforeDate, at: atDate });
    });
  }

  it('a new business date starts again at 1 (and the old day keeps its numbers)', async () => {
    // UTC+14 and UTC-11 are always on different calendar dates: moving the restaurant between them
    // changes "today" without waiting for midnight.
    const r = await makeRestaurant({ timezone: 'Pacific/Kiritimati', cutoffHour: 0 });
    const a1 = await placeOrder(r);
    const a2 = await placeOrder(r);
    await sql(`update public.restaurants set timezone = 'Pacific/Pago_Pago' where id = $1`, [r.id]);
    const b1 = await placeOrder(r);
    expect([a1.number, a2.number, b1.number]).toEqual([1, 2, 1]);
    expect(b1.business_date).not.toBe(a1.business_date);
    await sql(`update public.restaurants set timezone = 'Pacific/Kiritimati' where id = $1`, [r.id]);
    expect((await placeOrder(r)).number).toBe(3);
  });
});
