import { describe, expect, it } from 'vitest';
import { byPosition, moveBy, moveTo, nextPosition, positionUpdates } from '#lib/menu/reorder.ts';

const rows = [
  { id: 'a', position: 0 },
  { id: 'b', position: 1 },
  { id: 'c', position: 2 },
  { id: 'd', position: 3 },
];
const ids = (list: { id: string }[]) => list.map((r) => r.id).join('');

describe('reorder', () => {
  it('moves a dragged row to the drop position', () => {
    expect(ids(moveTo(rows, 0, 2))).toBe('bcad');
    expect(ids(moveTo(rows, 3, 0))).toBe('dabc');
  });

  it('clamps out-of-range targets and ignores unknown sources', () => {
    expect(ids(moveTo(rows, 1, 99))).toBe('acdb');
    expect(ids(moveTo(rows, 7, 0))).toBe('abcd');
  });

  it('moves one step with the up/down buttons, not past the ends', () => {
    expect(ids(moveBy(rows, 'c', -1))).toBe('acbd');
    expect(ids(moveBy(rows, 'a', -1))).toBe('abcd');
    expect(ids(moveBy(rows, 'd', 1))).toBe('abcd');
    expect(ids(moveBy(rows, 'zz', 1))).toBe('abcd');
  });

  it('writes only the rows whose position changes', () => {
    expect(positionUpdates(moveBy(rows, 'c', -1))).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
    expect(positionUpdates(rows)).toEqual([]);
  });

  it('renumbers gaps and duplicates from zero', () => {
    const messy = byPosition([
      { id: 'y', position: 5 },
      { id: 'x', position: 5 },
      { id: 'z', position: 9 },
    ]);
    expect(ids(messy)).toBe('xyz');
    expect(positionUpdates(messy)).toEqual([
      { id: 'x', position: 0 },
      { id: 'y', position: 1 },
      { id: 'z', position: 2 },
    ]);
  });

  it('appends after the last position', () => {
    expect(nextPosition(rows)).toBe(4);
    expect(nextPosition([])).toBe(0);
  });
});
