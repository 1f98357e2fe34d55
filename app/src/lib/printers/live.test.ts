import { describe, expect, it } from 'vitest';
import { printTopicTable } from '#lib/printers/live.ts';

describe('printTopicTable', () => {
  it('tells a printer status change from a job change on the print topic', () => {
    expect(printTopicTable({ table: 'printers', record: { status: 'paper_out' } })).toBe('printers');
    expect(printTopicTable({ table: 'print_jobs', record: { status: 'queued' } })).toBe('print_jobs');
    expect(printTopicTable(null)).toBeNull();
    expect(printTopicTable({ table: 3 })).toBeNull();
  });
});
