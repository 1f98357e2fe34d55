import { describe, expect, it } from 'vitest';
import type { MenuItem } from '#lib/menu/types.ts';
import { addLine, type CartLine, cartTotals, linesPayload, lineTotal, searchItems } from '#lib/orders/cart.ts';

const line = (overrides: Partial<CartLine> = {}): CartLine => ({
  key: 'k',
  itemId: 'pizza',
  name: 'Pizza',
  basePrice: 1000,
  qty: 1,
  note: '',
  modifiers: [],
  ...overrides,
});

describe('cart totals', () => {
  it('adds option deltas to the unit price and never goes below zero', () => {
    const extra = { optionId: 'o1', groupId: 'g', name: 'Extra', priceDelta: 250 };
    const discount = { optionId: 'o2', groupId: 'g', name: 'Half', priceDelta: -5000 };
    expect(lineTotal(line({ qty: 3, modifiers: [extra] }))).toBe(3750);
    expect(lineTotal(line({ modifiers: [discount] }))).toBe(0);
  });

  it('exclusive tax is added on the subtotal, rounded half away from zero', () => {
    // 1050 × 10 % = 105; 1005 × 5.5 % = 55.275 → 55; 1010 × 5.5 % = 55.55 → 56
    expect(cartTotals([line({ basePrice: 1050 })], 'exclusive', 1000)).toEqual({
      subtotal: 1050,
      tax: 105,
      total: 1155,
    });
    expect(cartTotals([line({ basePrice: 1005 })], 'exclusive', 550).tax).toBe(55);
    expect(cartTotals([line({ basePrice: 1010 })], 'exclusive', 550).tax).toBe(56);
    expect(cartTotals([line({ basePrice: 100 })], 'exclusive', 500).tax).toBe(5);
    expect(cartTotals([line({ basePrice: 10 })], 'exclusive', 500).tax).toBe(1); // 0.5 → 1
  });

  it('inclusive tax is extracted from the total, which stays the subtotal', () => {
    // 11000 × 1000 / 11000 = 1000
    expect(cartTotals([line({ basePrice: 5500, qty: 2 })], 'inclusive', 1000)).toEqual({
      subtotal: 11000,
      tax: 1000,
      total: 11000,
    });
    expect(cartTotals([], 'inclusive', 1800)).toEqual({ subtotal: 0, tax: 0, total: 0 });
  });
});

describe('cart lines', () => {
  it('merges an identical line by quantity, capped at 99, and keeps different notes apart', () => {
    const one = addLine([], line({ key: 'a' }));
    const two = addLine(one, line({ key: 'b' }));
    expect(two).toHaveLength(1);
    expect(two[0]?.qty).toBe(2);
    expect(addLine(two, line({ key: 'c', note: 'no onions' }))).toHaveLength(2);
    expect(addLine([line({ qty: 99 })], line())[0]?.qty).toBe(99);
  });

  it('sends trimmed notes and option ids only when there are some', () => {
    const extra = { optionId: 'o1', groupId: 'g', name: 'Extra', priceDelta: 250 };
    expect(linesPayload([line(), line({ qty: 2, note: ' well done ', modifiers: [extra] })])).toEqual([
      { item_id: 'pizza', qty: 1 },
      { item_id: 'pizza', qty: 2, note: 'well done', modifiers: ['o1'] },
    ]);
  });

  it('searches names ignoring case and accents', () => {
    const items = [{ name: 'Crème brûlée' }, { name: 'Pizza' }] as MenuItem[];
    expect(searchItems(items, 'CREME').map((item) => item.name)).toEqual(['Crème brûlée']);
    expect(searchItems(items, '  ')).toHaveLength(2);
  });
});
