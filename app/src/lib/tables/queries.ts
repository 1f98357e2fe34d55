import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { byPosition } from '#lib/menu/reorder.ts';
import { supabase } from '#lib/supabase.ts';

export type DiningTable = Tables<'dining_tables'>;

/** Query keys; writes invalidate by these. */
export const tableKeys = {
  tables: (restaurantId: string) => ['dining-tables', restaurantId] as const,
};

export async function fetchTables(restaurantId: string): Promise<DiningTable[]> {
  return byPosition(await read(supabase.from('dining_tables').select('*').eq('restaurant_id', restaurantId)));
}

export const tablesQueryOptions = (restaurantId: string) => ({
  queryKey: tableKeys.tables(restaurantId),
  queryFn: () => fetchTables(restaurantId),
});
