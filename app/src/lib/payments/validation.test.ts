import { describe, expect, it } from 'vitest';
import {
  checkReason,
  checkRefundAmount,
  checkTender,
  discountAmount,
  parseAmount,
  parsePercent,
} from '#lib/payments/validation.ts';

const xof = { code: 'XOF', exponent: 0 };
const eur = { code: 'EUR', exponent: 2 };
const blank = { method: 'cash' as const, amount: '', tendered: '', tip: '', reference: '' };

describe('parseAmount', () => {
  it('reads amounts in minor units, in the person’s format', () => {
    expect(parseAmount('3500', xof, 'fr')).toEqual({ ok: true, minor: 3500 });
    expect(parseAmount('12,50', eur, 'fr')).toEqual({ ok: true, minor: 1250 });
    expect(parseAmount('12.5', eur, 'en')).toEqual({ ok: true, minor: 1250 });
  });

  it('refuses too many decimals, zero, negative and words', () => {
    expect(parseAmount('12.345', eur, 'en')).toEqual({ ok: false, error: { code: 'too_many_decimals', allowed: 2 } });
    expect(parseAmount('12.5', xof, 'en')).toEqual({ ok: false, error: { code: 'too_many_decimals', allowed: 0 } });
    expect(parseAmount('0', xof, 'en')).toEqual({ ok: false, error: { code: 'not_positive' } });
    expect(parseAmount('-5', xof, 'en')).toEqual({ ok: false, error: { code: 'not_positive' } });
    expect(parseAmount('abc', xof, 'en')).toEqual({ ok: false, error: { code: 'not_a_number' } });
    expect(parseAmount('', xof, 'en')).toEqual({ ok: false, error: { code: 'empty' } });
  });
});

describe('checkTender', () => {
  it('takes cash with change, tendered defaulting to the amount and tip', () => {
    expect(checkTender({ ...blank, amount: '3500', tendered: '5000' }, 3500, xof, 'en')).toEqual({
      ok: true,
      tender: { method: 'cash', amount: 3500, tendered: 5000, tip: 0, reference: null },
    });
    expect(checkTender({ ...blank, amount: '3500', tip: '500' }, 3500, xof, 'en')).toEqual({
      ok: true,
      tender: { method: 'cash', amount: 3500, tendered: 4000, tip: 500, reference: null },
    });
  });

  it('refuses tendered less than the amount and tip', () => {
    expect(checkTender({ ...blank, amount: '3500', tendered: '3000' }, 3500, xof, 'en')).toEqual({
      ok: false,
      errors: { tendered: { code: 'tendered_too_low', min: 3500 } },
    });
    expect(checkTender({ ...blank, amount: '3500', tendered: '3600', tip: '200' }, 3500, xof, 'en')).toEqual({
      ok: false,
      errors: { tendered: { code: 'tendered_too_low', min: 3700 } },
    });
  });

  it('refuses more than is due, and bad amounts', () => {
    expect(checkTender({ ...blank, amount: '4000' }, 3500, xof, 'en')).toEqual({
      ok: false,
      errors: { amount: { code: 'over_due', max: 3500 } },
    });
    expect(checkTender({ ...blank, method: 'card', amount: '0' }, 3500, xof, 'en')).toEqual({
      ok: false,
      errors: { amount: { code: 'not_positive' } },
    });
    expect(checkTender({ ...blank, method: 'card', amount: '10', tip: '-1' }, 3500, xof, 'en')).toEqual({
      ok: false,
      errors: { tip: { code: 'not_positive' } },
    });
  });

  it('keeps a reference for mobile money, no tendered for card', () => {
    expect(
      checkTender({ ...blank, method: 'mobile_money', amount: '12,00', reference: ' OM-123 ' }, 5000, eur, 'fr'),
    ).toEqual({
      ok: true,
      tender: { method: 'mobile_money', amount: 1200, tendered: null, tip: 0, reference: 'OM-123' },
    });
    expect(checkTender({ ...blank, method: 'card', amount: '10', tendered: '50' }, 5000, eur, 'en')).toEqual({
      ok: true,
      tender: { method: 'card', amount: 1000, tendered: null, tip: 0, reference: null },
    });
    expect(
      checkTender({ ...blank, method: 'other', amount: '10', reference: 'x'.repeat(201) }, 5000, eur, 'en'),
    ).toEqual({ ok: false, errors: { reference: { code: 'too_long', max: 200 } } });
  });
});

describe('refunds and discounts', () => {
  it('refuses a refund over what is refundable', () => {
    expect(checkRefundAmount('2000', 1500, xof, 'en')).toEqual({ ok: false, error: { code: 'over_due', max: 1500 } });
    expect(checkRefundAmount('1500', 1500, xof, 'en')).toEqual({ ok: true, minor: 1500 });
  });

  it('needs a reason within the limit', () => {
    expect(checkReason('  ', 200)).toEqual({ code: 'empty' });
    expect(checkReason('x'.repeat(201), 200)).toEqual({ code: 'too_long', max: 200 });
    expect(checkReason('Regular', 200)).toBeNull();
  });

  it('reads percentages in basis points, over 0 and up to 100', () => {
    expect(parsePercent('12.5')).toEqual({ ok: true, minor: 1250 });
    expect(parsePercent('12,5 %')).toEqual({ ok: true, minor: 1250 });
    expect(parsePercent('100')).toEqual({ ok: true, minor: 10000 });
    expect(parsePercent('100.01')).toEqual({ ok: false, error: { code: 'percent_out_of_range' } });
    expect(parsePercent('150')).toEqual({ ok: false, error: { code: 'percent_out_of_range' } });
    expect(parsePercent('0')).toEqual({ ok: false, error: { code: 'not_positive' } });
    expect(parsePercent('-5')).toEqual({ ok: false, error: { code: 'not_positive' } });
    expect(parsePercent('1.234')).toEqual({ ok: false, error: { code: 'too_many_decimals', allowed: 2 } });
    expect(parsePercent('abc')).toEqual({ ok: false, error: { code: 'not_a_number' } });
  });

  it('rounds a percent discount half up to the minor unit', () => {
    expect(discountAmount('percent', 1250, 3500)).toBe(438); // 437.5
    expect(discountAmount('percent', 1000, 1234)).toBe(123); // 123.4
    expect(discountAmount('amount', 500, 3500)).toBe(500);
  });
});
