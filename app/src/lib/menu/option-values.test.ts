import { describe, expect, it } from 'vitest';
import { deltaForInput, readOptionValues } from '#lib/menu/option-values.ts';

const eur = { currency: 'EUR', exponent: 2, locale: 'fr-FR' };
const xof = { currency: 'XOF', exponent: 0, locale: 'fr-CI' };

describe('readOptionValues (the add and edit option forms)', () => {
  it('trims the name and reads the price change in minor units', () => {
    expect(readOptionValues({ name: '  Extra cheese ', delta: '1,50' }, eur, 'fr')).toEqual({
      ok: true,
      values: { name: 'Extra cheese', price_delta: 150 },
    });
    expect(readOptionValues({ name: 'No onions', delta: '' }, xof, 'fr')).toEqual({
      ok: true,
      values: { name: 'No onions', price_delta: 0 },
    });
    expect(readOptionValues({ name: 'Small', delta: '-500' }, xof, 'fr')).toMatchObject({
      values: { price_delta: -500 },
    });
  });

  it('reports every problem at once, each on its field', () => {
    const reading = readOptionValues({ name: '   ', delta: '0.5' }, xof, 'en');
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.name).toBeTruthy();
    expect(reading.errors.price_delta).toContain('XOF');
    expect(reading.errors.form).toBeUndefined();
  });

  it('refuses a name beyond 80 characters and a delta beyond the database bound', () => {
    const reading = readOptionValues({ name: 'x'.repeat(81), delta: '2000000' }, eur, 'en');
    expect(reading).toMatchObject({ ok: false, errors: { name: expect.any(String), price_delta: expect.any(String) } });
  });
});

describe('deltaForInput', () => {
  it('gives back what readOptionValues reads, negative deltas included', () => {
    for (const minor of [0, 150, -50, 99_999_999]) {
      const typed = deltaForInput(minor, eur, 'fr');
      expect(readOptionValues({ name: 'x', delta: typed }, eur, 'fr')).toMatchObject({
        values: { price_delta: minor },
      });
    }
    expect(deltaForInput(2500, xof, 'en')).toBe('2500');
  });
});
