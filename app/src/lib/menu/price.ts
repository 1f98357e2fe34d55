import { type Currency, formatMoneyForInput, parseMoney } from '#lib/format/money.ts';
import { describeMoneyError } from '#lib/i18n/money-errors.ts';
import type { RestaurantMoney } from '#lib/menu/types.ts';

/** The database's bounds (menu_items.price, modifier_options.price_delta), in minor units. */
export const maxItemPriceMinor = 100_000_000_000;
export const maxPriceDeltaMinor = 100_000_000;

export type PriceReading = { ok: true; minor: number } | { ok: false; message: string };

export function currencyOf(money: RestaurantMoney): Currency {
  return { code: money.currency, exponent: money.exponent, region: money.country };
}

/**
 * Reads a typed item price or option price delta in the restaurant's currency, as the person
 * types it in their language. Refusals (too many decimals for the currency, negative item price,
 * beyond the database's bound) come back as the sentence to show next to the field.
 */
export function readPrice(
  input: string,
  money: RestaurantMoney,
  locale: string,
  kind: 'price' | 'delta' = 'price',
): PriceReading {
  const currency = currencyOf(money);
  // An option that costs nothing extra is the common case: an empty delta means zero.
  if (kind === 'delta' && input.trim() === '') return { ok: true, minor: 0 };
  const parsed = parseMoney(input, currency, locale, {
    allowNegative: kind === 'delta',
    maxMinor: kind === 'delta' ? maxPriceDeltaMinor : maxItemPriceMinor,
  });
  if (parsed.ok) {
    if (kind === 'delta' && parsed.minor < -maxPriceDeltaMinor) {
      return { ok: false, message: describeMoneyError({ code: 'too_large' }, currency.code, '') };
    }
    return parsed;
  }
  const example = formatMoneyForInput(
    12 * 10 ** currency.exponent + (currency.exponent > 0 ? 50 : 0),
    currency,
    locale,
  );
  return { ok: false, message: describeMoneyError(parsed.error, currency.code, example) };
}
