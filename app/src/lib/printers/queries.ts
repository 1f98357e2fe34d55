import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { type FailedJob, type PendingJob, type PrinterJobsSummary, summarizePrintJobs } from '#lib/printers/jobs.ts';
import { supabase } from '#lib/supabase.ts';

export type Printer = Tables<'printers'>;
export type PrinterKind = Printer['kind'];

/** Query keys; writes invalidate by these. */
export const printerKeys = {
  printers: (restaurantId: string) => ['printers', restaurantId] as const,
  jobs: (restaurantId: string) => ['printers', restaurantId, 'jobs'] as const,
};

export async function fetchPrinters(restaurantId: string): Promise<Printer[]> {
  const list = await read(supabase.from('printers').select('*').eq('restaurant_id', restaurantId));
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

export const printersQueryOptions = (restaurantId: string) => ({
  queryKey: printerKeys.printers(restaurantId),
  queryFn: () => fetchPrinters(restaurantId),
});

/** Enough failed jobs to act on; older ones wait for these to be retried. */
const FAILED_SHOWN = 50;
/** Waiting jobs counted; a queue deeper than this shows as this many. */
const PENDING_COUNTED = 1000;

/**
 * Each printer's print queue (owners and managers may read print_jobs): waiting jobs, failed jobs
 * with their last error, and the last time each printer printed (one small read per printer: a
 * restaurant has a handful).
 */
export async function fetchPrinterJobs(
  restaurantId: string,
  printerIds: readonly string[],
): Promise<Map<string, PrinterJobsSummary>> {
  const jobs = () => supabase.from('print_jobs');
  const [pending, failed, ...printed] = await Promise.all([
    read(
      jobs()
        .select('id, printer_id, status')
        .eq('restaurant_id', restaurantId)
        .in('status', ['queued', 'printing'])
        .limit(PENDING_COUNTED),
    ),
    read(
      jobs()
        .select('id, printer_id, document, last_error, attempts, updated_at, order_number:payload->order->>number')
        .eq('restaurant_id', restaurantId)
        .eq('status', 'failed')
        .order('updated_at', { ascending: false })
        .limit(FAILED_SHOWN),
    ),
    ...printerIds.map((printerId) =>
      read(
        jobs()
          .select('printed_at')
          .eq('restaurant_id', restaurantId)
          .eq('printer_id', printerId)
          .eq('status', 'printed')
          .order('printed_at', { ascending: false })
          .limit(1),
      ),
    ),
  ]);
  const lastPrinted = Object.fromEntries(printerIds.map((id, index) => [id, printed[index]?.[0]?.printed_at ?? null]));
  return summarizePrintJobs(pending as PendingJob[], failed as FailedJob[], lastPrinted);
}

export const printerJobsQueryOptions = (restaurantId: string, printerIds: readonly string[]) => ({
  queryKey: [...printerKeys.jobs(restaurantId), [...printerIds].sort().join(',')] as const,
  queryFn: () => fetchPrinterJobs(restaurantId, printerIds),
});
