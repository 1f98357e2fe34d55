import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import type { KioskMenu } from '#lib/kiosk/api.ts';

export type Money = (minor: number) => string;

/** Amounts in the restaurant's currency, written the customer's way (their language, its country). */
export function kioskMoney(menu: Pick<KioskMenu, 'restaurant'>): Money {
  return (minor) =>
    formatMoney(
      minor,
      {
        code: menu.restaurant.currency,
        exponent: menu.restaurant.currency_exponent,
        ...(menu.restaurant.country ? { region: menu.restaurant.country } : {}),
      },
      currentLocale(),
    );
}
