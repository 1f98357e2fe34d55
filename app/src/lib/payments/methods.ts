import type { PaymentMethod } from '#lib/payments/validation.ts';
import * as m from '#paraglide/messages.js';

/** The payment methods in the order the till offers them, each in words. */
export const paymentMethods: readonly { value: PaymentMethod; label: () => string }[] = [
  { value: 'cash', label: m.pay_method_cash },
  { value: 'card', label: m.pay_method_card },
  { value: 'mobile_money', label: m.pay_method_mobile_money },
  { value: 'other', label: m.pay_method_other },
];

export function methodLabel(method: PaymentMethod): string {
  return (paymentMethods.find((entry) => entry.value === method)?.label ?? m.pay_method_other)();
}
