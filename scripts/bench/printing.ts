import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { layout, printEncoding } from '../../print-bridge/src/layouts.ts';
import { render } from '../../print-bridge/src/render.ts';
import { type FakePrinter, fakePrinter, STATUS_OK } from '../../print-bridge/src/testing/fake-printer.ts';
import { ticketPayload } from '../../supabase/functions/_shared/print/fixtures.ts';
import { repoRoot } from '../stack/paths.ts';
import type { RunningStack } from '../stack/stack.ts';
import { type BenchRow, type LoadResult, percentile, runLoad } from './measure.ts';

/** The seeded demo restaurant (supabase/seed.sql): its kitchen printer, a kitchen dish, its bridge account. */
const restaurantId = 'a0000000-0000-4000-8000-000000000001';
const kitchenPrinter = '90000000-0000-4000-8000-000000000001';
const kedjenou = 'd0000000-0000-4000-8000-000000000006';
const ORDERS = 100;
const MEMORY_JOBS = 5_000;

function summary(samples: number[]): LoadResult {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    concurrency: 1,
    requests: samples.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    perSecond: samples.length / (samples.reduce((a, b) => a + b, 0) / 1000),
  };
}

/** Receipt rendering in this process: the shared layouts → receiptline → ESC/POS (and the text copy). */
export async function benchRender(durationMs: number): Promise<BenchRow[]> {
  const payload = ticketPayload('XOF', 'receipt', 42);
  const markupOnly = async () => layout(payload);
  const full = async () => render(layout, payload, { cpl: 42, encoding: printEncoding });
  return [
    {
      name: 'Receipt render: payload → markup → ESC/POS + text (42 columns, XOF)',
      subject: await runLoad(full, { concurrency: 1, durationMs }),
      floor: await runLoad(markupOnly, { concurrency: 1, durationMs }),
      floorName: 'layout → markup only',
    },
  ];
}

interface Bridge {
  child: ChildProcess;
  healthPort: Promise<number>;
  subscribed: Promise<void>;
}

/** The bridge CLI as a store PC runs it, in a process of its own, on the demo restaurant. */
function startBridge(stack: RunningStack, home: string): Bridge {
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      path.join(repoRoot, 'print-bridge', 'src', 'main.ts'),
      ...['--url', stack.apiUrl, '--anon-key', stack.anonKey, '--restaurant', restaurantId],
      ...['--email', 'print-bridge@comanda.test', '--password', 'comanda-bridge'],
      ...['--home', home, '--prints-dir', path.join(home, 'prints'), '--health-port', '0'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: path.join(repoRoot, 'print-bridge') },
  );
  let port: (p: number) => void = () => {};
  let ready: () => void = () => {};
  const healthPort = new Promise<number>((resolve) => {
    port = resolve;
  });
  const subscribed = new Promise<void>((resolve) => {
    ready = resolve;
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const entry = JSON.parse(line) as { msg?: string; state?: string; health?: { port?: number }; level?: string };
    if (entry.msg === 'started' && entry.health?.port) port(entry.health.port);
    if (entry.msg === 'realtime' && entry.state === 'SUBSCRIBED') ready();
    if (entry.level === 'error' || entry.level === 'warn' || process.env.BENCH_BRIDGE_LOG)
      console.error(`print-bridge: ${line}`);
  });
  return { child, healthPort, subscribed };
}

async function memoryOf(port: number): Promise<{ rss: number; heapUsed: number }> {
  const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as {
    memory: { rss: number; heapUsed: number };
  };
  return health.memory;
}

function subscribedChannel(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) =>
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
    }),
  );
}

/**
 * Order placed (the cashier's place_order returns... and goes on) → the last byte of its kitchen
 * ticket at a loopback TCP printer, through the bridge running as its own process (woken by the
 * print topic), one order at a time; beside it the Broadcast floor: realtime.send → a callback on a
 * private topic, measured in the same run. Then the bridge's memory after 5,000 more jobs.
 */
export async function benchPrinting(stack: RunningStack): Promise<{ rows: BenchRow[]; memory: string[] }> {
  const owner = new pg.Client({ connectionString: stack.dbUrl });
  await owner.connect();
  const home = await mkdtemp(path.join(tmpdir(), 'comanda-bench-bridge-'));
  const printer: FakePrinter = await fakePrinter({ status: STATUS_OK });
  const [{ connection: savedConnection } = { connection: null }] = (
    await owner.query<{ connection: unknown }>('select connection from public.printers where id = $1', [kitchenPrinter])
  ).rows;
  let bridge: Bridge | undefined;
  const clients: SupabaseClient[] = [];
  try {
    await owner.query(`
      drop policy if exists "bench topics are readable" on realtime.messages;
      create policy "bench topics are readable" on realtime.messages for select to authenticated
        using (realtime.topic() like 'bench:%');
    `);
    await owner.query('update public.printers set connection = $2 where id = $1', [
      kitchenPrinter,
      JSON.stringify({ type: 'tcp', host: '127.0.0.1', port: printer.port }),
    ]);
    // The benches before this one left tickets queued with no bridge running: they are not this bench's.
    await owner.query(
      `update public.print_jobs set status = 'printed', printed_at = now() where restaurant_id = $1 and status in ('queued', 'printing')`,
      [restaurantId],
    );
    bridge = startBridge(stack, home);
    const healthPort = await bridge.healthPort;
    await bridge.subscribed;

    const signIn = async (email: string, password: string) => {
      const client = createClient(stack.apiUrl, stack.anonKey, {
        auth: { persistSession: false, autoRefreshToken: false },
      });
      const { data, error } = await client.auth.signInWithPassword({ email, password });
      if (error || !data.session) throw error ?? new Error(`${email}: no session`);
      await client.realtime.setAuth(data.session.access_token);
      clients.push(client);
      return client;
    };
    const cashier = await signIn('cashier@comanda.test', 'comanda-cashier');
    const listener = await signIn('print-bridge@comanda.test', 'comanda-bridge');
    const floorArrivals = new Map<string, () => void>();
    const floorChannel = listener.channel('bench:print-floor', { config: { private: true } });
    floorChannel.on('broadcast', { event: 'tick' }, ({ payload }) => floorArrivals.get(String(payload.k))?.());
    await subscribedChannel(floorChannel);

    const atPrinter = (needle: string, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const look = () => {
          if (printer.jobs.some((b) => b.includes(needle, 0, 'latin1'))) return resolve();
          if (Date.now() > deadline) return reject(new Error(`no ticket with ${needle} at the printer`));
          void printer.waitForJobs(printer.jobs.length + 1, 200).then(look);
        };
        look();
      });
    const placed: { id: string; version: number }[] = [];
    const placeOne = async () => {
      const id = randomUUID();
      const started = performance.now();
      const { data, error } = await cashier.rpc('place_order', {
        p_order: { id, restaurant_id: restaurantId, type: 'takeaway', lines: [{ item_id: kedjenou, qty: 1 }] },
      });
      if (error) throw new Error(`place_order: ${error.message}`);
      const order = data as { number: number; version: number };
      placed.push({ id, version: order.version });
      await atPrinter(`#${order.number}\n`);
      const elapsed = performance.now() - started;
      if (process.env.BENCH_BRIDGE_LOG) console.error(`order #${order.number}: ${elapsed.toFixed(0)} ms`);
      return elapsed;
    };
    const floorOne = async () => {
      const id = randomUUID();
      const arrived = new Promise<void>((resolve) => floorArrivals.set(id, resolve));
      const started = performance.now();
      await owner.query(`select realtime.send(jsonb_build_object('k', $1::text), 'tick', 'bench:print-floor', true)`, [
        id,
      ]);
      await arrived;
      floorArrivals.delete(id);
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) {
      await placeOne();
      await floorOne();
    }
    const subject: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < ORDERS; i++) {
      subject.push(await placeOne());
      floor.push(await floorOne());
    }
    for (const order of placed) {
      const { error } = await cashier.rpc('transition_order', {
        p_order_id: order.id,
        p_to: 'cancelled',
        p_expected_version: order.version,
        p_reason: 'benchmark order',
      });
      if (error) throw new Error(`transition_order → cancelled: ${error.message}`);
    }

    // Memory: 5,000 test pages to the same printer, drained by the same bridge process.
    const before = await memoryOf(healthPort);
    const startedJobs = performance.now();
    await owner.query(
      `insert into public.print_jobs (restaurant_id, printer_id, document, dedupe_key, payload)
       select $1, $2, 'test', 'bench-memory:' || gen_random_uuid(),
         jsonb_build_object('document', 'test', 'printer', jsonb_build_object('id', p.id, 'name', p.name,
           'chars_per_line', p.chars_per_line, 'stations', to_jsonb(p.stations)),
           'restaurant', jsonb_build_object('name', 'Bench', 'locale', 'fr-CI', 'timezone', 'Africa/Abidjan'),
           'requested_at', now())
       from public.printers p, generate_series(1, $3) where p.id = $2`,
      [restaurantId, kitchenPrinter, MEMORY_JOBS],
    );
    for (;;) {
      const { rows } = await owner.query<{ n: string }>(
        `select count(*) as n from public.print_jobs where restaurant_id = $1 and status in ('queued', 'printing')`,
        [restaurantId],
      );
      if (Number(rows[0]?.n) === 0) break;
      if (performance.now() - startedJobs > 600_000) throw new Error('5,000 jobs not printed in 10 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - startedJobs) / 1000;
    const after = await memoryOf(healthPort);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      rows: [
        {
          name: `Order placed (place_order called) → last byte of its kitchen ticket at a loopback TCP printer, bridge in its own process, ${ORDERS} orders (target p95 < 500 ms)`,
          subject: summary(subject),
          floor: summary(floor),
          floorName: 'Broadcast: realtime.send → callback',
        },
      ],
      memory: [
        '| bridge process | RSS MB | heap used MB |',
        '|---|---:|---:|',
        `| after ${ORDERS + 3} orders (started) | ${mb(before.rss)} | ${mb(before.heapUsed)} |`,
        `| after ${MEMORY_JOBS} more jobs (${(MEMORY_JOBS / seconds).toFixed(0)} jobs/s) | ${mb(after.rss)} | ${mb(after.heapUsed)} |`,
      ],
    };
  } finally {
    if (bridge) {
      const exited = new Promise((r) => bridge?.child.once('exit', r));
      bridge.child.kill('SIGTERM');
      await exited;
    }
    await Promise.all(clients.map((c) => c.removeAllChannels()));
    await owner.query('update public.printers set connection = $2 where id = $1', [
      kitchenPrinter,
      JSON.stringify(savedConnection),
    ]);
    await owner.end();
    await printer.close();
    await rm(home, { recursive: true, force: true });
  }
}
