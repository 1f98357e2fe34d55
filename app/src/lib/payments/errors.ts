import type { DbFailure } from '#lib/db.ts';
import type { Currency } from '#lib/format/money.ts';
import { formatMoney } from '#lib/format/money.ts';
import { describeFailure } from '#lib/i18n/errors.ts';
import type { InputError } from '#lib/payments/validation.ts';
import * as m from '#paraglide/messages.js';

/**
 * The codes of record_payment, refund_payment, apply_discount and remove_discount
 * (supabase/migrations) in the person's language; anything else falls back to the shared describer.
 * Listed one by one so unused messages tree-shake.
 */
const paymentCodes: Record<string, () => string> = {
  idempotency_conflict: m.db_error_idempotency_conflict,
  invalid_amount: m.db_error_invalid_amount,
  invalid_tip: m.db_error_invalid_tip,
  // Above the one ceiling an order's total and a payment share (supabase/migrations/…_money_ceiling.sql).
  amount_too_large: m.db_error_amount_too_large,
  order_not_found: m.db_error_order_not_found,
  order_not_payable: m.db_error_order_not_payable,
  overpayment: m.db_error_overpayment,
  payment_not_found: m.db_error_payment_not_found,
  reason_required: m.db_error_reason_required,
  reason_too_long: m.db_error_reason_too_long,
  reference_too_long: m.db_error_reference_too_long,
  refund_exceeds_payment: m.db_error_refund_exceeds_payment,
  shift_closed: m.db_error_shift_closed,
  shift_not_found: m.db_error_shift_not_found,
  shift_required: m.db_error_shift_required,
  tendered_not_cash: m.db_error_tendered_not_cash,
  tendered_too_low: m.db_error_tendered_too_low,
  line_not_found: m.db_error_line_not_found,
  invalid_discount: m.db_error_invalid_discount,
  discount_exceeds_amount: m.db_error_discount_exceeds_amount,
  discount_over_limit: m.db_error_discount_over_limit,
  discount_below_paid: m.db_error_discount_below_paid,
  order_not_discountable: m.db_error_order_not_discountable,
  discount_not_found: m.db_error_discount_not_found,
};

export function describePaymentFailure(failure: Pick<DbFailure, 'code'>): string {
  const translated = paymentCodes[failure.code];
  return translated ? translated() : describeFailure(failure);
}

/** A form field's mistake (validation.ts) in the person's language, amounts in the currency. */
export function describeInputError(error: InputError, currency: Currency, locale: string): string {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  switch (error.code) {
    case 'empty':
      return m.pay_error_empty();
    case 'not_a_number':
      return m.pay_error_not_a_number();
    case 'too_many_decimals':
      return error.allowed === 0
        ? m.pay_error_no_decimals()
        : m.pay_error_too_many_decimals({ allowed: error.allowed });
    case 'not_positive':
      return m.pay_error_not_positive();
    case 'too_large':
      return m.pay_error_too_large();
    case 'over_due':
      return m.pay_error_over_due({ max: money(error.max) });
    case 'tendered_too_low':
      return m.pay_error_tendered_too_low({ min: money(error.min) });
    case 'too_long':
      return m.pay_error_too_long({ max: error.max });
    case 'percent_out_of_range':
      return m.pay_error_percent_out_of_range();
  }
}

/** Every field's mistake in words, for a form's error props. */
export function describeInputErrors<Field extends string>(
  errors: Partial<Record<Field, InputError>>,
  currency: Currency,
  locale: string,
): Partial<Record<Field, string>> {
  const described: Partial<Record<Field, string>> = {};
  for (const [field, error] of Object.entries(errors) as [Field, InputError | undefined][]) {
    if (error) described[field] = describeInputError(error, currency, locale);
  }
  return described;
}
