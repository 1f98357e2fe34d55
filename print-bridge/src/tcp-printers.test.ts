import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRestaurant, placeOrder, type Restaurant } from '../../tests/db/fixtures.ts';
import { rpc, sql, uuid } from '../../tests/db/support.ts';
import { Journal } from './journal.ts';
import { layout, printEncoding } from './layouts.ts';
import { type FakePrinter, fakePrinter, STATUS_OK, STATUS_PAPER_OUT } from './testing/fake-printer.ts';
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

const printerState = async (id: string) =>
  (
    await sql<{ status: string; status_error: string | null; last_printed_at: Date | null }>(
      'select status, status_error, last_printed_at from public.printers where id = $1',
      [id],
    )
  )[0];
const friesOrder = () =>
  placeOrder(r, { id: uuid(), restaurant_id: r.id, type: 'takeaway', lines: [{ item_id: r.fries, qty: 1 }] });
const jobOf = async (orderId: string) =>
  (
    await sql<{ status: string; attempts: number; last_error: string | null }>(
      'select status, attempts, last_error from public.print_jobs where order_id = $1',
      [orderId],
    )
  )[0];

describe('printer status (DLE EOT)', () => {
  it('paper out: nothing is sent, the job waits with the reason, the status reaches the database; paper back → printed once, ok', async () => {
    const kitchen = await printerAt(r.kitchenPrinter, { status: STATUS_PAPER_OUT });
    const worker = await startWorker();
    try {
      const order = await friesOrder();
      const waiting = await until(
        'failed once',
        () => jobOf(order.id),
        (j) => (j?.attempts ?? 0) >= 1 && j?.status === 'queued',
      );
      expect(waiting?.last_error).toBe('printer reports paper out');
      expect(await printerState(r.kitchenPrinter)).toMatchObject({ status: 'paper_out', status_error: 'paper out' });
      expect(worker.status.printers[r.kitchenPrinter]).toMatchObject({ name: 'Kitchen', status: 'paper_out' });
      expect(kitchen.jobs).toEqual([]);

      kitchen.setStatus(STATUS_OK);
      await until(
        'printed',
        () => jobOf(order.id),
        (j) => j?.status === 'printed',
      );
      expect(kitchen.jobs).toHaveLength(1);
      expect(kitchen.jobs[0]?.toString('latin1')).toContain(`#${order.number}\n`);
      const state = await until(
        'ok',
        () => printerState(r.kitchenPrinter),
        (p) => p?.status === 'ok',
      );
      expect(state).toMatchObject({ status_error: null, last_printed_at: expect.any(Date) });
    } finally {
      await stopWorker(worker);
    }
  });

  it('a printer that never answers status prints all the same and is asked once, not per job', async () => {
    const kitchen = await printerAt(r.kitchenPrinter);
    const worker = await startWorker({ statusTimeoutMs: 200 });
    try {
      const orders = [await friesOrder(), await friesOrder(), await friesOrder()];
      for (const order of orders) {
        await until(
          'printed',
          () => jobOf(order.id),
          (j) => j?.status === 'printed',
        );
      }
      expect(kitchen.jobs).toHaveLength(3);
      expect(kitchen.statusQueries).toBe(1);
    } finally {
      await stopWorker(worker);
    }
  });
});

describe('order per printer', () => {
  it('200 jobs over 3 printers arrive in the order they were queued, printer by printer', {
    timeout: 60_000,
  }, async () => {
    const ids = [r.kitchenPrinter, r.barPrinter, r.receiptPrinter];
    const fakes = await Promise.all(ids.map((id) => printerAt(id, { status: STATUS_OK })));
    await sql(`update public.print_jobs set status = 'printed' where restaurant_id = $1 and status <> 'printed'`, [
      r.id,
    ]);
    // Test pages queued one after the other across the three printers, each naming its place in line.
    const queued = Array.from({ length: 200 }, (_, i) => ({ printer: ids[i % 3] as string, name: `seq-${1000 + i}` }));
    await sql(
      `insert into public.print_jobs (restaurant_id, printer_id, document, dedupe_key, payload, created_at, available_at)
       select $1, q.printer, 'test', 'order-test:' || q.name,
         jsonb_build_object('document', 'test', 'printer', jsonb_build_object('id', q.printer, 'name', q.name,
           'chars_per_line', 42, 'stations', '[]'::jsonb),
           'restaurant', jsonb_build_object('name', 'Test bistro', 'locale', 'fr-FR', 'timezone', 'Europe/Paris'),
           'requested_at', now()),
         now() + q.n * interval '1 millisecond', now()
       from unnest($2::uuid[], $3::text[]) with ordinality as q(printer, name, n)`,
      [r.id, queued.map((q) => q.printer), queued.map((q) => q.name)],
    );
    const worker = await startWorker();
    try {
      await Promise.all(
        fakes.map((fake, n) => fake.waitForJobs(queued.filter((q) => q.printer === ids[n]).length, 45_000)),
      );
      for (const [n, fake] of fakes.entries()) {
        const expected = queued.filter((q) => q.printer === ids[n]);
        expect(fake.jobs).toHaveLength(expected.length);
        const printed = fake.jobs.map((b) => /seq-\d+/.exec(b.toString('latin1'))?.[0]);
        expect(printed).toEqual(expected.map((q) => q.name));
      }
    } finally {
      await stopWorker(worker);
    }
  });
});
