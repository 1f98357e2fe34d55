import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { byPosition } from '#lib/menu/reorder.ts';
import { supabase } from '#lib/supabase.ts';

export type Station = Tables<'stations'>;

/** Query keys; writes invalidate by these. */
export const stationKeys = {
  stations: (restaurantId: string) => ['stations', restaurantId] as const,
};

/** The restaurant's stations in their order, archived ones included (items may still name them). */
export async function fetchStations(restaurantId: string): Promise<Station[]> {
  return byPosition(await read(supabase.from('stations').select('*').eq('restaurant_id', restaurantId)));
}

// Persisted with the other queries, so the lists read from the device's cache when offline.
export const stationsQueryOptions = (restaurantId: string) => ({
  queryKey: stationKeys.stations(restaurantId),
  queryFn: () => fetchStations(restaurantId),
});
