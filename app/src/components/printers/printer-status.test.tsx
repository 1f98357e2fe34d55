// @vitest-environment happy-dom
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterStatus } from '#components/printers/printer-status.tsx';
import type { Printer } from '#lib/printers/queries.ts';

afterEach(cleanup);

const printer = (extra: Partial<Printer>): Printer => ({
  id: 'p',
  restaurant_id: 'r',
  name: 'Caisse',
  kind: 'receipt',
  stations: [],
  connection: { type: 'tcp', host: '192.168.1.50', port: 9100 },
  chars_per_line: 48,
  active: true,
  created_at: '2026-12-01T08:00:00Z',
  updated_at: '2026-12-01T08:00:00Z',
  status: 'unknown',
  status_error: null,
  status_at: null,
  last_printed_at: null,
  ...extra,
});

describe('PrinterStatus', () => {
  it('says paper out in words on the failure colour, with what the printer said', () => {
    render(() => (
      <PrinterStatus
        printer={printer({ status: 'paper_out', status_error: 'paper out', status_at: '2026-12-01T08:05:00Z' })}
      />
    ));
    const badge = screen.getByText('Out of paper');
    expect(badge.getAttribute('data-status')).toBe('failed');
    expect(screen.getByText('Printer said: paper out')).toBeTruthy();
    expect(screen.getByText(/^checked /)).toBeTruthy();
  });

  it('a printer never checked is "not reported", a ready one shows no error', () => {
    render(() => <PrinterStatus printer={printer({})} />);
    expect(screen.getByText('Status not reported').getAttribute('data-status')).toBe('draft');
    cleanup();
    render(() => (
      <PrinterStatus printer={printer({ status: 'ok', status_error: 'stale', status_at: '2026-12-01T08:05:00Z' })} />
    ));
    expect(screen.getByText('Ready').getAttribute('data-status')).toBe('synced');
    expect(screen.queryByText(/Printer said/)).toBeNull();
  });
});
