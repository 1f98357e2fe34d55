import { describe, expect, it } from 'vitest';
import { readPrice } from '#lib/menu/price.ts';

const xof = { currency: 'XOF', exponent: 0, locale: 'fr-CI' };
const eur = { currency: 'EUR', exponent: 2, locale: 'fr-FR' };

describe('readPrice (item prices and option deltas in the restaurant currency)', () => {
  it('reads whole francs CFA, with grouping and the symbol', () => {
    expect(readPrice('2500', xof, 'fr')).toEqual({ ok: true, minor: 2500 });
    expect(readPrice('2 500 F CFA', xof, 'fr')).toEqual({ ok: true, minor: 2500 });
  });

  it('refuses decimals for a currency without them, naming the currency', () => {
    const reading = readPrice('12.5', xof, 'en');
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toContain('XOF');
  });

  it('reads euros typed the French way and refuses a third decimal', () => {
    expect(readPrice('12,50', eur, 'fr')).toEqual({ ok: true, minor: 1250 });
    expect(readPrice('12.5', eur, 'en')).toEqual({ ok: true, minor: 1250 });
    expect(readPrice('12,505', eur, 'fr').ok).toBe(false);
  });

  it('refuses a negative or empty item price and text', () => {
    expect(readPrice('-5', eur, 'en').ok).toBe(false);
    expect(readPrice('', eur, 'en').ok).toBe(false);
    expect(readPrice('abc', eur, 'en').ok).toBe(false);
  });

  it('refuses prices beyond the database bound', () => {
    expect(readPrice('1000000000000', xof, 'en').ok).toBe(false);
    expect(readPrice('100000000000', xof, 'en')).toEqual({ ok: true, minor: 100_000_000_000 });
  });

  it('lets option deltas be negative or empty (no extra charge)', () => {
    expect(readPrice('-0,50', eur, 'fr', 'delta')).toEqual({ ok: true, minor: -50 });
    expect(readPrice('', eur, 'fr', 'delta')).toEqual({ ok: true, minor: 0 });
    expect(readPrice('-2000000', eur, 'en', 'delta').ok).toBe(false);
    expect(readPrice('0.5', xof, 'en', 'delta').ok).toBe(false);
  });
});
