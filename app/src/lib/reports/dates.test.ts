import { describe, expect, it } from 'vitest';
import { businessDayBounds, currentBusinessDate, isIsoDate, zonedInstant } from '#lib/reports/dates.ts';

describe('business days', () => {
  it('finds the instant of a wall-clock hour in a time zone', () => {
    expect(zonedInstant('2026-12-01', 4, 'Africa/Abidjan').toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(zonedInstant('2026-12-01', 4, 'Asia/Jakarta').toISOString()).toBe('2026-11-30T21:00:00.000Z');
    expect(zonedInstant('2026-07-01', 4, 'Europe/Paris').toISOString()).toBe('2026-07-01T02:00:00.000Z');
  });

  it('runs a business day from the cut-off hour to the next day', () => {
    expect(businessDayBounds('2026-12-31', 4, 'America/Argentina/Buenos_Aires')).toEqual({
      from: '2026-12-31T07:00:00.000Z',
      to: '2027-01-01T07:00:00.000Z',
    });
  });

  it('is still yesterday before the cut-off hour', () => {
    expect(currentBusinessDate(new Date('2026-12-02T02:30:00Z'), 4, 'Africa/Abidjan')).toBe('2026-12-01');
    expect(currentBusinessDate(new Date('2026-12-02T05:00:00Z'), 4, 'Africa/Abidjan')).toBe('2026-12-02');
  });

  it('accepts real ISO dates only', () => {
    expect(isIsoDate('2026-12-01')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('01/12/2026')).toBe(false);
  });
});
