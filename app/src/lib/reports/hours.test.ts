import { describe, expect, it } from 'vitest';
import { hourRange, hourSlots } from '#lib/reports/hours.ts';

describe('sales by hour', () => {
  it('fills the quiet hours between the first and the last with zeros', () => {
    expect(
      hourSlots([
        { hour: 14, orders: 1, total: 500 },
        { hour: 11, orders: 2, total: 900 },
      ]).map((row) => [row.hour, row.total]),
    ).toEqual([
      [11, 900],
      [12, 0],
      [13, 0],
      [14, 500],
    ]);
    expect(hourSlots([])).toEqual([]);
  });

  it('names an hour by its range, midnight included', () => {
    expect(hourRange(8)).toBe('08:00–09:00');
    expect(hourRange(23)).toBe('23:00–00:00');
  });
});
