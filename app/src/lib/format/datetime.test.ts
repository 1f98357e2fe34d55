import { describe, expect, it } from 'vitest';
import { calendarDateIn, formatDate, formatDateTime, formatTime, isValidTimeZone } from '#lib/format/datetime.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
// 23:30 UTC on 21 Nov 2026: still the 21st in Dakar, already the 22nd in Jakarta.
const instant = '2026-11-21T23:30:00Z';

describe('datetime in the restaurant timezone', () => {
  it('shows times in the given zone, not the device zone', () => {
    expect(formatTime(instant, { timeZone: 'Africa/Dakar', locale: 'fr' })).toBe('23:30');
    expect(formatTime(instant, { timeZone: 'Asia/Jakarta', locale: 'id' })).toBe('06.30');
    expect(plain(formatTime(instant, { timeZone: 'America/Argentina/Buenos_Aires', locale: 'en' }))).toBe('8:30 PM');
  });

  it('shows the date of the instant in that zone', () => {
    expect(formatDate(instant, { timeZone: 'Africa/Dakar', locale: 'fr' })).toBe('21 nov. 2026');
    expect(formatDate(instant, { timeZone: 'Asia/Jakarta', locale: 'es' })).toBe('22 nov 2026');
    expect(plain(formatDateTime(instant, { timeZone: 'Europe/Paris', locale: 'en' }))).toBe('Nov 22, 2026, 12:30 AM');
    expect(calendarDateIn(instant, 'Africa/Dakar')).toBe('2026-11-21');
    expect(calendarDateIn(instant, 'Asia/Jakarta')).toBe('2026-11-22');
  });

  it('rejects invalid instants and zones', () => {
    expect(() => formatTime('yesterday', { timeZone: 'UTC', locale: 'en' })).toThrow(RangeError);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
