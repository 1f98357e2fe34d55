import { describe, expect, it } from 'vitest';
import type { OrderLine, OrderWithLines } from '#lib/orders/queries.ts';
import {
  ageTone,
  allDayCounts,
  applyOrderChange,
  formatAge,
  openTickets,
  RECENTLY_BUMPED_LIMIT,
  recentlyBumped,
  stationProgress,
  stationsOf,
} from './tickets.ts';

function line(id: string, fields: Partial<OrderLine> = {}): OrderLine {
  return {
    id,
    order_id: 'o1',
    restaurant_id: 'r',
    item_id: 'i',
    category_id: null,
    category_name: null,
    name: 'Burger',
    qty: 1,
    note: '',
    modifiers: [],
    position: 1,
    station: 'grill',
    kitchen_status: 'queued',
    unit_price: 100,
    line_total: 100,
    updated_at: '2026-01-01T10:00:00Z',
    version: 1,
    round: 1,
    ...fields,
  } as OrderLine;
}

function order(id: string, fields: Partial<OrderWithLines> = {}): OrderWithLines {
  return {
    id,
    restaurant_id: 'r',
    number: 1,
    status: 'placed',
    type: 'takeaway',
    table_id: null,
    note: '',
    placed_at: '2026-01-01T10:00:00Z',
    created_at: '2026-01-01T10:00:00Z',
    updated_at: '2026-01-01T10:00:00Z',
    version: 1,
    lines: [],
    ...fields,
  } as OrderWithLines;
}

describe('kitchen tickets', () => {
  it('makes one ticket per round still to cook, oldest first, leaving done rounds and other statuses out', () => {
    const orders = [
      order('o2', {
        number: 2,
        placed_at: '2026-01-01T10:05:00Z',
        lines: [line('a', { order_id: 'o2' })],
      }),
      order('o1', {
        status: 'preparing',
        lines: [
          line('b', { kitchen_status: 'ready' }),
          line('c', { round: 2, name: 'Cake', station: 'pastry' }),
          line('d', { round: 2, kitchen_status: 'cancelled' }),
        ],
      }),
      order('o3', { status: 'ready', lines: [line('e', { order_id: 'o3', kitchen_status: 'ready' })] }),
    ];
    const tickets = openTickets(orders, null);
    expect(tickets.map((ticket) => [ticket.key, ticket.started, ticket.lines.map((l) => l.id)])).toEqual([
      ['o1:2', true, ['c']],
      ['o2:1', false, ['a']],
    ]);
    expect(openTickets(orders, 'grill').map((ticket) => ticket.key)).toEqual(['o2:1']);
    expect(stationsOf(orders)).toEqual(['grill', 'pastry']);
  });

  it('counts what is still to cook across tickets, and each station’s progress for the pass', () => {
    const o = order('o1', {
      status: 'preparing',
      lines: [
        line('a', { qty: 2 }),
        line('b', { qty: 1, kitchen_status: 'ready' }),
        line('c', { qty: 3, name: 'Fries', station: 'fry' }),
      ],
    });
    expect(allDayCounts(openTickets([o], null))).toEqual([
      { name: 'Fries', qty: 3 },
      { name: 'Burger', qty: 2 },
    ]);
    expect(stationProgress(o)).toEqual([
      { station: 'fry', done: 0, total: 3 },
      { station: 'grill', done: 1, total: 3 },
    ]);
  });

  it('keeps a bounded drawer of bumped orders, newest first', () => {
    const ready = Array.from({ length: RECENTLY_BUMPED_LIMIT + 3 }, (_, i) =>
      order(`o${i}`, { status: 'ready', updated_at: `2026-01-01T10:${String(i).padStart(2, '0')}:00Z` }),
    );
    const drawer = recentlyBumped(ready);
    expect(drawer).toHaveLength(RECENTLY_BUMPED_LIMIT);
    expect(drawer[0]?.id).toBe(`o${RECENTLY_BUMPED_LIMIT + 2}`);
  });

  it('colours and formats ticket ages', () => {
    expect(ageTone(4 * 60_000, 5, 10)).toBe('fresh');
    expect(ageTone(5 * 60_000, 5, 10)).toBe('warn');
    expect(ageTone(10 * 60_000, 5, 10)).toBe('late');
    expect(formatAge(247_000)).toBe('4:07');
    expect(formatAge(3_723_000)).toBe('1:02:03');
  });

  it('applies Broadcast-from-Database changes, ignores older versions and drops orders leaving the kitchen', () => {
    let orders: OrderWithLines[] = [];
    const apply = (table: 'orders' | 'order_lines', record: Record<string, unknown>) => {
      const next = applyOrderChange(orders, { table, record });
      orders = next.orders;
      return next.needsRead;
    };
    expect(apply('orders', { ...order('o1'), lines: undefined, payload_hash: 'x' })).toBe(false);
    expect(orders[0]).not.toHaveProperty('payload_hash');
    expect(apply('order_lines', { ...line('a', { version: 1 }) })).toBe(false);
    expect(apply('order_lines', { ...line('a', { version: 2, kitchen_status: 'ready' }) })).toBe(false);
    expect(apply('order_lines', { ...line('a', { version: 1, kitchen_status: 'queued' }) })).toBe(false);
    expect(orders[0]?.lines.map((l) => l.kitchen_status)).toEqual(['ready']);
    // A line of an order not held: the screen must re-read.
    expect(apply('order_lines', { ...line('z', { order_id: 'unknown' }) })).toBe(true);
    expect(apply('orders', { ...order('o1', { status: 'completed', version: 3 }) })).toBe(false);
    expect(orders).toEqual([]);
  });
});
