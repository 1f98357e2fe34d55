import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serviceClient, signedInClient } from '../../tests/support/clients.ts';
import { Journal } from './journal.ts';
import { layout, printEncoding } from './layouts.ts';
import type { Log } from './log.ts';
import { Worker } from './worker.ts';

/**
 * The bridge against the real test stack, as the seed's print-bridge account on the demo restaurant
 * (whose printers are virtual: {"type":"file","path":"kitchen"|"bar"|"receipt"}). Orders are placed
 * as the demo cashier, exactly as a till does.
 */
const stack = inject('stack');
const restaurantId = 'a0000000-0000-4000-8000-000000000001';
const items = { garba: 'd0000000-0000-4000-8000-000000000005', bissap: 'd0000000-0000-4000-8000-000000000025' };

let cashier: SupabaseClient;
let bridge: SupabaseClient;
let service: SupabaseClient;
let dir: string;

beforeAll(async () => {
  cashier = await signedInClient(stack, 'cashier@comanda.test', 'comanda-cashier');
  bridge = await signedInClient(stack, 'print-bridge@comanda.test', 'comanda-bridge');
  service = serviceClient(stack);
  dir = await mkdtemp(path.join(tmpdir(), 'bridge-worker-'));
});
afterAll(async () => {
  await Promise.all([cashier, bridge].map((c) => c.removeAllChannels()));
  await rm(dir, { recursive: true, force: true });
});

async function placeOrder(itemIds: string[], note = ''): Promise<{ id: string; number: number }> {
  const id = randomUUID();
  const { data, error } = await cashier.rpc('place_order', {
    p_order: {
      id,
      restaurant_id: restaurantId,
      type: 'takeaway',
      note,
      lines: itemIds.map((item_id) => ({ item_id, qty: 1 })),
    },
  });
  if (error) throw new Error(`place_order: ${error.message}`);
  return { id, number: (data as { number: number }).number };
}

interface JobRow {
  id: string;
  status: string;
  attempts: number;
  document: string;
  printer_id: string;
  last_error: string | null;
}
async function jobsOf(orderId: string): Promise<JobRow[]> {
  const { data, error } = await service
    .from('print_jobs')
    .select('id, status, attempts, document, printer_id, last_error')
    .eq('order_id', orderId);
  if (error) throw error;
  return data as JobRow[];
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const files = async (folder: string, jobId: string) =>
  (await readdir(path.join(dir, 'prints', folder)).catch(() => [] as string[])).filter((f) => f.includes(jobId)).sort();

describe('the worker, on the demo restaurant', () => {
  it('an order placed on the till comes out of the virtual kitchen and bar printers once, without polling', async () => {
    const logs: Array<[string, string, Record<string, unknown> | undefined]> = [];
    const log: Log = (level, msg, fields) => logs.push([level, msg, fields]);
    const worker = new Worker({
      client: bridge,
      restaurantId,
      journal: new Journal(path.join(dir, 'home')),
      layout,
      encoding: printEncoding,
      printsDir: path.join(dir, 'prints'),
      log,
      // Longer than the test waits: the job must arrive through the print topic.
      pollMs: 120_000,
    });
    await worker.start();
    try {
      await until(
        'realtime',
        async () => worker.status.realtime,
        (s) => s === 'SUBSCRIBED',
      );
      await worker.wake(); // whatever earlier tests left queued is printed before the order is placed
      const order = await placeOrder([items.garba, items.bissap], 'sans piment');
      const jobs = await until(
        'kitchen and bar tickets printed',
        () => jobsOf(order.id),
        (js) => js.length === 2 && js.every((j) => j.status === 'printed'),
      );
      for (const job of jobs) {
        expect(job).toMatchObject({ document: 'kitchen_ticket', attempts: 1, last_error: null });
        const folder = job.printer_id === '90000000-0000-4000-8000-000000000001' ? 'kitchen' : 'bar';
        const written = await files(folder, job.id);
        expect(written).toEqual([
          expect.stringMatching(/\.bin$/),
          expect.stringMatching(/\.svg$/),
          expect.stringMatching(/\.txt$/),
        ]);
        const bytes = await readFile(path.join(dir, 'prints', folder, written[0] as string));
        expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]); // ESC @
        expect(bytes.toString('latin1')).toContain(`#${order.number}\n`);
        const svg = await readFile(path.join(dir, 'prints', folder, written[1] as string), 'utf8');
        expect(svg).toMatch(/^<svg /);
        const text = await readFile(path.join(dir, 'prints', folder, written[2] as string), 'utf8');
        // The number is printed double width: its text copy spaces the characters out.
        expect(text.replaceAll(' ', '')).toContain(`#${order.number}\n`);
        expect(text).toContain(folder === 'kitchen' ? 'Garba' : 'Bissap');
        expect(text).not.toContain(folder === 'kitchen' ? 'Bissap' : 'Garba');
      }
      // Nothing is sent twice when the poll or another message wakes the worker again.
      await worker.wake();
      for (const job of jobs) {
        const folder = job.printer_id === '90000000-0000-4000-8000-000000000001' ? 'kitchen' : 'bar';
        expect(await files(folder, job.id)).toHaveLength(3);
      }
      expect(worker.status.lastContact).not.toBeNull();
      expect(logs.filter(([level]) => level === 'error')).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it('a job sent before a crash but not confirmed is completed from the journal, not printed again', async () => {
    const home = path.join(dir, 'home-crash');
    // The bridge as it was killed: jobs claimed, bytes out and journaled, complete_print_job never
    // called. Whatever else was due is claimed in the same call and journaled with it.
    const order = await placeOrder([items.garba]);
    const { data: claimed, error } = await bridge.rpc('claim_print_jobs', {
      p_restaurant_id: restaurantId,
      p_limit: 100,
    });
    expect(error).toBeNull();
    const rows = claimed as Array<JobRow & { order_id: string }>;
    expect(rows.find((j) => j.order_id === order.id)?.status).toBe('printing');
    const crashed = new Journal(home);
    for (const row of rows) crashed.markSent(row.id);

    const worker = new Worker({
      client: bridge,
      restaurantId,
      journal: new Journal(home),
      layout,
      encoding: printEncoding,
      printsDir: path.join(dir, 'prints-crash'),
      log: () => {},
      pollMs: 120_000,
    });
    await worker.start();
    try {
      const [row] = await until(
        'completed',
        () => jobsOf(order.id),
        (js) => js[0]?.status === 'printed',
      );
      expect(row?.attempts).toBe(1);
      expect(await readdir(path.join(dir, 'prints-crash')).catch(() => [])).toEqual([]);
      expect(new Journal(home).unconfirmed()).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});
