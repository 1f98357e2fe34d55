import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, changeFor, itemsShare, paymentParts, splitEvenly } from '#lib/payments/split.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('splitEvenly', () => {
  it('gives the remainder one minor unit at a time to the first parts', () => {
    expect(splitEvenly(10001, 3)).toEqual([3334, 3334, 3333]);
    expect(splitEvenly(9000, 3)).toEqual([3000, 3000, 3000]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
  });

  it('always sums to the total', () => {
    for (const total of [1, 7, 999, 12_345, 1_000_001]) {
      for (const guests of [1, 2, 3, 4, 7, 12]) expect(sum(splitEvenly(total, guests))).toBe(total);
    }
  });

  it('gives the same parts when the rest is split again by the guests left', () => {
    const parts = splitEvenly(10001, 3);
    expect(splitEvenly(10001 - (parts[0] ?? 0), 2)).toEqual(parts.slice(1));
  });

  it('refuses no guests and bad totals', () => {
    expect(splitEvenly(100, 0)).toEqual([]);
    expect(splitEvenly(-1, 2)).toEqual([]);
    expect(splitEvenly(1.5, 2)).toEqual([]);
  });
});

describe('allocateOldestFirst', () => {
  const dues = [
    { orderId: 'a', due: 3000 },
    { orderId: 'b', due: 0 },
    { orderId: 'c', due: 2500 },
  ];

  it('pays the oldest order off first', () => {
    expect(allocateOldestFirst(dues, 4000)).toEqual([
      { orderId: 'a', amount: 3000 },
      { orderId: 'c', amount: 1000 },
    ]);
    expect(allocateOldestFirst(dues, 2000)).toEqual([{ orderId: 'a', amount: 2000 }]);
    expect(allocateOldestFirst(dues, 5500)).toEqual([
      { orderId: 'a', amount: 3000 },
      { orderId: 'c', amount: 2500 },
    ]);
  });

  it('refuses more than is owed', () => {
    expect(allocateOldestFirst(dues, 5501)).toBeNull();
  });
});

describe('paymentParts', () => {
  const allocations = [
    { orderId: 'a', amount: 3000 },
    { orderId: 'c', amount: 2500 },
  ];

  it('gives the change and the tip on the last cash part; each row balances', () => {
    const parts = paymentParts(allocations, { cash: true, tendered: 10000, tip: 500 });
    expect(parts).toEqual([
      { orderId: 'a', amount: 3000, tendered: 3000, tip: 0 },
      { orderId: 'c', amount: 2500, tendered: 7000, tip: 500 },
    ]);
    for (const part of parts ?? []) {
      const change = changeFor(part.tendered ?? 0, part.amount, part.tip);
      expect((part.tendered ?? 0) - change).toBe(part.amount + part.tip);
    }
    expect(changeFor(7000, 2500, 500)).toBe(4000);
  });

  it('refuses cash that does not cover the amounts and the tip', () => {
    expect(paymentParts(allocations, { cash: true, tendered: 5999, tip: 500 })).toBeNull();
  });

  it('has no tendered for card and puts the tip on the last part', () => {
    expect(paymentParts(allocations, { cash: false, tip: 200 })).toEqual([
      { orderId: 'a', amount: 3000, tendered: null, tip: 0 },
      { orderId: 'c', amount: 2500, tendered: null, tip: 200 },
    ]);
  });
});

describe('itemsShare', () => {
  const lines = [
    { id: 'l1', line_total: 6000 },
    { id: 'l2', line_total: 3000 },
    { id: 'l3', line_total: 1000 },
  ];

  it('is the lines’ share of the total (tax inclusive: the lines themselves)', () => {
    expect(itemsShare({ total: 10000, lines }, new Set(['l2', 'l3']))).toBe(4000);
  });

  it('carries the exclusive tax and the order discount in proportion', () => {
    // subtotal 10 000, 10 % off the order → 9 000, tax 18 % exclusive → 10 620.
    expect(itemsShare({ total: 10620, lines, discounts: [{ line_id: null, amount: 1000 }] }, new Set(['l1']))).toBe(
      6372,
    );
  });

  it('takes a line discount off that line first', () => {
    const order = { total: 9000, lines, discounts: [{ line_id: 'l1', amount: 1000 }] };
    expect(itemsShare(order, new Set(['l1']))).toBe(5000);
    expect(itemsShare(order, new Set(['l2', 'l3']))).toBe(4000);
  });

  it('gives exactly the total for every line, and nothing for none', () => {
    expect(itemsShare({ total: 9999, lines }, new Set(['l1', 'l2', 'l3']))).toBe(9999);
    expect(itemsShare({ total: 9999, lines }, new Set())).toBe(0);
  });

  it('rounds half up to the minor unit', () => {
    // 1001 × 1/3 = 333.67 → 334; 1001 × 2/3 = 667.33 → 667
    const thirds = [
      { id: 'x', line_total: 100 },
      { id: 'y', line_total: 100 },
      { id: 'z', line_total: 100 },
    ];
    expect(itemsShare({ total: 1001, lines: thirds }, new Set(['x']))).toBe(334);
    expect(itemsShare({ total: 1001, lines: thirds }, new Set(['x', 'y']))).toBe(667);
  });
});
