import type { Accessor } from 'solid-js';
import { formatMoney } from '#lib/format/money.ts';
import type { GuestMenu } from '#lib/guest/api.ts';
import { currentLocale } from '#lib/i18n/locale.ts';

export type Money = (minor: number) => string;

/** Amounts in the restaurant's currency, written the guest's way (their language, its country). */
export function moneyFormatter(menu: Accessor<GuestMenu | null>): Money {
  return (minor) => {
    const restaurant = menu()?.restaurant;
    if (!restaurant) return '';
    return formatMoney(
      minor,
      {
        code: restaurant.currency,
        exponent: restaurant.currency_exponent,
        ...(restaurant.country ? { region: restaurant.country } : {}),
      },
      currentLocale(),
    );
  };
}
