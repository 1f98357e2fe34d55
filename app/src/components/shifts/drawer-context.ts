import type { Currency } from '#lib/format/money.ts';

/** What every drawer form needs: the restaurant, its money and how to write it. */
export interface DrawerContext {
  restaurantId: string;
  currency: Currency;
  locale: string;
  timeZone: string;
  money: (minor: number) => string;
}
