import { describe, expect, it } from 'vitest';
import { denominationsFor, denominationTotal, parseCount } from '#lib/shifts/denominations.ts';

describe('denominationTotal', () => {
  it('adds each note and coin times its count, in minor units', () => {
    const xof = denominationsFor('XOF');
    expect(denominationTotal(xof, { 10000: 2, 5000: 1, 500: 3, 25: 4 })).toBe(26_600);
    const eur = denominationsFor('EUR');
    expect(denominationTotal(eur, { 2000: 1, 200: 2, 5: 3 })).toBe(2_415);
  });

  it('is zero for nothing counted and refuses halves and negatives', () => {
    expect(denominationTotal(denominationsFor('IDR'), {})).toBe(0);
    expect(denominationTotal([1_000], { 1000: 1.5 })).toBeNull();
    expect(denominationTotal([1_000], { 1000: -1 })).toBeNull();
  });

  it('lists the currency notes largest first, and none for an unknown currency', () => {
    expect(denominationsFor('IDR')[0]).toBe(100_000);
    expect(denominationsFor('ARS')[0]).toBe(2_000_000);
    expect(denominationsFor('JPY')).toEqual([]);
  });
});

describe('parseCount', () => {
  it('reads whole counts; empty is none', () => {
    expect(parseCount('')).toBe(0);
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-2')).toBeNull();
    expect(parseCount('abc')).toBeNull();
  });
});
