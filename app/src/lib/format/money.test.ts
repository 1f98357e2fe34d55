import { describe, expect, it } from 'vitest';
import { currency, formatMoney, formatMoneyForInput, moneyLocale, parseMoney } from '#lib/format/money.ts';

// Intl separates groups and symbols with (narrow) no-break spaces; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const XOF = currency('XOF');
const IDR = currency('IDR');
const EUR = currency('EUR');
const ARS = currency('ARS');
const USD = currency('USD');

describe('formatMoney', () => {
  it('formats zero-decimal currencies without decimals', () => {
    expect(plain(formatMoney(2500, XOF, 'fr'))).toBe('2 500 F CFA');
    expect(plain(formatMoney(15000, IDR, 'id'))).toBe('Rp 15.000');
    // The local symbol, not the ISO code English CLDR shows for a foreign currency (was "IDR 15,000").
    expect(plain(formatMoney(15000, IDR, 'en'))).toBe('Rp 15,000');
  });

  it('formats two-decimal currencies from minor units', () => {
    expect(plain(formatMoney(1250, EUR, 'fr'))).toBe('12,50 €');
    expect(plain(formatMoney(1250, EUR, 'en'))).toBe('€12.50');
    // Was "1234,56 ARS": Spanish CLDR shows the ISO code and leaves four-digit amounts ungrouped, so
    // a list showed "4500,00 ARS" beside "12.500,00 ARS". Now the symbol, and always grouped.
    expect(plain(formatMoney(123456, ARS, 'es'))).toBe('1.234,56 $');
    expect(plain(formatMoney(450000, ARS, 'es'))).toBe('4.500,00 $');
    expect(plain(formatMoney(1250000, ARS, 'es'))).toBe('12.500,00 $');
    expect(plain(formatMoney(5, USD, 'en'))).toBe('$0.05');
  });

  it("writes amounts the way the restaurant's country does, in the person's language", () => {
    const argentina = { ...ARS, region: 'AR' };
    expect(plain(formatMoney(450000, argentina, 'es'))).toBe('$ 4.500,00');
    expect(plain(formatMoney(1250000, argentina, 'es'))).toBe('$ 12.500,00');
    expect(plain(formatMoney(450000, argentina, 'en'))).toBe('$4,500.00');
    expect(plain(formatMoney(2500, { ...XOF, region: 'CI' }, 'fr'))).toBe('2 500 F CFA');
    expect(plain(formatMoney(15000, { ...IDR, region: 'ID' }, 'id'))).toBe('Rp 15.000');
    expect(moneyLocale('es', 'AR')).toBe('es-AR');
    expect(moneyLocale('fr-FR', 'CI')).toBe('fr-CI');
    expect(moneyLocale('es', 'argentina')).toBe('es');
    expect(moneyLocale('es')).toBe('es');
  });

  it('formats negative and very large amounts exactly', () => {
    expect(plain(formatMoney(-1250, EUR, 'en'))).toBe('-€12.50');
    expect(plain(formatMoney(123456789012345678n, EUR, 'en'))).toBe('€1,234,567,890,123,456.78');
  });

  it('uses the exponent it is given, not the CLDR default', () => {
    expect(plain(formatMoney(150, { code: 'IDR', exponent: 2 }, 'id'))).toBe('Rp 1,50');
  });

  it('writes amounts back the way they are typed', () => {
    expect(formatMoneyForInput(123456, EUR, 'fr')).toBe('1234,56');
    expect(formatMoneyForInput(15000, IDR, 'id')).toBe('15000');
  });
});

describe('parseMoney', () => {
  const ok = (minor: number) => ({ ok: true, minor });
  const error = (code: string, extra: object = {}) => ({ ok: false, error: { code, ...extra } });

  it('reads whole amounts in zero-decimal currencies', () => {
    expect(parseMoney('2500', XOF, 'fr')).toEqual(ok(2500));
    expect(parseMoney('2 500 F CFA', XOF, 'fr')).toEqual(ok(2500));
    expect(parseMoney('15.000', IDR, 'id')).toEqual(ok(15000));
    expect(parseMoney('Rp 1.250.000', IDR, 'id')).toEqual(ok(1250000));
  });

  it('refuses decimals in zero-decimal currencies', () => {
    expect(parseMoney('2500,5', XOF, 'fr')).toEqual(error('too_many_decimals', { allowed: 0 }));
    expect(parseMoney('12.5', IDR, 'en')).toEqual(error('too_many_decimals', { allowed: 0 }));
  });

  it('reads two-decimal amounts with the locale decimal mark, or either mark when unambiguous', () => {
    expect(parseMoney('12,50', EUR, 'fr')).toEqual(ok(1250));
    expect(parseMoney('12.5', EUR, 'fr')).toEqual(ok(1250));
    expect(parseMoney('12', EUR, 'fr')).toEqual(ok(1200));
    expect(parseMoney('1 234,56 €', EUR, 'fr')).toEqual(ok(123456));
    expect(parseMoney('1.234,56', ARS, 'es')).toEqual(ok(123456));
    expect(parseMoney('$1,234.56', USD, 'en')).toEqual(ok(123456));
    expect(parseMoney('1,000', USD, 'en')).toEqual(ok(100000));
    expect(parseMoney('.5', USD, 'en')).toEqual(ok(50));
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(parseMoney('12,505', EUR, 'fr')).toEqual(error('too_many_decimals', { allowed: 2 }));
    expect(parseMoney('1.000', EUR, 'fr')).toEqual(error('too_many_decimals', { allowed: 2 }));
    expect(parseMoney('0.001', USD, 'en')).toEqual(error('too_many_decimals', { allowed: 2 }));
  });

  it('refuses what is not an amount', () => {
    expect(parseMoney('', EUR, 'en')).toEqual(error('empty'));
    expect(parseMoney('   ', EUR, 'en')).toEqual(error('empty'));
    for (const input of ['abc', '12a', '1,2,3.4.5', '12.', '1..2', '10.00.0', '-', '1e3']) {
      expect(parseMoney(input, EUR, 'en'), input).toEqual(error('not_a_number'));
    }
  });

  it('refuses negative prices unless asked for a price delta', () => {
    expect(parseMoney('-1,50', EUR, 'fr')).toEqual(error('negative'));
    expect(parseMoney('-1,50', EUR, 'fr', { allowNegative: true })).toEqual(ok(-150));
    expect(parseMoney('−500', XOF, 'fr', { allowNegative: true })).toEqual(ok(-500));
  });

  it('refuses amounts over the limit', () => {
    expect(parseMoney('100000', EUR, 'en', { maxMinor: 9_999_999 })).toEqual(error('too_large'));
    expect(parseMoney('99999999999999999999', XOF, 'fr')).toEqual(error('too_large'));
  });
});
