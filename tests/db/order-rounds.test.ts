import { beforeAll, describe, expect, it } from 'vitest';
import {
  advance,
  createUser,
  makeRestaurant,
  type OrderJson,
  orderPayload,
  placeOrder,
  type Restaurant,
} from './fixtures.ts';
import { expectCode, rpc, sql, user, uuid } from './support.ts';

/** Rounds (…20261201001100_order_rounds.sql) and the kitchen's recall (…20261201001200_order_recall.sql). */

interface RoundOrder extends OrderJson {
  price_override: boolean;
  lines: Array<OrderJson['lines'][number] & { round: number; position: number; modifiers: unknown[] }>;
}

let r: Restaurant;
let other: Restaurant;

beforeAll(async () => {
  r = await makeRestaurant({ autoPrintReceipts: false, taxMode: 'exclusive', taxRateBp: 1800 });
  other = await makeRestaurant();
});

const dessertLines = (rest: Restaurant) => [
  { item_id: rest.fries, qty: 3, note: 'crispy' },
  { item_id: rest.burger, qty: 1, modifiers: [rest.rare, rest.bacon, rest.egg] },
];
const addRound = (rest: Restaurant, round: Record<string, unknown>, role: 'cashier' | 'waiter' | 'owner' = 'waiter') =>
  rpc<RoundOrder>(rest.as(role), 'add_order_round', { p_round: round });
const dineIn = (rest: Restaurant) =>
  placeOrder(rest, orderPayload(rest, { type: 'dine_in', table_id: rest.table1 })) as Promise<RoundOrder>;

async function footprint(orderId: string) {
  const [row] = await sql(
    `select (select count(*) from public.order_lines where order_id = $1)::int as lines,
            (select count(*) from public.order_rounds where order_id = $1)::int as rounds,
            (select count(*) from public.order_events where order_id = $1)::int as events,
            (select count(*) from public.print_jobs where order_id = $1)::int as jobs,
            (select version from public.orders where id = $1) as version`,
    [orderId],
  );
  return row;
}

describe('add_order_round', () => {
  it('prices the round exactly like place_order and recomputes the totals with one tax', async () => {
    const order = await dineIn(r);
    const round = await addRound(r, { id: uuid(), order_id: order.id, lines: dessertLines(r) });
    // The same lines placed as one order: the database's own prices and tax rule.
    const reference = (await placeOrder(
      r,
      orderPayload(r, { lines: [...orderPayload(r).lines, ...dessertLines(r)] }),
    )) as RoundOrder;
    const shape = (o: RoundOrder) =>
      o.lines.map((l) => ({ name: l.name, qty: l.qty, unit: l.unit_price, total: l.line_total, mods: l.modifiers }));
    expect(shape(round)).toEqual(shape(reference));
    expect([round.subtotal, round.tax, round.total]).toEqual([reference.subtotal, reference.tax, reference.total]);
    expect(round.lines.map((l) => [l.position, l.round, l.kitchen_status])).toEqual([
      [1, 1, 'queued'],
      [2, 1, 'queued'],
      [3, 2, 'queued'],
      [4, 2, 'queued'],
    ]);
    expect(round.version).toBe(order.version + 1);
    const third = await addRound(r, { id: uuid(), order_id: order.id, lines: [{ item_id: r.soda, qty: 1 }] });
    expect(third.lines.at(-1)?.round).toBe(3);
  });

  it('a replay returns the order and writes nothing; the same id with other content is a conflict', async () => {
    const order = await dineIn(r);
    const round = { id: uuid(), order_id: order.id, lines: dessertLines(r) };
    const first = await addRound(r, round);
    const before = await footprint(order.id);
    const again = await addRound(r, round, 'cashier');
    expect(again.lines).toEqual(first.lines);
    expect(await footprint(order.id)).toEqual(before);
    await expectCode(addRound(r, { ...round, lines: [{ item_id: r.soda, qty: 1 }] }), 'idempotency_conflict');
    const second = await dineIn(r);
    await expectCode(addRound(r, { ...round, order_id: second.id }), 'idempotency_conflict');
    expect(await footprint(order.id)).toEqual(before);
  });

  it("another restaurant's order is not found, like a made-up one", async () => {
    const theirs = await placeOrder(other);
    const a = await expectCode(
      addRound(r, { id: uuid(), order_id: theirs.id, lines: dessertLines(r) }),
      'order_not_found',
    );
    const b = await expectCode(
      addRound(r, { id: uuid(), order_id: uuid(), lines: dessertLines(r) }),
      'order_not_found',
    );
    expect(a.hint).toBe(b.hint);
    // Their items on our order: not on our menu.
    const ours = await dineIn(r);
    await expectCode(addRound(r, { id: uuid(), order_id: ours.id, lines: dessertLines(other) }), 'item_not_found');
    expect((await footprint(theirs.id))?.lines).toBe(2);
  });

  it('completed, cancelled and guest-draft orders take no round', async () => {
    const completed = await advance(r, await dineIn(r), 'preparing', 'ready', 'completed');
    const cancelled = await advance(r, await dineIn(r), 'cancelled');
    for (const o of [completed, cancelled]) {
      await expectCode(addRound(r, { id: uuid(), order_id: o.id, lines: dessertLines(r) }), 'order_closed');
      expect((await footprint(o.id))?.lines).toBe(2);
    }
    const guest = user(await createUser({ anonymous: true }), true);
    const draft = await rpc<OrderJson>(guest, 'guest_place_order', {
      p_qr_token: r.qr1,
      p_order: { id: uuid(), lines: [{ item_id: r.fries, qty: 1 }] },
    });
    await expectCode(addRound(r, { id: uuid(), order_id: draft.id, lines: dessertLines(r) }), 'order_not_accepted');
  });

  it('a replay after the order closed still answers the order', async () => {
    const order = await dineIn(r);
    const round = { id: uuid(), order_id: order.id, lines: [{ item_id: r.soda, qty: 1 }] };
    const added = await addRound(r, round);
    await advance(r, added, 'preparing', 'ready', 'completed');
    expect((await addRound(r, round)).status).toBe('completed');
  });

  it('a ready order goes back to preparing, with an audit trail', async () => {
    const ready = await advance(r, await dineIn(r), 'preparing', 'ready');
    const round = await addRound(r, { id: uuid(), order_id: ready.id, lines: [{ item_id: r.soda, qty: 2 }] });
    expect(round.status).toBe('preparing');
    expect(round.lines.map((l) => l.kitchen_status)).toEqual(['ready', 'ready', 'queued']);
    const events = await sql<{ from_status: string; to_status: string; reason: string | null }>(
      `select from_status, to_status, reason from public.order_events where order_id = $1 and line_id is null order by id`,
      [ready.id],
    );
    expect(events.slice(-2)).toEqual([
      { from_status: 'ready', to_status: 'round_added', reason: 'Round 2: 1 lines' },
      { from_status: 'ready', to_status: 'preparing', reason: 'Round 2 to cook' },
    ]);
    const placed = await dineIn(r);
    expect((await addRound(r, { id: uuid(), order_id: placed.id, lines: dessertLines(r) })).status).toBe('placed');
  });

  it("queues kitchen tickets for the round's lines only, per station, with the round number", async () => {
    const order = await dineIn(r); // burger (kitchen) and sodas (bar): two tickets of round 1
    await addRound(r, { id: uuid(), order_id: order.id, lines: [{ item_id: r.soda, qty: 1, note: 'no ice' }] });
    await addRound(r, { id: uuid(), order_id: order.id, lines: dessertLines(r) });
    const jobs = await sql<{
      printer_id: string;
      dedupe_key: string;
      payload: { round: number; lines: Array<{ name: string; round: number; note: string }> };
    }>(
      `select printer_id, dedupe_key, payload from public.print_jobs where order_id = $1 and document = 'kitchen_ticket'
       order by created_at, (payload ->> 'round')::int, printer_id`,
      [order.id],
    );
    const summary = jobs.map((j) => ({
      printer: j.printer_id === r.kitchenPrinter ? 'kitchen' : 'bar',
      round: j.payload.round,
      lines: j.payload.lines.map((l) => `${l.round}:${l.name}${l.note ? ` (${l.note})` : ''}`),
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { printer: 'kitchen', round: 1, lines: ['1:Burger'] },
        { printer: 'bar', round: 1, lines: ['1:Soda'] },
        { printer: 'bar', round: 2, lines: ['2:Soda (no ice)'] },
        { printer: 'kitchen', round: 3, lines: ['3:Fries (crispy)', '3:Burger'] },
      ]),
    );
    expect(summary).toHaveLength(4);
    expect(jobs.find((j) => j.payload.round === 1 && j.printer_id === r.kitchenPrinter)?.dedupe_key).toBe(
      `kitchen:${order.id}:${r.kitchenPrinter}`,
    );
  });

  it('a paid order owes the round again', async () => {
    const order = await dineIn(r);
    await rpc(r.as('cashier'), 'record_payment', {
      p_payment_id: uuid(),
      p_order_id: order.id,
      p_method: 'card',
      p_amount: order.total,
    });
    const round = await addRound(r, { id: uuid(), order_id: order.id, lines: [{ item_id: r.soda, qty: 1 }] });
    expect([round.payment_status, round.paid, round.total > order.total]).toEqual([
      'partially_paid',
      order.total,
      true,
    ]);
  });

  it('roles: waiters and cashiers add rounds, the kitchen does not', async () => {
    const order = await dineIn(r);
    await expectCode(
      rpc(r.as('kitchen'), 'add_order_round', { p_round: { id: uuid(), order_id: order.id, lines: dessertLines(r) } }),
      'forbidden',
      '42501',
    );
    await expectCode(
      rpc(r.as('print_bridge'), 'add_order_round', {
        p_round: { id: uuid(), order_id: order.id, lines: dessertLines(r) },
      }),
      'order_not_found',
    );
  });

  it('bad input is refused with a clear code and writes nothing', async () => {
    const order = await dineIn(r);
    const before = await footprint(order.id);
    const base = { id: uuid(), order_id: order.id, lines: dessertLines(r) };
    const cases: Array<[unknown, string]> = [
      [JSON.stringify([base]), 'invalid_payload'], // a list, not an object
      [{ ...base, table_id: r.table2 }, 'unknown_field'],
      [{ ...base, id: 'round-1' }, 'invalid_round_id'],
      [{ ...base, order_id: 42 }, 'invalid_order_id'],
      [{ ...base, lines: [] }, 'empty_order'],
      [{ ...base, lines: 'fries' }, 'invalid_lines'],
      [{ ...base, lines: [{ item_id: r.fries, qty: 0 }] }, 'qty_out_of_range'],
      [{ ...base, lines: [{ item_id: r.fries, qty: 1000 }] }, 'qty_out_of_range'],
      [{ ...base, lines: [{ item_id: r.fries, qty: 1.5 }] }, 'qty_out_of_range'],
      [{ ...base, lines: [{ item_id: r.fries, qty: 1, note: 'x'.repeat(5000) }] }, 'note_too_long'],
      [{ ...base, lines: [{ item_id: r.soldOut, qty: 1 }] }, 'item_unavailable'],
      [{ ...base, lines: Array.from({ length: 99 }, () => ({ item_id: r.fries, qty: 1 })) }, 'too_many_lines'],
      [{ ...base, ordered_at: new Date(Date.now() + 3_600_000).toISOString() }, 'ordered_at_in_future'],
      [{ ...base, menu_version: 1e12 }, 'invalid_menu_version'],
    ];
    for (const [payload, code] of cases) {
      await expectCode(rpc(r.as('waiter'), 'add_order_round', { p_round: payload }), code);
    }
    expect(await footprint(order.id)).toEqual(before);
  });

  it('a line error names its place in the round', async () => {
    const order = await dineIn(r);
    const err = await expectCode(
      addRound(r, {
        id: uuid(),
        order_id: order.id,
        lines: [
          { item_id: r.fries, qty: 1 },
          { item_id: r.burger, qty: 1 },
        ],
      }),
      'modifier_min_not_met',
    );
    expect(JSON.parse(err.detail ?? '{}').line).toBe(2);
  });

  it('a round priced from an older menu version keeps those prices and flags the order', async () => {
    const rest = await makeRestaurant();
    const order = await dineIn(rest);
    const [v] = await sql<{ v: string }>('select menu_version as v from public.restaurants where id = $1', [rest.id]);
    await sql('update public.menu_items set price = 350 where id = $1', [rest.soda]);
    const round = await addRound(rest, {
      id: uuid(),
      order_id: order.id,
      lines: [{ item_id: rest.soda, qty: 1 }],
      menu_version: Number(v?.v),
    });
    expect([round.lines.at(-1)?.unit_price, round.price_override]).toEqual([300, true]);
  });
});

describe('recall', () => {
  it('the kitchen takes a bumped ticket back: ready → preparing, its ready lines too', async () => {
    const ready = await advance(r, await placeOrder(r), 'preparing', 'ready');
    const recalled = await rpc<OrderJson>(r.as('kitchen'), 'transition_order', {
      p_order_id: ready.id,
      p_to: 'preparing',
      p_expected_version: ready.version,
    });
    expect(recalled.status).toBe('preparing');
    expect(recalled.lines.map((l) => l.kitchen_status)).toEqual(['preparing', 'preparing']);
    expect(recalled.lines.every((l, i) => l.version === (ready.lines[i]?.version ?? 0) + 1)).toBe(true);
    const bumped = await advance(r, recalled, 'ready');
    expect(bumped.lines.map((l) => l.kitchen_status)).toEqual(['ready', 'ready']);
  });

  it('a stale recall is a version conflict; cashiers and waiters may not recall', async () => {
    const ready = await advance(r, await placeOrder(r), 'preparing', 'ready');
    await expectCode(
      rpc(r.as('kitchen'), 'transition_order', { p_order_id: ready.id, p_to: 'preparing', p_expected_version: 1 }),
      'version_conflict',
    );
    for (const role of ['cashier', 'waiter'] as const) {
      await expectCode(
        rpc(r.as(role), 'transition_order', {
          p_order_id: ready.id,
          p_to: 'preparing',
          p_expected_version: ready.version,
        }),
        'forbidden',
        '42501',
      );
    }
  });
});
