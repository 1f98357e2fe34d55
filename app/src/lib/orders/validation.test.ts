import { describe, expect, it } from 'vitest';
import { checkCart, checkModifierGroups, checkNote, checkQty } from '#lib/orders/validation.ts';

describe('checkQty', () => {
  it.each([1, 2, 99])('accepts %s', (qty) => expect(checkQty(qty)).toBeNull());
  it.each([0, -1, 100, 1000, 1.5, Number.NaN, '2'])('refuses %s', (qty) => {
    expect(checkQty(qty)).toBe('qty_out_of_range');
  });
});

describe('checkNote', () => {
  it('accepts 500 characters and refuses 501, counting code points', () => {
    expect(checkNote('a'.repeat(500))).toBeNull();
    expect(checkNote('a'.repeat(501))).toBe('note_too_long');
    expect(checkNote('🍕'.repeat(500))).toBeNull();
    expect(checkNote('x'.repeat(5000))).toBe('note_too_long');
  });
});

describe('checkModifierGroups', () => {
  const groups = [
    { id: 'size', min_select: 1, max_select: 1 },
    { id: 'extras', min_select: 0, max_select: 2 },
  ];
  it('passes within bounds', () => {
    expect(checkModifierGroups(groups, { size: 1, extras: 2 })).toEqual([]);
  });
  it('names the group under its minimum and the one over its maximum', () => {
    expect(checkModifierGroups(groups, new Map([['extras', 3]]))).toEqual([
      { groupId: 'size', code: 'modifier_min_not_met', min: 1, max: 1 },
      { groupId: 'extras', code: 'modifier_max_exceeded', min: 0, max: 2 },
    ]);
  });
});

describe('checkCart', () => {
  const line = { qty: 1, note: '', available: true };
  it('accepts a takeaway cart', () => {
    expect(checkCart({ lines: [line], note: '', type: 'takeaway', tableId: null })).toEqual([]);
  });
  it('reports each problem where it is', () => {
    expect(
      checkCart({
        lines: [line, { ...line, qty: 0 }, { ...line, note: 'n'.repeat(501) }, { ...line, available: false }],
        note: 'x'.repeat(501),
        type: 'dine_in',
        tableId: null,
      }),
    ).toEqual([
      { code: 'qty_out_of_range', line: 1 },
      { code: 'note_too_long', line: 2 },
      { code: 'item_unavailable', line: 3 },
      { code: 'note_too_long', line: null },
      { code: 'table_required', line: null },
    ]);
  });
  it('refuses an empty cart; dine-in needs no table where none are set up', () => {
    expect(checkCart({ lines: [], note: '', type: 'dine_in', tableId: null, requireTable: false })).toEqual([
      { code: 'empty_order', line: null },
    ]);
  });
});
