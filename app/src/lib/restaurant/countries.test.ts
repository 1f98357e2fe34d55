import { describe, expect, it } from 'vitest';
import { countries, countryDefaults, guessCountry } from '#lib/restaurant/countries.ts';
import tenancySql from '../../../../supabase/migrations/20261121000100_tenancy.sql?raw';

/** The currencies the database accepts (public.currencies, seeded by the tenancy migration). */
const databaseCurrencies = new Set(
  [...(tenancySql.split('insert into public.currencies')[1] ?? '').matchAll(/\('([A-Z]{3})', \d/g)].map((m) => m[1]),
);

describe('countries', () => {
  it('offers the main Latin American and West African markets', () => {
    for (const code of [
      'AR',
      'MX',
      'CL',
      'CO',
      'PE',
      'SN',
      'CI',
      'ML',
      'BF',
      'NE',
      'TG',
      'BJ',
      'GN',
      'CM',
      'GH',
      'NG',
    ]) {
      expect(countryDefaults(code), code).toBeDefined();
    }
  });

  it('maps each country to its own currency, one the database knows', () => {
    expect(databaseCurrencies.size).toBeGreaterThan(20);
    const expected: Record<string, string> = {
      MX: 'MXN',
      CL: 'CLP',
      CO: 'COP',
      PE: 'PEN',
      SN: 'XOF',
      CI: 'XOF',
      ML: 'XOF',
      BF: 'XOF',
      NE: 'XOF',
      TG: 'XOF',
      BJ: 'XOF',
      CM: 'XAF',
      GH: 'GHS',
      NG: 'NGN',
    };
    for (const [code, currency] of Object.entries(expected))
      expect(countryDefaults(code)?.currency, code).toBe(currency);
    for (const country of countries) expect(databaseCurrencies.has(country.currency), country.code).toBe(true);
  });

  it('gives each a locale the database accepts, in the country, and a valid zone', () => {
    for (const country of countries) {
      expect(country.locale, country.code).toMatch(new RegExp(`^[a-z]{2}-${country.code}$`));
      expect(() => new Intl.DateTimeFormat('en', { timeZone: country.timezone }), country.code).not.toThrow();
    }
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
  });

  it('guesses a newly listed country from the browser language', () => {
    expect(guessCountry(['es-MX', 'es'])).toBe('MX');
    expect(guessCountry(['fr-CM'])).toBe('CM');
  });
});
