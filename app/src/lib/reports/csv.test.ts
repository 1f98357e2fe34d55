import { describe, expect, it } from 'vitest';
import { csvField, decimalAmount, toCsv } from '#lib/reports/csv.ts';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Bissap')).toBe('Bissap');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling the quotes', () => {
    expect(csvField('Poulet, frites')).toBe('"Poulet, frites"');
    expect(csvField('Le "grand" menu')).toBe('"Le ""grand"" menu"');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' espace')).toBe('" espace"');
    expect(csvField('espace ')).toBe('"espace "');
  });

  it('keeps text a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+33 6')).toBe("'+33 6");
    expect(csvField('-rabais')).toBe("'-rabais");
    expect(csvField('@cmd')).toBe("'@cmd");
  });

  it('writes decimals as numbers, negative ones included, and refuses anything else', () => {
    expect(csvField({ decimal: '-12.50' })).toBe('-12.50');
    expect(csvField({ decimal: '=1+1' })).toBe('');
  });
});

describe('toCsv', () => {
  it('joins fields with commas and records with CRLF, ending with one', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        [1, null],
      ]),
    ).toBe('a,"b,c"\r\n1,\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('decimalAmount', () => {
  it('writes minor units in the currency exponent, exactly', () => {
    expect(decimalAmount(2500, 0)).toEqual({ decimal: '2500' });
    expect(decimalAmount(1250, 2)).toEqual({ decimal: '12.50' });
    expect(decimalAmount(5, 2)).toEqual({ decimal: '0.05' });
    expect(decimalAmount(-1005, 2)).toEqual({ decimal: '-10.05' });
    expect(decimalAmount(0, 2)).toEqual({ decimal: '0.00' });
    expect(decimalAmount(9_007_199_254_740_993n, 2)).toEqual({ decimal: '90071992547409.93' });
  });
});
