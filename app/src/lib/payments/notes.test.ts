import { describe, expect, it } from 'vitest';
import { cashNotes, quickCashAmounts } from '#lib/payments/notes.ts';

describe('quick-cash notes', () => {
  it('lists the real notes in minor units', () => {
    expect(cashNotes('XOF', 0)).toEqual([500, 1000, 2000, 5000, 10000]);
    expect(cashNotes('IDR', 0)).toEqual([10000, 20000, 50000, 100000]);
    expect(cashNotes('ARS', 2)).toEqual([100000, 200000, 1000000, 2000000]);
    expect(cashNotes('EUR', 2)).toEqual([500, 1000, 2000, 5000]);
    expect(cashNotes('USD', 2)).toEqual([]);
  });

  it('rounds the due up to each note, above the due, smallest first', () => {
    expect(quickCashAmounts(3500, 'XOF', 0)).toEqual([4000, 5000, 10000]);
    expect(quickCashAmounts(2550, 'EUR', 2)).toEqual([3000, 4000, 5000]);
    expect(quickCashAmounts(26200, 'XOF', 0)).toEqual([26500, 27000, 28000, 30000]);
    expect(quickCashAmounts(4_500_00, 'ARS', 2)).toEqual([5_000_00, 6_000_00, 10_000_00, 20_000_00]);
  });

  it('offers nothing for an exact note, an unknown currency or no due', () => {
    expect(quickCashAmounts(10000, 'XOF', 0)).toEqual([]);
    expect(quickCashAmounts(1234, 'USD', 2)).toEqual([]);
    expect(quickCashAmounts(0, 'XOF', 0)).toEqual([]);
  });
});
