import type { TablesInsert, TablesUpdate } from '#lib/database.types.ts';
import { type DbResult, runDb } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';
import type { DiningTable } from '#lib/tables/queries.ts';

export function addTable(values: TablesInsert<'dining_tables'>): Promise<DbResult<DiningTable>> {
  return runDb(supabase.from('dining_tables').insert(values).select().single(), { write: 'dining_tables' });
}

export function updateTable(id: string, values: TablesUpdate<'dining_tables'>): Promise<DbResult<DiningTable>> {
  return runDb(supabase.from('dining_tables').update(values).eq('id', id).select().single(), {
    write: 'dining_tables',
  });
}

export function deleteTable(id: string): Promise<DbResult> {
  return runDb(supabase.from('dining_tables').delete().eq('id', id), { write: 'dining_tables' });
}

/** A new QR token: the printed code stops working (someone photographed it and orders from home). */
export function rotateTableToken(tableId: string) {
  return runDb(supabase.rpc('rotate_table_token', { p_table_id: tableId }), { write: 'dining_tables' });
}
