import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from './journal.ts';
import { layout, printEncoding } from './layouts.ts';
import { Worker } from './worker.ts';

/**
 * The worker's waking, against a stand-in for supabase-js: a job announced on the print topic whose
 * row the first claim does not see yet (Broadcast from Database can be that quick) is still printed
 * at once, not after the fallback poll.
 */
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function standIn(claims: unknown[][]) {
  let onBroadcast: ((msg: { payload: unknown }) => void) | undefined;
  const calls: string[] = [];
  // A PostgREST builder: chainable filters, awaited for the answer.
  const query = (rows: unknown) => {
    const answer = Promise.resolve({ data: rows, error: null, count: 0 });
    const builder = Object.assign(answer, { select: () => builder, eq: () => builder, in: () => builder });
    return builder;
  };
  const client = {
    channel: () => {
      const ch = {
        on: (_t: string, _f: unknown, handler: (msg: { payload: unknown }) => void) => {
          onBroadcast = handler;
          return ch;
        },
        subscribe: () => ch,
      };
      return ch;
    },
    removeChannel: async () => 'ok',
    from: (table: string) =>
      query(
        table === 'printers'
          ? [{ id: 'p1', name: 'Bar', connection: { type: 'file', path: 'bar' }, chars_per_line: 42, active: true }]
          : [],
      ),
    rpc: async (fn: string) => {
      calls.push(fn);
      if (fn === 'claim_print_jobs') return { data: claims.shift() ?? [], error: null };
      return { data: { status: 'printed' }, error: null };
    },
  };
  return {
    client: client as unknown as SupabaseClient,
    calls,
    announce: () => onBroadcast?.({ payload: { record: { status: 'queued' } } }),
  };
}

describe('waking on the print topic', () => {
  it('claims again shortly when the announced job was not visible to the first claim', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bridge-wake-'));
    dirs.push(dir);
    const job = {
      id: 'j1',
      printer_id: 'p1',
      document: 'test',
      attempts: 1,
      created_at: '2026-12-01T08:00:00.000Z',
      available_at: '2026-12-01T08:00:00.000Z',
      payload: {
        document: 'test',
        printer: { id: 'p1', name: 'Bar', chars_per_line: 42, stations: ['bar'] },
        restaurant: { name: 'Maquis', locale: 'fr-CI', timezone: 'Africa/Abidjan' },
        requested_at: '2026-12-01T08:00:00.000Z',
      },
    };
    const claims: unknown[][] = [];
    const { client, calls, announce } = standIn(claims);
    const worker = new Worker({
      client,
      restaurantId: 'r',
      journal: new Journal(path.join(dir, 'home')),
      layout,
      encoding: printEncoding,
      printsDir: path.join(dir, 'prints'),
      log: () => {},
      pollMs: 60_000,
    });
    await worker.start();
    try {
      await worker.wake();
      // The message's own wake claims nothing yet; the look 150 ms later finds the job.
      claims.push([], [job]);
      announce();
      const deadline = Date.now() + 2_000;
      while (!calls.includes('complete_print_job') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(calls).toContain('complete_print_job');
      expect(worker.status.printed).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});
