import { type Currency, type MoneyParseError, parseMoney } from '#lib/format/money.ts';

/**
 * Checks run on the checkout, refund and discount forms before anything is queued, mirroring the
 * database's (record_payment, refund_payment, apply_discount): a typing mistake is shown next to its
 * field in the person's language instead of becoming a parked command. The database checks again.
 */

/** The database's ceiling for one amount (payments.amount, shifts' floats). */
export const maxAmount = 100_000_000_000;
export const maxReferenceLength = 200;
export const maxRefundReasonLength = 500;
export const maxDiscountReasonLength = 200;

export type InputError =
  | { code: 'empty' }
  | { code: 'not_a_number' }
  | { code: 'too_many_decimals'; allowed: number }
  | { code: 'not_positive' }
  | { code: 'too_large' }
  | { code: 'over_due'; max: number }
  | { code: 'tendered_too_low'; min: number }
  | { code: 'too_long'; max: number }
  | { code: 'percent_out_of_range' };

export type Checked = { ok: true; minor: number } | { ok: false; error: InputError };

function fromParse(error: MoneyParseError): InputError {
  if (error.code === 'negative') return { code: 'not_positive' };
  return error;
}

/** A typed amount, strictly positive, in the currency's minor units (never rounded). */
export function parseAmount(text: string, currency: Currency, locale: string): Checked {
  const parsed = parseMoney(text, currency, locale, { maxMinor: maxAmount });
  if (!parsed.ok) return { ok: false, error: fromParse(parsed.error) };
  if (parsed.minor <= 0) return { ok: false, error: { code: 'not_positive' } };
  return { ok: true, minor: parsed.minor };
}

/** An optional amount (a tip): empty is zero; negative is refused. */
export function parseOptionalAmount(text: string, currency: Currency, locale: string): Checked {
  if (text.trim() === '') return { ok: true, minor: 0 };
  const parsed = parseMoney(text, currency, locale, { maxMinor: maxAmount });
  if (!parsed.ok) return { ok: false, error: fromParse(parsed.error) };
  return { ok: true, minor: parsed.minor };
}

export type PaymentMethod = 'cash' | 'card' | 'mobile_money' | 'other';

export interface TenderInput {
  method: PaymentMethod;
  amount: string;
  /** Cash only: what the customer handed over; empty means exactly the amount and the tip. */
  tendered: string;
  tip: string;
  reference: string;
}

/** A fresh form: the method kept from the last payment, the amount proposed (what is due). */
export const blankTender = (method: PaymentMethod, amount = ''): TenderInput => ({
  method,
  amount,
  tendered: '',
  tip: '',
  reference: '',
});

export interface Tender {
  method: PaymentMethod;
  amount: number;
  tendered: number | null;
  tip: number;
  reference: string | null;
}

export type TenderField = 'amount' | 'tendered' | 'tip' | 'reference';
export type TenderCheck =
  | { ok: true; tender: Tender }
  | { ok: false; errors: Partial<Record<TenderField, InputError>> };

/**
 * One payment as typed: an amount from one minor unit up to what is still due, a tip of zero or
 * more, cash tendered covering both, a reference of at most 200 characters.
 */
export function checkTender(input: TenderInput, due: number, currency: Currency, locale: string): TenderCheck {
  const errors: Partial<Record<TenderField, InputError>> = {};
  const amount = parseAmount(input.amount, currency, locale);
  if (!amount.ok) errors.amount = amount.error;
  else if (amount.minor > due) errors.amount = { code: 'over_due', max: due };
  const tip = parseOptionalAmount(input.tip, currency, locale);
  if (!tip.ok) errors.tip = tip.error;
  let tendered: number | null = null;
  if (input.method === 'cash' && input.tendered.trim() !== '') {
    const parsed = parseAmount(input.tendered, currency, locale);
    if (!parsed.ok) errors.tendered = parsed.error;
    else tendered = parsed.minor;
  }
  const reference = input.reference.trim();
  if ([...reference].length > maxReferenceLength) errors.reference = { code: 'too_long', max: maxReferenceLength };
  if (!amount.ok || !tip.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  if (input.method === 'cash' && tendered !== null && tendered < amount.minor + tip.minor) {
    return { ok: false, errors: { tendered: { code: 'tendered_too_low', min: amount.minor + tip.minor } } };
  }
  return {
    ok: true,
    tender: {
      method: input.method,
      amount: amount.minor,
      tendered: input.method === 'cash' ? (tendered ?? amount.minor + tip.minor) : null,
      tip: tip.minor,
      reference: input.method === 'mobile_money' || input.method === 'other' ? reference || null : null,
    },
  };
}

/** A refund: from one minor unit to what is still refundable on the payment. */
export function checkRefundAmount(text: string, refundable: number, currency: Currency, locale: string): Checked {
  const amount = parseAmount(text, currency, locale);
  if (!amount.ok) return amount;
  if (amount.minor > refundable) return { ok: false, error: { code: 'over_due', max: refundable } };
  return amount;
}

/** A required reason (refund, discount): trimmed, 1 to `max` characters. */
export function checkReason(text: string, max: number): InputError | null {
  const reason = text.trim();
  if (reason === '') return { code: 'empty' };
  if ([...reason].length > max) return { code: 'too_long', max };
  return null;
}

/**
 * A percentage as typed ("12.5", "12,5", "10 %") in basis points (1250), as apply_discount takes it:
 * more than 0 and at most 100, two decimals at most.
 */
export function parsePercent(text: string): Checked {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (cleaned === '') return { ok: false, error: { code: 'empty' } };
  if (/^-/.test(cleaned)) return { ok: false, error: { code: 'not_positive' } };
  const match = /^(\d{1,3})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return { ok: false, error: { code: 'not_a_number' } };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, error: { code: 'too_many_decimals', allowed: 2 } };
  const bp = Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
  if (bp <= 0) return { ok: false, error: { code: 'not_positive' } };
  if (bp > 10000) return { ok: false, error: { code: 'percent_out_of_range' } };
  return { ok: true, minor: bp };
}

/**
 * What a discount would take off `base` (the line's or the order's amount left): percent rounds
 * half up to the minor unit, as the database does; an amount is taken as it is.
 */
export function discountAmount(kind: 'percent' | 'amount', value: number, base: number): number {
  return kind === 'percent' ? Math.floor((base * value) / 10000 + 0.5) : value;
}
