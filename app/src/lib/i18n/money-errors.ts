import type { MoneyParseError } from '#lib/format/money.ts';
import * as m from '#paraglide/messages.js';

/** A price typed in a form (lib/format/money.ts parses it), refused in the user's language. */
export function describeMoneyError(error: MoneyParseError, currencyCode: string, example: string): string {
  switch (error.code) {
    case 'empty':
      return m.price_error_empty();
    case 'not_a_number':
      return m.price_error_not_a_number({ example });
    case 'too_many_decimals':
      return error.allowed === 0
        ? m.price_error_no_decimals({ currency: currencyCode })
        : m.price_error_too_many_decimals({ currency: currencyCode, allowed: error.allowed });
    case 'negative':
      return m.price_error_negative();
    case 'too_large':
      return m.price_error_too_large();
  }
}
