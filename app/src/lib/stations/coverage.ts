/**
 * Which stations print nowhere: a station that menu items use but that no active kitchen printer
 * serves. The database routes a kitchen ticket to the active kitchen printers whose stations
 * include the line's station (supabase/migrations/…_printing.sql), so these items' tickets are lost
 * to the kitchen unless a cook watches the kitchen display.
 */
export interface StationGap {
  station: string;
  items: number;
}

export function stationsWithoutPrinter(
  items: readonly { station: string }[],
  printers: readonly { kind: string; active: boolean; stations: readonly string[] }[],
): StationGap[] {
  const served = new Set(printers.filter((p) => p.kind === 'kitchen' && p.active).flatMap((p) => p.stations));
  const counts = new Map<string, number>();
  for (const item of items)
    if (!served.has(item.station)) counts.set(item.station, (counts.get(item.station) ?? 0) + 1);
  return [...counts]
    .map(([station, count]) => ({ station, items: count }))
    .sort((a, b) => a.station.localeCompare(b.station));
}

/** How many items and printers name each station (the stations list shows it beside each one). */
export function stationUsage(
  items: readonly { station: string }[],
  printers: readonly { stations: readonly string[] }[],
): Map<string, { items: number; printers: number }> {
  const usage = new Map<string, { items: number; printers: number }>();
  const entry = (name: string) => {
    const found = usage.get(name) ?? { items: 0, printers: 0 };
    usage.set(name, found);
    return found;
  };
  for (const item of items) entry(item.station).items += 1;
  for (const printer of printers) for (const name of printer.stations) entry(name).printers += 1;
  return usage;
}

/** The choices of an item's station: the active stations, plus its current one if archived (so it is not lost on save). */
export function stationChoices(
  stations: readonly { name: string; active: boolean }[],
  current: string | null,
): { name: string; archived: boolean }[] {
  const choices = stations.filter((s) => s.active).map((s) => ({ name: s.name, archived: false }));
  if (current && !choices.some((c) => c.name === current)) choices.push({ name: current, archived: true });
  return choices;
}
