import type { TablesInsert, TablesUpdate } from '#lib/database.types.ts';
import { type DbResult, runDb } from '#lib/db.ts';
import type { Printer } from '#lib/printers/queries.ts';
import { supabase } from '#lib/supabase.ts';

/** A ticked station removed meanwhile: said under the stations. */
const stationsField = (code: string) => (code === 'station_not_found' ? 'stations' : null);

export function addPrinter(values: TablesInsert<'printers'>): Promise<DbResult<Printer>> {
  return runDb(supabase.from('printers').insert(values).select().single(), {
    write: 'printers',
    fieldOf: stationsField,
  });
}

export function updatePrinter(id: string, values: TablesUpdate<'printers'>): Promise<DbResult<Printer>> {
  return runDb(supabase.from('printers').update(values).eq('id', id).select().single(), {
    write: 'printers',
    fieldOf: stationsField,
  });
}

export function deletePrinter(id: string): Promise<DbResult> {
  return runDb(supabase.from('printers').delete().eq('id', id), { write: 'printers' });
}

/** Queues a test ticket for the print bridge; answers the print job it created. */
export function printTestPage(printerId: string) {
  return runDb(supabase.rpc('print_test_page', { p_printer_id: printerId }), { write: 'printers' });
}

/** Puts a failed print job back in the queue with fresh attempts (owner or manager). */
export function retryPrintJob(jobId: string) {
  return runDb(supabase.rpc('retry_print_job', { p_job_id: jobId }), { write: 'printers' });
}
