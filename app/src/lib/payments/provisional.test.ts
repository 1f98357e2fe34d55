import { describe, expect, it } from 'vitest';
import type { MenuData } from '#lib/menu/types.ts';
import type { OutboxSnapshot } from '#lib/outbox/types.ts';
import { queuedOrder } from '#lib/payments/pending.ts';
import { provisionalOrder } from '#lib/payments/provisional.ts';

const menu = {
  categories: [],
  items: [
    { id: 'garba', name: 'Garba', price: 1500 },
    { id: 'bissap', name: 'Bissap', price: 1000 },
  ],
  groups: [],
  options: [{ id: 'extra', group_id: 'g', name: 'Extra fish', price_delta: 500 }],
  links: [],
} as unknown as MenuData;

const payload = {
  id: 'o1',
  restaurant_id: 'r',
  type: 'takeaway' as const,
  provisional_code: 'B-3',
  lines: [
    { item_id: 'garba', qty: 2, modifiers: ['extra'] },
    { item_id: 'bissap', qty: 1 },
  ],
};

describe('an order placed offline, priced on the device', () => {
  it('prices lines with their options and the tax as the cart does', () => {
    const order = provisionalOrder(
      payload,
      menu,
      { taxMode: 'inclusive', taxRateBp: 1800 },
      { currency: 'XOF', exponent: 0 },
    );
    expect(order).toMatchObject({
      id: 'o1',
      provisional_code: 'B-3',
      subtotal: 5000,
      total: 5000,
      paid: 0,
      status: 'placed',
    });
    expect(order?.lines.map((line) => [line.name, line.line_total])).toEqual([
      ['Garba', 4000],
      ['Bissap', 1000],
    ]);
    // Exclusive: 18 % on top, rounded half away from zero.
    expect(
      provisionalOrder(payload, menu, { taxMode: 'exclusive', taxRateBp: 1800 }, { currency: 'XOF', exponent: 0 })
        ?.total,
    ).toBe(5900);
  });

  it('does not guess the price of an item the cached menu lacks', () => {
    const unknown = { ...payload, lines: [{ item_id: 'gone', qty: 1 }] };
    expect(
      provisionalOrder(unknown, menu, { taxMode: 'inclusive', taxRateBp: 0 }, { currency: 'XOF', exponent: 0 }),
    ).toBeNull();
  });

  it('finds the queued place_order of an order', () => {
    const snapshot = {
      pending: [{ id: 'o1', kind: 'place_order', payload, state: 'pending' }],
      parked: [],
    } as unknown as OutboxSnapshot;
    expect(queuedOrder(snapshot, 'o1')?.id).toBe('o1');
    expect(queuedOrder(snapshot, 'o2')).toBeNull();
  });
});
