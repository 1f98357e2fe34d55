import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient } from '../support/clients.ts';
import { BroadcastSender, deliveryDefects } from './broadcasts.ts';
import {
  newLedger,
  numberingDefects,
  type OrderLedger,
  placeOrdersUntil,
  replayFailed,
  type StoredOrders,
  staffClients,
  storedOrders,
} from './orders.ts';
import {
  allGone,
  childPids,
  freePorts,
  healthReport,
  newLocalDir,
  type Ports,
  postmasterPid,
  removeLocalDir,
  type StackProcess,
  startStackProcess,
  stopStackProcess,
  waitForHealthy,
} from './stack-process.ts';

// One stack process of its own for the file (killing the shared stack would break every other file).
// Bounded: each scenario stops after a fixed number of orders; the bounds below only end a broken run.
const MAX_ATTEMPTS_PER_CLIENT = 400;
const SCENARIO_TIMEOUT_MS = 180_000;

let localDir: string;
let ports: Ports;
let stack: StackProcess | null = null;
let staff: SupabaseClient[] = [];

async function until(check: () => boolean | Promise<boolean>, what: string, boundMs = 60_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${stack?.output() ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every acknowledged order is there once; after replaying the failed ids, they are too; numbers gapless. */
function expectOrdersIntact(before: StoredOrders, after: StoredOrders, ledger: OrderLedger): void {
  const placed = new Set([...ledger.acknowledged, ...ledger.failed]);
  const missing = [...ledger.acknowledged].filter((id) => after.countById.get(id) !== 1);
  expect(missing, 'acknowledged orders missing or doubled').toEqual([]);
  const replayed = [...ledger.failed].filter((id) => after.countById.get(id) !== 1);
  expect(replayed, 'failed orders missing or doubled after their replay').toEqual([]);
  expect(after.countById.size).toBe(before.countById.size + placed.size);
  for (const [date, numbers] of after.numbersByDate) {
    expect(numberingDefects(numbers), `order numbers of ${date}`).toEqual([]);
  }
}

beforeAll(async () => {
  localDir = await newLocalDir();
  ports = await freePorts();
  stack = await startStackProcess(localDir, ports);
  staff = await staffClients(stack);
}, SCENARIO_TIMEOUT_MS);

afterAll(async () => {
  await stopStackProcess(stack);
  await removeLocalDir(localDir);
}, 60_000);

describe('Postgres SIGKILLed while four POS place orders and a kitchen screen listens', () => {
  const ledger = newLedger();
  const received: number[] = [];
  const degraded: string[] = [];
  let before: StoredOrders;
  let after: StoredOrders;
  let committed: number[] = [];
  let listener: SupabaseClient;
  let channel: RealtimeChannel;

  beforeAll(async () => {
    if (!stack) throw new Error('no stack');
    const running = stack;
    before = await storedOrders(running.adminDbUrl);
    listener = anonClient(running);
    channel = listener.channel('faults').on('broadcast', { event: 'n' }, (m) => received.push(m.payload.n as number));
    await new Promise<void>((resolve, reject) =>
      channel.subscribe((status, err) =>
        status === 'SUBSCRIBED' ? resolve() : status === 'CHANNEL_ERROR' ? reject(err) : undefined,
      ),
    );
    const sender = new BroadcastSender(running.adminDbUrl, 'faults');
    sender.start();

    let stop = false;
    const workers = staff.map((c) => placeOrdersUntil(c, ledger, () => stop, MAX_ATTEMPTS_PER_CLIENT));
    await until(() => ledger.acknowledged.size >= 12 && sender.next > 10, 'orders and broadcasts flowing');

    process.kill(postmasterPid(localDir), 'SIGKILL');
    await until(async () => {
      const report = await healthReport(running);
      // Realtime may notice its lost connection first; the stack's own word on Postgres follows.
      if (report.status === 'degraded' && report.down.postgres) degraded.push(report.down.postgres);
      return degraded.length > 0;
    }, 'health to report the kill');
    // Nobody restarts anything: the stack must come back by itself.
    await waitForHealthy(running);
    const atRecovery = ledger.acknowledged.size;
    await until(() => ledger.acknowledged.size >= atRecovery + 12, 'orders flowing again after the restart');
    stop = true;
    await Promise.all(workers);
    await sender.stop();

    await replayFailed(staff[0] as SupabaseClient, ledger);
    after = await storedOrders(running.adminDbUrl);
    // Delivered in commit order: once this last one is in, every earlier one (and any double) is too.
    const last = sender.next++;
    await sender.send(last);
    committed = await sender.committed();
    await until(() => received.includes(last), 'the last broadcast');
    await sender.end();
  }, SCENARIO_TIMEOUT_MS);

  afterAll(async () => {
    await listener?.removeAllChannels();
  });

  it('reports degraded with the reason, then recovers by itself', () => {
    expect(degraded.some((reason) => reason.includes('SIGKILL'))).toBe(true);
  });

  it('keeps every acknowledged order; replaying the failed ones doubles none; numbers stay gapless', () => {
    expect(ledger.acknowledged.size).toBeGreaterThan(24);
    expectOrdersIntact(before, after, ledger);
  });

  it('delivers every committed broadcast to a subscriber across the kill exactly once', () => {
    expect(committed.length).toBeGreaterThan(10);
    expect(deliveryDefects(received, committed)).toEqual({ doubled: [], lost: [] });
    // Nothing arrives that was not committed (a failed send that rolled back).
    expect(received.filter((n) => !committed.includes(n))).toEqual([]);
  });
});

describe('the functions host SIGKILLed', () => {
  it(
    'is started again by the stack before anyone calls a function',
    async () => {
      const running = stack as StackProcess;
      const stackPid = running.child.pid as number;
      const fn = await (staff[0] as SupabaseClient).functions.invoke('whoami');
      expect(fn.error).toBeNull();
      const [deno] = childPids(stackPid, 'deno');
      expect(deno).toBeDefined();
      process.kill(deno as number, 'SIGKILL');
      await until(() => childPids(stackPid, 'deno').some((pid) => pid !== deno), 'a new Deno host');
      await waitForHealthy(running);
      const again = await (staff[0] as SupabaseClient).functions.invoke('whoami');
      expect(again.error).toBeNull();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

describe('the stack SIGKILLed while four POS place orders, then started again', () => {
  const ledger = newLedger();
  const leftovers: number[] = [];
  let gone = false;
  let before: StoredOrders;
  let after: StoredOrders;
  let restartOutput = '';

  beforeAll(async () => {
    if (!stack) throw new Error('no stack');
    const killed = stack;
    before = await storedOrders(killed.adminDbUrl);
    let stop = false;
    const workers = staff.map((c) => placeOrdersUntil(c, ledger, () => stop, MAX_ATTEMPTS_PER_CLIENT));
    await until(() => ledger.acknowledged.size >= 12, 'orders flowing');

    // The functions host answers (so its Deno process is up) before the pids are collected.
    const fn = await (staff[0] as SupabaseClient).functions.invoke('whoami');
    if (fn.error) throw new Error(`the functions host does not answer: ${fn.error.message}`);
    const stackPid = killed.child.pid as number;
    leftovers.push(postmasterPid(localDir), ...childPids(stackPid, 'deno'));
    const exited = new Promise((resolve) => killed.child.once('exit', resolve));
    killed.child.kill('SIGKILL');
    await exited;
    // The watchdog's job: Postgres and Deno follow the stack although it ran no exit handler.
    gone = await allGone(leftovers);
    stop = true;
    await Promise.all(workers);

    stack = await startStackProcess(localDir, ports);
    restartOutput = stack.output();
    await replayFailed(staff[0] as SupabaseClient, ledger);
    after = await storedOrders(stack.adminDbUrl);
  }, SCENARIO_TIMEOUT_MS);

  it('leaves no Postgres or Deno behind', () => {
    expect(leftovers.length).toBeGreaterThanOrEqual(2);
    expect(gone).toBe(true);
    expect(restartOutput).not.toContain('from a previous run that did not stop');
  });

  it('starts again on the same data: every acknowledged order there once, replays double none, numbers gapless', async () => {
    expect(restartOutput).toContain('did not stop cleanly');
    expect(await healthReport(stack as StackProcess)).toEqual({ status: 'ok', down: {} });
    expectOrdersIntact(before, after, ledger);
  });

  it(
    'refuses a second stack on the same data folder, saying why',
    async () => {
      const second = await startStackProcess(localDir, await freePorts()).then(
        () => null,
        (e: Error) => e.message,
      );
      expect(second).toContain('Another stack');
      expect(second).toContain('is already running on');
    },
    SCENARIO_TIMEOUT_MS,
  );
});
