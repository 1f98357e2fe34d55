import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, placeOrder, type Restaurant } from '../../tests/db/fixtures.ts';
import { rpc, sql, uuid } from '../../tests/db/support.ts';
import { Journal } from './journal.ts';
import { layout, printEncoding } from './layouts.ts';
import { type FakePrinter, fakePrinter } from './testing/fake-printer.ts';
import { bridgeLogin, until } from './testing/stack-bridge.ts';
import { Worker, type WorkerOptions } from './worker.ts';

/** The bridge against loopback TCP printers on a restaurant of its own. */
let r: Restaurant;
let bridge: SupabaseClient;
let dir: string;
const printers: FakePrinter[] = [];
const workers: Worker[] = [];

beforeAll(async () => {
  r = await makeRestaurant({ autoPrintReceipts: false });
  bridge = (await bridgeLogin(r)).client;
  dir = await mkdtemp(path.join(tmpdir(), 'bridge-tcp-'));
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await bridge.removeAllChannels();
  await Promise.all(printers.map((p) => p.close()));
  await rm(dir, { recursive: true, force: true });
});

async function printerAt(id: string, options: Parameters<typeof fakePrinter>[0] = {}): Promise<FakePrinter> {
  const printer = await fakePrinter(options);
  printers.push(printer);
  await sql('update public.printers set connection = $2 where id = $1', [
    id,
    JSON.stringify({ type: 'tcp', host: '127.0.0.1', port: printer.port }),
  ]);
  return printer;
}

async function startWorker(extra: Partial<WorkerOptions> = {}): Promise<Worker> {
  const worker = new Worker({
    client: bridge,
    restaurantId: r.id,
    journal: new Journal(path.join(dir, `home-${uuid()}`)),
    layout,
    encoding: printEncoding,
    printsDir: path.join(dir, 'prints'),
    log: () => {},
    pollMs: 200,
    ...extra,
  });
  workers.push(worker);
  await worker.start();
  return worker;
}

const stopWorker = async (worker: Worker) => {
  await worker.stop();
  workers.splice(workers.indexOf(worker), 1);
};

describe('the cash drawer', () => {
  it('a cash payment makes the receipt printer receive ESC p and nothing else', async () => {
    const receipt = await printerAt(r.receiptPrinter);
    await sql(`update public.printers set active = false where id <> $1 and restaurant_id = $2`, [
      r.receiptPrinter,
      r.id,
    ]);
    const worker = await startWorker();
    try {
      const shift = uuid();
      await rpc(r.as('cashier'), 'open_shift', {
        p_shift_id: shift,
        p_restaurant_id: r.id,
        p_device_id: 'pos-1',
        p_opening_float: 0,
      });
      const order = await placeOrder(r);
      await rpc(r.as('cashier'), 'record_payment', {
        p_payment_id: uuid(),
        p_order_id: order.id,
        p_method: 'cash',
        p_amount: order.total,
        p_tendered: order.total + 50,
        p_shift_id: shift,
      });
      await receipt.waitForJobs(1, 10_000);
      expect(receipt.jobs.map((b) => [...b])).toEqual([[0x1b, 0x70, 0x00, 0x19, 0xfa]]);
      await until(
        'kick printed',
        () => sql<{ status: string }>(`select status from public.print_jobs where order_id = $1`, [order.id]),
        (rows) => rows.length === 1 && rows[0]?.status === 'printed',
      );
    } finally {
      await stopWorker(worker);
      await sql(`update public.printers set active = true where restaurant_id = $1`, [r.id]);
    }
  });
});
