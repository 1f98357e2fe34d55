import type { Tables } from '#lib/database.types.ts';

type PrintJob = Tables<'print_jobs'>;

/** The few columns of a waiting job the printers page counts. */
export type PendingJob = Pick<PrintJob, 'id' | 'printer_id' | 'status'>;

/** A failed job as the printers page lists it, with its order's number when it prints an order. */
export type FailedJob = Pick<PrintJob, 'id' | 'printer_id' | 'document' | 'last_error' | 'attempts' | 'updated_at'> & {
  order_number: number | string | null;
};

/** Where a printer's queue stands: something failed, jobs are waiting, or nothing is waiting. */
export type PrinterHealth = 'failed' | 'waiting' | 'idle';

export interface PrinterJobsSummary {
  queued: number;
  printing: number;
  /** Queue depth: jobs not yet printed and not failed. */
  depth: number;
  lastPrintedAt: string | null;
  failed: FailedJob[];
  health: PrinterHealth;
}

const empty = (lastPrintedAt: string | null): PrinterJobsSummary => ({
  queued: 0,
  printing: 0,
  depth: 0,
  lastPrintedAt,
  failed: [],
  health: 'idle',
});

/**
 * Each printer's queue from the restaurant's waiting and failed jobs and each printer's last
 * printed time. A failed job outranks a waiting one: it needs a person, the queue does not.
 */
export function summarizePrintJobs(
  pending: readonly PendingJob[],
  failed: readonly FailedJob[],
  lastPrinted: Readonly<Record<string, string | null>>,
): Map<string, PrinterJobsSummary> {
  const summaries = new Map<string, PrinterJobsSummary>();
  const summaryOf = (printerId: string) => {
    let summary = summaries.get(printerId);
    if (!summary) {
      summary = empty(lastPrinted[printerId] ?? null);
      summaries.set(printerId, summary);
    }
    return summary;
  };
  for (const printerId of Object.keys(lastPrinted)) summaryOf(printerId);
  for (const job of pending) {
    const summary = summaryOf(job.printer_id);
    if (job.status === 'queued') summary.queued += 1;
    else if (job.status === 'printing') summary.printing += 1;
    summary.depth = summary.queued + summary.printing;
  }
  for (const job of failed) summaryOf(job.printer_id).failed.push(job);
  for (const summary of summaries.values()) {
    summary.failed.sort((a, b) => b.updated_at.localeCompare(a.updated_at));
    summary.health = summary.failed.length > 0 ? 'failed' : summary.depth > 0 ? 'waiting' : 'idle';
  }
  return summaries;
}

/** A printer with no job at all. */
export const noJobs: PrinterJobsSummary = empty(null);
