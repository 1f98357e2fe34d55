import { describe, expect, it } from 'vitest';
import { makeRestaurant, placeOrder } from './fixtures.ts';
import { expectCode, rpc, rpcRows, sql, tx } from './support.ts';

/** Printer status reported by the bridge (…20261202000600_printer_status.sql). */

const printerRow = async (id: string) =>
  (
    await sql<{ status: string; status_error: string | null; status_at: Date | null; last_printed_at: Date | null }>(
      'select status, status_error, status_at, last_printed_at from public.printers where id = $1',
      [id],
    )
  )[0];

describe('printer status', () => {
  it('the bridge reports paper out with its words; a printer starts unknown', async () => {
    const r = await makeRestaurant();
    expect(await printerRow(r.receiptPrinter)).toMatchObject({ status: 'unknown', status_at: null });
    await rpc(r.as('print_bridge'), 'report_printer_status', {
      p_printer_id: r.receiptPrinter,
      p_status: 'paper_out',
      p_error: `  paper end sensor${' '.repeat(3)}${'x'.repeat(600)}`,
    });
    const row = await printerRow(r.receiptPrinter);
    expect(row?.status).toBe('paper_out');
    expect(row?.status_error).toMatch(/^paper end sensor/);
    expect(row?.status_error).toHaveLength(500);
    expect(row?.status_at).not.toBeNull();
    await rpc(r.as('print_bridge'), 'report_printer_status', { p_printer_id: r.receiptPrinter, p_status: 'ok' });
    expect(await printerRow(r.receiptPrinter)).toMatchObject({ status: 'ok', status_error: null });
  });

  it('only the bridge of that restaurant reports; a bad status is refused', async () => {
    const r = await makeRestaurant();
    const other = await makeRestaurant();
    for (const role of ['owner', 'manager', 'cashier'] as const) {
      await expectCode(
        rpc(r.as(role), 'report_printer_status', { p_printer_id: r.receiptPrinter, p_status: 'ok' }),
        'forbidden',
        '42501',
      );
    }
    await expectCode(
      rpc(other.as('print_bridge'), 'report_printer_status', { p_printer_id: r.receiptPrinter, p_status: 'ok' }),
      'printer_not_found',
    );
    await expectCode(
      rpc(r.as('print_bridge'), 'report_printer_status', { p_printer_id: r.receiptPrinter, p_status: 'on fire' }),
      'invalid input value for enum printer_status: "on fire"',
      '22P02',
    );
    // Nor can an owner write the status columns directly (no column grant).
    await expect(
      tx(r.as('owner'), (c) => c.query(`update public.printers set status = 'ok' where id = $1`, [r.receiptPrinter])),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('last_printed_at follows the printer’s printed jobs', async () => {
    const r = await makeRestaurant({ autoPrintReceipts: false });
    await placeOrder(r);
    const jobs = await rpcRows<{ id: string; printer_id: string }>(r.as('print_bridge'), 'claim_print_jobs', {
      p_restaurant_id: r.id,
    });
    const kitchen = jobs.find((j) => j.printer_id === r.kitchenPrinter);
    await rpc(r.as('print_bridge'), 'complete_print_job', { p_job_id: kitchen?.id });
    expect((await printerRow(r.kitchenPrinter))?.last_printed_at).not.toBeNull();
    expect((await printerRow(r.barPrinter))?.last_printed_at).toBeNull();
  });
});
