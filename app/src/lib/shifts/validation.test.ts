import { describe, expect, it } from 'vitest';
import { currency } from '#lib/format/money.ts';
import { checkMovementReason, checkVarianceNote, isVarianceReason, parseCashInput } from '#lib/shifts/validation.ts';

const xof = currency('XOF');
const eur = currency('EUR');

describe('parseCashInput', () => {
  it('reads a count in the currency minor units', () => {
    expect(parseCashInput('25000', xof, 'fr')).toEqual({ ok: true, minor: 25_000 });
    expect(parseCashInput('25 000', xof, 'fr')).toEqual({ ok: true, minor: 25_000 });
    expect(parseCashInput('12,50', eur, 'fr')).toEqual({ ok: true, minor: 1_250 });
    expect(parseCashInput('0', xof, 'en')).toEqual({ ok: true, minor: 0 });
  });

  it('refuses "abc", too many decimals, negatives and nothing, without rounding', () => {
    expect(parseCashInput('abc', xof, 'en')).toEqual({ ok: false, error: { code: 'not_a_number' } });
    expect(parseCashInput('12.345', eur, 'en')).toEqual({
      ok: false,
      error: { code: 'too_many_decimals', allowed: 2 },
    });
    expect(parseCashInput('12.5', xof, 'en')).toEqual({ ok: false, error: { code: 'too_many_decimals', allowed: 0 } });
    expect(parseCashInput('-500', xof, 'en')).toEqual({ ok: false, error: { code: 'negative' } });
    expect(parseCashInput('  ', xof, 'en')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseCashInput('200000000000', xof, 'en')).toEqual({ ok: false, error: { code: 'too_large' } });
  });

  it('refuses zero for a cash movement only', () => {
    expect(parseCashInput('0', xof, 'en', { allowZero: false })).toEqual({ ok: false, error: { code: 'zero' } });
    expect(parseCashInput('500', xof, 'en', { allowZero: false })).toEqual({ ok: true, minor: 500 });
  });
});

describe('reasons and notes', () => {
  it('needs 1 to 200 characters of reason once trimmed', () => {
    expect(checkMovementReason('   ')).toBe('reason_required');
    expect(checkMovementReason('Fournisseur')).toBeNull();
    expect(checkMovementReason('é'.repeat(200))).toBeNull();
    expect(checkMovementReason('é'.repeat(201))).toBe('reason_too_long');
  });

  it('allows a variance note up to 500 characters', () => {
    expect(checkVarianceNote('')).toBeNull();
    expect(checkVarianceNote('x'.repeat(501))).toBe('note_too_long');
  });

  it('knows the database variance reasons', () => {
    expect(isVarianceReason('count_error')).toBe(true);
    expect(isVarianceReason('lost')).toBe(false);
  });
});
