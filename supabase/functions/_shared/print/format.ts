/** Money and times as the restaurant shows them: Intl in its locale and timezone. */

import { clean } from './markup.ts';
import type { Money } from './types.ts';

/** A locale Intl accepts: the restaurant's, else English. */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Minor units (an integer) as a number of major units, e.g. 1250 with exponent 2 → 12.5. */
export function toMajor(amount: Money, exponent: number): number {
  const n = typeof amount === 'number' ? amount : Number(amount);
  return Number.isFinite(n) ? n / 10 ** exponent : 0;
}

/**
 * Formats minor units with the currency's exponent from the database (XOF 0, EUR 2, IDR 0, ARS 2):
 * Intl's own digits for IDR (2) would disagree with what the till charged.
 */
export function moneyFormatter(locale: string, currency: string, exponent: number): (amount: Money) => string {
  const digits = Math.min(Math.max(Math.trunc(exponent) || 0, 0), 4);
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(safeLocale(locale), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    format = new Intl.NumberFormat(safeLocale(locale), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  }
  return (amount) => clean(format.format(toMajor(amount, digits)), 60);
}

/** Date and time (24-hour) in the restaurant's timezone; '' for a missing or bad timestamp. */
export function dateTime(iso: string | null | undefined, locale: string, timeZone: string, withDate = true): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (withDate) Object.assign(options, { year: 'numeric', month: '2-digit', day: '2-digit' });
  try {
    return clean(new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone }).format(date), 60);
  } catch {
    return clean(new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone: 'UTC' }).format(date), 60);
  }
}
