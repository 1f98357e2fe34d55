import { calendarDateIn } from '#lib/format/datetime.ts';

/**
 * Business dates as the database counts them (orders.business_date): a day runs from the
 * restaurant's cut-off hour to the next day's, in its time zone. Used only to pick which shifts
 * to list beside a day report and which date to open first; the figures come from SQL.
 */

/** The UTC instant of a wall-clock time (`date` at `hour`:00) in `timeZone`. */
export function zonedInstant(date: string, hour: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour);
  // Two passes settle on the offset in force at that wall time (DST changes included).
  let instant = wall;
  for (let pass = 0; pass < 2; pass += 1) instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The business day's bounds [from, to) as ISO instants. */
export function businessDayBounds(date: string, cutoffHour: number, timeZone: string): { from: string; to: string } {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    from: zonedInstant(date, cutoffHour, timeZone).toISOString(),
    to: zonedInstant(next.toISOString().slice(0, 10), cutoffHour, timeZone).toISOString(),
  };
}

/** Today's business date: before the cut-off hour, it is still yesterday's. */
export function currentBusinessDate(now: Date, cutoffHour: number, timeZone: string): string {
  return calendarDateIn(new Date(now.getTime() - cutoffHour * 3_600_000), timeZone);
}

/** "2026-12-01" and nothing else (what an <input type="date"> gives). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
