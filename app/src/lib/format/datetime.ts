/**
 * Dates and times as the restaurant sees them: always in its timezone (from the restaurant row),
 * never the device's, so a cashier's tablet set to another zone shows the same times as the
 * receipts. Business dates are the database's job; this only displays instants.
 */
export interface ZonedFormatOptions {
  timeZone: string;
  locale: string;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = cache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    cache.set(key, cached);
  }
  return cached;
}

function toDate(instant: Date | string | number): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return date;
}

/** "14:05" (or "2:05 PM" in English) in the restaurant's timezone. */
export function formatTime(instant: Date | string | number, { timeZone, locale }: ZonedFormatOptions): string {
  return dateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(toDate(instant));
}

/** "21 nov. 2026" style medium date in the restaurant's timezone. */
export function formatDate(instant: Date | string | number, { timeZone, locale }: ZonedFormatOptions): string {
  return dateTimeFormat(locale, { timeZone, dateStyle: 'medium' }).format(toDate(instant));
}

export function formatDateTime(instant: Date | string | number, { timeZone, locale }: ZonedFormatOptions): string {
  return dateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(toDate(instant));
}

/** The calendar date ("2026-11-21") of an instant in a timezone, for grouping lists by day. */
export function calendarDateIn(instant: Date | string | number, timeZone: string): string {
  const parts = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    toDate(instant),
  );
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whether the runtime knows the IANA zone name (the database checks it too; this is for forms). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
