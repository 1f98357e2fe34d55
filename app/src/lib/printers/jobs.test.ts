import { describe, expect, it } from 'vitest';
import { type FailedJob, noJobs, type PendingJob, summarizePrintJobs } from '#lib/printers/jobs.ts';

const failedJob = (id: string, printer_id: string, updated_at: string): FailedJob => ({
  id,
  printer_id,
  document: 'kitchen_ticket',
  last_error: 'paper out',
  attempts: 5,
  updated_at,
  order_number: 12,
});

describe('summarizePrintJobs', () => {
  it('counts queued and printing jobs per printer as its queue depth', () => {
    const pending: PendingJob[] = [
      { id: '1', printer_id: 'a', status: 'queued' },
      { id: '2', printer_id: 'a', status: 'printing' },
      { id: '3', printer_id: 'a', status: 'queued' },
      { id: '4', printer_id: 'b', status: 'queued' },
    ];
    const summaries = summarizePrintJobs(pending, [], { a: '2026-12-01T08:00:00Z', b: null });
    expect(summaries.get('a')).toMatchObject({ queued: 2, printing: 1, depth: 3, health: 'waiting' });
    expect(summaries.get('a')?.lastPrintedAt).toBe('2026-12-01T08:00:00Z');
    expect(summaries.get('b')).toMatchObject({ depth: 1, lastPrintedAt: null, health: 'waiting' });
  });

  it('puts failed jobs on their printer, newest first, and says the printer failed', () => {
    const summaries = summarizePrintJobs(
      [{ id: '1', printer_id: 'a', status: 'queued' }],
      [failedJob('old', 'a', '2026-12-01T07:00:00Z'), failedJob('new', 'a', '2026-12-01T07:30:00Z')],
      { a: null },
    );
    const a = summaries.get('a');
    expect(a?.health).toBe('failed');
    expect(a?.failed.map((job) => job.id)).toEqual(['new', 'old']);
  });

  it('calls a printer with nothing waiting idle', () => {
    const summaries = summarizePrintJobs([], [], { a: '2026-12-01T08:00:00Z' });
    expect(summaries.get('a')).toMatchObject({ depth: 0, failed: [], health: 'idle' });
    expect(noJobs.health).toBe('idle');
  });
});
