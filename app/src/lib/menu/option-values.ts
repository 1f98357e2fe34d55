import { formatMoneyForInput } from '#lib/format/money.ts';
import { describeAdminFieldError } from '#lib/menu/errors.ts';
import { currencyOf, readPrice } from '#lib/menu/price.ts';
import type { RestaurantMoney } from '#lib/menu/types.ts';
import { checkName } from '#lib/menu/validation.ts';

/** modifier_options.name's check: 1 to 80 characters once trimmed. */
export const optionNameMax = 80;

/** What the option forms write: the name and the price change in minor units. */
export interface OptionValues {
  name: string;
  price_delta: number;
}

/** The option form's fields (as the database names them), for `fieldErrorFor`. */
export const optionFields = ['name', 'price_delta'] as const;

/** The option form's fields, plus `form` for refusals that concern no single field. */
export type OptionErrors = Partial<Record<'name' | 'price_delta' | 'form', string>>;

export type OptionReading = { ok: true; values: OptionValues } | { ok: false; errors: OptionErrors };

/**
 * Checks a typed option name and price change as the database would (name length, delta within
 * ±1,000,000 units and no more decimals than the currency has), so nothing doomed is sent.
 */
export function readOptionValues(
  typed: { name: string; delta: string },
  money: RestaurantMoney,
  locale: string,
): OptionReading {
  const nameError = checkName(typed.name, optionNameMax);
  const delta = readPrice(typed.delta, money, locale, 'delta');
  if (nameError === null && delta.ok)
    return { ok: true, values: { name: typed.name.trim(), price_delta: delta.minor } };
  const errors: OptionErrors = {};
  if (nameError !== null) errors.name = describeAdminFieldError(nameError);
  if (!delta.ok) errors.price_delta = delta.message;
  return { ok: false, errors };
}

/** An option's stored price change as the person would type it back ("-0,50", "1500"). */
export function deltaForInput(minor: number, money: RestaurantMoney, locale: string): string {
  return formatMoneyForInput(minor, currencyOf(money), locale);
}
