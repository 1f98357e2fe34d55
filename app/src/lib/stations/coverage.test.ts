import { describe, expect, it } from 'vitest';
import { stationChoices, stationsWithoutPrinter, stationUsage } from '#lib/stations/coverage.ts';

const printer = (stations: string[], extra: { kind?: string; active?: boolean } = {}) => ({
  kind: extra.kind ?? 'kitchen',
  active: extra.active ?? true,
  stations,
});

describe('stationsWithoutPrinter', () => {
  it('names each station items use that no active kitchen printer serves, with its item count', () => {
    const items = [{ station: 'Cuisine' }, { station: 'Bar' }, { station: 'Grill' }, { station: 'Grill' }];
    expect(stationsWithoutPrinter(items, [printer(['Cuisine'])])).toEqual([
      { station: 'Bar', items: 1 },
      { station: 'Grill', items: 2 },
    ]);
  });

  it('an inactive printer or a receipt printer does not count; a station no item uses is not a gap', () => {
    const items = [{ station: 'Bar' }];
    expect(stationsWithoutPrinter(items, [printer(['Bar'], { active: false })])).toEqual([
      { station: 'Bar', items: 1 },
    ]);
    expect(stationsWithoutPrinter(items, [printer(['Bar'], { kind: 'receipt' })])).toEqual([
      { station: 'Bar', items: 1 },
    ]);
    expect(stationsWithoutPrinter(items, [printer(['Bar', 'Terrace'])])).toEqual([]);
    expect(stationsWithoutPrinter([], [])).toEqual([]);
  });

  it('matches names exactly, as the database routes tickets', () => {
    expect(stationsWithoutPrinter([{ station: 'Bar' }], [printer(['bar'])])).toEqual([{ station: 'Bar', items: 1 }]);
  });
});

describe('stationUsage', () => {
  it('counts items and printers per station', () => {
    const usage = stationUsage([{ station: 'Bar' }, { station: 'Bar' }], [{ stations: ['Bar', 'Cuisine'] }]);
    expect(Object.fromEntries(usage)).toEqual({ Bar: { items: 2, printers: 1 }, Cuisine: { items: 0, printers: 1 } });
  });
});

describe('stationChoices', () => {
  const stations = [
    { name: 'Cuisine', active: true },
    { name: 'Grill', active: false },
    { name: 'Bar', active: true },
  ];

  it('offers the active stations in order', () => {
    expect(stationChoices(stations, 'Bar')).toEqual([
      { name: 'Cuisine', archived: false },
      { name: 'Bar', archived: false },
    ]);
  });

  it("keeps an item's archived station as a choice so saving it does not move the item", () => {
    expect(stationChoices(stations, 'Grill').at(-1)).toEqual({ name: 'Grill', archived: true });
    expect(stationChoices(stations, null)).toHaveLength(2);
  });
});
