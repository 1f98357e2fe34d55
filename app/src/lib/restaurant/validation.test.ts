import { describe, expect, it } from 'vitest';
import {
  formatTaxRate,
  normalizeJoinCode,
  parseTaxRate,
  suggestSlug,
  validateCutoffHour,
  validateName,
  validateReceiptText,
  validateSlug,
  validateTimeZone,
} from '#lib/restaurant/validation.ts';

// The database's rule (restaurants.slug check), to prove suggestions always satisfy it.
const databaseSlug = (s: string) => /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/.test(s) && !s.includes('--');

describe('suggestSlug', () => {
  it.each([
    ['Maquis Chez Awa', 'maquis-chez-awa'],
    ['Café Olé!', 'cafe-ole'],
    ['  Warung   Bu Sri  ', 'warung-bu-sri'],
    ["L'Œuf & Co", 'l-oeuf-co'],
    ['Straße 12', 'strasse-12'],
    ['Parrilla "El Año"', 'parrilla-el-ano'],
  ])('turns %j into %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
    expect(databaseSlug(slug)).toBe(true);
  });

  it('cuts long names on a word boundary within 40 characters', () => {
    const slug = suggestSlug('The Very Long Name Of A Restaurant By The Sea In Grand-Bassam');
    expect(slug).toBe('the-very-long-name-of-a-restaurant-by');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(validateSlug(slug)).toBeNull();
  });

  it('gives nothing usable for a name without letters or digits, which validation then reports', () => {
    expect(suggestSlug('★★★')).toBe('');
    expect(validateSlug(suggestSlug('★★★'))).toEqual({ code: 'required' });
  });
});

describe('validateSlug', () => {
  it.each([
    ['', 'required'],
    ['ab', 'slug_too_short'],
    ['Chez-Awa', 'slug_characters'],
    ['chez awa', 'slug_characters'],
    ['-chez', 'slug_edges'],
    ['chez-', 'slug_edges'],
    ['chez--awa', 'slug_double_hyphen'],
    ['a'.repeat(41), 'too_long'],
  ])('refuses %j (%s)', (slug, code) => {
    expect(validateSlug(slug)?.code).toBe(code);
    expect(databaseSlug(slug)).toBe(false);
  });

  it.each(['abc', 'chez-awa', 'a'.repeat(40), '24-7'])('accepts %j like the database', (slug) => {
    expect(validateSlug(slug)).toBeNull();
    expect(databaseSlug(slug)).toBe(true);
  });
});

describe('validateName', () => {
  it('needs something other than spaces and at most 100 characters', () => {
    expect(validateName('   ')).toEqual({ code: 'required' });
    expect(validateName('x'.repeat(101))).toEqual({ code: 'too_long', max: 100 });
    expect(validateName(' Chez Awa ')).toBeNull();
  });
});

describe('parseTaxRate', () => {
  it.each([
    ['18', 1800],
    ['5,5', 550],
    ['5.5 %', 550],
    ['20.25', 2025],
    ['0', 0],
    ['100', 10_000],
  ])('reads %j as %i basis points', (text, bp) => {
    expect(parseTaxRate(text)).toEqual({ ok: true, bp });
  });

  it.each([
    ['', 'required'],
    ['abc', 'tax_rate_format'],
    ['5.555', 'tax_rate_format'],
    ['-5', 'tax_rate_format'],
    ['100.01', 'tax_rate_range'],
    ['250', 'tax_rate_range'],
  ])('refuses %j (%s)', (text, code) => {
    expect(parseTaxRate(text)).toEqual({ ok: false, error: { code } });
  });

  it('formats basis points back as the locale writes them', () => {
    expect(formatTaxRate(550, 'fr')).toBe('5,5');
    expect(formatTaxRate(1800, 'en')).toBe('18');
  });
});

describe('other settings', () => {
  it('bounds the cut-off hour to 0–23 whole hours', () => {
    expect(validateCutoffHour(0)).toBeNull();
    expect(validateCutoffHour(23)).toBeNull();
    expect(validateCutoffHour(24)).toEqual({ code: 'cutoff_range' });
    expect(validateCutoffHour(4.5)).toEqual({ code: 'cutoff_range' });
  });

  it('bounds receipt text to 500 characters, counting emoji once', () => {
    expect(validateReceiptText('🍲'.repeat(500))).toBeNull();
    expect(validateReceiptText('x'.repeat(501))).toEqual({ code: 'too_long', max: 500 });
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(validateTimeZone('Africa/Abidjan')).toBeNull();
    expect(validateTimeZone('Mars/Olympus')).toEqual({ code: 'timezone_unknown' });
    expect(validateTimeZone('')).toEqual({ code: 'required' });
  });
});

describe('normalizeJoinCode', () => {
  it('accepts lower case, spaces and dashes as typed from a phone', () => {
    expect(normalizeJoinCode(' abcd-efgh jk ')).toEqual({ ok: true, code: 'ABCDEFGHJK' });
  });

  it.each([
    ['', 'required'],
    ['ABCDEFGHJ', 'join_code_format'],
    ['ABCDEFGHJKM', 'join_code_format'],
    ['ABCDEFGH0O', 'join_code_format'],
    ['ABCDEFGHIL', 'join_code_format'],
  ])('refuses %j before asking the database (%s)', (code, expected) => {
    const result = normalizeJoinCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(expected);
  });
});
