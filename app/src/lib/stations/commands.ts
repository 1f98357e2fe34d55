import { allOk, type DbResult, runDb } from '#lib/db.ts';
import { moveBy, positionUpdates } from '#lib/menu/reorder.ts';
import type { Station } from '#lib/stations/queries.ts';
import { supabase } from '#lib/supabase.ts';

// Station writes need the server at once (a rename rewrites items and printers there), so they
// are not queued: the screen disables them offline and says so.

export function addStation(restaurantId: string, name: string, position: number): Promise<DbResult<Station>> {
  return runDb(
    supabase.from('stations').insert({ restaurant_id: restaurantId, name: name.trim(), position }).select().single(),
    { write: 'stations' },
  );
}

/** Renames a station; the database renames it on the items and printers that use it, in the same transaction. */
export function renameStation(id: string, name: string): Promise<DbResult<Station>> {
  return runDb(supabase.from('stations').update({ name: name.trim() }).eq('id', id).select().single(), {
    write: 'stations',
  });
}

export function setStationActive(id: string, active: boolean): Promise<DbResult<Station>> {
  return runDb(supabase.from('stations').update({ active }).eq('id', id).select().single(), { write: 'stations' });
}

/** Refused with station_in_use while an item or a printer names it. */
export function deleteStation(id: string): Promise<DbResult> {
  return runDb(supabase.from('stations').delete().eq('id', id), { write: 'stations' });
}

/** Moves a station one place up or down, writing only the positions that change. */
export function moveStation(stations: readonly Station[], id: string, delta: -1 | 1): Promise<DbResult> {
  return allOk(
    positionUpdates(moveBy(stations, id, delta)).map(({ id: rowId, position }) =>
      runDb(supabase.from('stations').update({ position }).eq('id', rowId), { write: 'stations' }),
    ),
  );
}
