import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { RunningStack } from '../stack/stack.ts';
import { type BenchRow, type LoadResult, percentile } from './measure.ts';

/** The seeded demo restaurant, its cashier and cook (supabase/seed.sql). */
const restaurantId = 'a0000000-0000-4000-8000-000000000001';
const kedjenou = 'd0000000-0000-4000-8000-000000000006';
const ORDERS = 50;

async function signIn(stack: RunningStack, email: string, password: string): Promise<SupabaseClient> {
  const client = createClient(stack.apiUrl, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  if (error || !data.session) throw error ?? new Error(`${email}: no session`);
  await client.realtime.setAuth(data.session.access_token);
  return client;
}

function subscribed(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) =>
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
    }),
  );
}

/** Waits for one key, with a deadline so a lost message fails the bench instead of hanging it. */
class Waiters {
  private readonly waiting = new Map<string, () => void>();
  wait(key: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message for ${key} in ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(key, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  arrive(key: string): void {
    this.waiting.get(key)?.();
    this.waiting.delete(key);
  }
}

function summary(samples: number[]): LoadResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  return {
    concurrency: 1,
    requests: samples.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    perSecond: samples.length / (total / 1000),
  };
}

/**
 * POS → KDS: from the cashier's place_order call to the kitchen's callback for the order's first
 * line on the private `restaurant:<id>:orders` topic (what puts the ticket on the screen), one
 * order at a time over 50 orders; beside the floor of a bare realtime.send on a private topic to the
 * same kind of subscriber, measured in the same run.
 */
export async function benchKitchen(stack: RunningStack): Promise<BenchRow[]> {
  const owner = new pg.Client({ connectionString: stack.dbUrl });
  await owner.connect();
  await owner.query(`
    drop policy if exists "bench topics are readable" on realtime.messages;
    create policy "bench topics are readable" on realtime.messages for select to authenticated
      using (realtime.topic() like 'bench:%');
  `);
  const cashier = await signIn(stack, 'cashier@comanda.test', 'comanda-cashier');
  const cook = await signIn(stack, 'kitchen@comanda.test', 'comanda-kitchen');
  const waiters = new Waiters();
  try {
    const orders = cook.channel(`restaurant:${restaurantId}:orders`, { config: { private: true } });
    orders.on('broadcast', { event: 'INSERT' }, ({ payload }) => {
      const { table, record } = payload as { table?: string; record?: { order_id?: string } };
      if (table === 'order_lines' && record?.order_id) waiters.arrive(record.order_id);
    });
    await subscribed(orders);
    const floorChannel = cook.channel('bench:kitchen-floor', { config: { private: true } });
    floorChannel.on('broadcast', { event: 'tick' }, ({ payload }) => waiters.arrive(String(payload.k)));
    await subscribed(floorChannel);

    // Every order placed here, so they can be cancelled afterwards: the demo restaurant's kitchen
    // (and the heap bench that follows, which waits for an empty rail) is left as it was.
    const placed: { id: string; version: number }[] = [];
    const placeOne = async () => {
      const id = randomUUID();
      const arrived = waiters.wait(id);
      const started = performance.now();
      const { data, error } = await cashier.rpc('place_order', {
        p_order: { id, restaurant_id: restaurantId, type: 'takeaway', lines: [{ item_id: kedjenou, qty: 1 }] },
      });
      if (error) throw new Error(`place_order: ${error.message}`);
      await arrived;
      const elapsed = performance.now() - started;
      placed.push({ id, version: (data as { version: number }).version });
      return elapsed;
    };
    const floorOne = async () => {
      const id = randomUUID();
      const arrived = waiters.wait(id);
      const started = performance.now();
      await owner.query(
        `select realtime.send(jsonb_build_object('k', $1::text), 'tick', 'bench:kitchen-floor', true)`,
        [id],
      );
      await arrived;
      return performance.now() - started;
    };

    // Warm-up: the first calls pay for plans and connections.
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
    return [
      {
        name: `POS place_order → KDS callback (first line on restaurant:<id>:orders), ${ORDERS} orders`,
        subject: summary(subject),
        floor: summary(floor),
        floorName: 'realtime.send → callback',
      },
    ];
  } finally {
    await cook.removeAllChannels();
    await cashier.removeAllChannels();
    await owner.end();
  }
}
