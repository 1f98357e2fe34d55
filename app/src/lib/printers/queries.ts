import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';

export type Printer = Tables<'printers'>;
export type PrinterKind = Printer['kind'];

/** Query keys; writes invalidate by these. */
export const printerKeys = {
  printers: (restaurantId: string) => ['printers', restaurantId] as const,
};

export async function fetchPrinters(restaurantId: string): Promise<Printer[]> {
  const list = await read(supabase.from('printers').select('*').eq('restaurant_id', restaurantId));
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

export const printersQueryOptions = (restaurantId: string) => ({
  queryKey: printerKeys.printers(restaurantId),
  queryFn: () => fetchPrinters(restaurantId),
});
