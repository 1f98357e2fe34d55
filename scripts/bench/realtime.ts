import { randomUUID } from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { RunningStack } from '../stack/stack.ts';
import { type BenchRow, runLoad } from './measure.ts';

const TOPICS = 100;
const MANY_CLIENTS = 200;

/** A delivery not seen this long after its commit counts as lost (and the wait ends). */
const LOST_AFTER_MS = 5_000;

/**
 * Resolves when `count` deliveries of one message id have arrived, or after LOST_AFTER_MS with the
 * missing ones counted in `lost`: a lost message is a finding to print, not a bench that hangs.
 */
class Arrivals {
  private readonly waiting = new Map<string, { left: number; done: () => void }>();
  lost = 0;
  expected = 0;
  expect(id: string, count: number): Promise<void> {
    this.expected += count;
    return new Promise((done) => {
      const timer = setTimeout(() => {
        const w = this.waiting.get(id);
        if (!w) return;
        this.lost += w.left;
        this.waiting.delete(id);
        done();
      }, LOST_AFTER_MS);
      this.waiting.set(id, {
        left: count,
        done: () => {
          clearTimeout(timer);
          done();
        },
      });
    });
  }
  arrived(id: string): void {
    const w = this.waiting.get(id);
    if (!w) return;
    if (--w.left === 0) {
      this.waiting.delete(id);
      w.done();
    }
  }
  /** " — 3 of 1200 deliveries lost" when any were; counts since the last call. */
  takeLosses(): string {
    const note =
      this.lost > 0
        ? ` — ${this.lost} of ${this.expected} deliveries LOST (not seen within ${LOST_AFTER_MS / 1000} s)`
        : '';
    this.lost = 0;
    this.expected = 0;
    return note;
  }
}

function subscribe(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) =>
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
    }),
  );
}

/**
 * Broadcast from Database latency, commit → supabase-js callback (timed from just before the
 * committing statement, as is the floor), with 1 subscriber and with 200 sockets on 100 private
 * topics, beside a LISTEN/NOTIFY round trip on the same database: the least any database-driven
 * push can cost.
 */
export async function benchRealtime(stack: RunningStack, durationMs = 5_000): Promise<BenchRow[]> {
  const owner = new pg.Client({ connectionString: stack.dbUrl });
  await owner.connect();
  await owner.query(`
    drop policy if exists "bench topics are readable" on realtime.messages;
    create policy "bench topics are readable" on realtime.messages for select to authenticated
      using (realtime.topic() like 'bench:%');
  `);
  await owner.end();

  const auth = createClient(stack.apiUrl, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const { data, error } = await auth.auth.signUp({
    email: `bench-rt-${randomUUID()}@example.com`,
    password: 'bench-pw-1',
  });
  if (error || !data.session) throw error ?? new Error('sign-up returned no session');
  const token = data.session.access_token;

  const writers = new pg.Pool({ connectionString: stack.dbUrl, max: 16 });
  const listener = new pg.Client({ connectionString: stack.dbUrl });
  await listener.connect();
  const arrivals = new Arrivals();
  listener.on('notification', (n) => arrivals.arrived(n.payload ?? ''));
  await listener.query('listen bench_floor');
  const clients: SupabaseClient[] = [];
  // Each client is its own socket, as 200 browser tabs would be; setAuth makes the join carry the token.
  const newClient = async () => {
    const c = createClient(stack.apiUrl, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    clients.push(c);
    await c.realtime.setAuth(token);
    return c;
  };

  try {
    const sendDb = (topic: string, copies: number) => async () => {
      const id = randomUUID();
      const arrived = arrivals.expect(id, copies);
      await writers.query(`select realtime.send(jsonb_build_object('k', $1::text), 'tick', $2, true)`, [id, topic]);
      await arrived;
    };
    const notify = async () => {
      const id = randomUUID();
      const arrived = arrivals.expect(id, 1);
      await writers.query(`select pg_notify('bench_floor', $1)`, [id]);
      await arrived;
    };
    const onTick = (m: { payload: { k?: string } }) => arrivals.arrived(m.payload.k ?? '');

    const rows: BenchRow[] = [];
    const soloClient = await newClient();
    const single = soloClient.channel('bench:solo', { config: { private: true } });
    single.on('broadcast', { event: 'tick' }, onTick);
    await subscribe(single);
    const soloSubject = await runLoad(sendDb('bench:solo', 1), { concurrency: 1, durationMs });
    const soloLosses = arrivals.takeLosses();
    rows.push({
      name: `Broadcast from DB → 1 client${soloLosses}`,
      subject: soloSubject,
      floor: await runLoad(notify, { concurrency: 1, durationMs }),
      floorName: 'LISTEN/NOTIFY',
    });

    // The solo socket is the first of the 200: 201 would pass the gateway's 200 concurrent users.
    // Its token is set again, as supabase-js may have put the anon key back meanwhile.
    await soloClient.realtime.setAuth(token);
    for (let i = 0; i < MANY_CLIENTS; i++) {
      const ch = (i === 0 ? soloClient : await newClient()).channel(`bench:${i % TOPICS}`, {
        config: { private: true },
      });
      ch.on('broadcast', { event: 'tick' }, onTick);
      await subscribe(ch);
    }
    const perTopic = MANY_CLIENTS / TOPICS;
    const randomTopic = async () => sendDb(`bench:${Math.floor(Math.random() * TOPICS)}`, perTopic)();
    const subject = await runLoad(randomTopic, { concurrency: 16, durationMs });
    const manyLosses = arrivals.takeLosses();
    rows.push({
      name: `Broadcast from DB → ${MANY_CLIENTS} clients / ${TOPICS} private topics (${Math.round(subject.perSecond * perTopic)} delivered msgs/s)${manyLosses}`,
      subject,
      floor: await runLoad(notify, { concurrency: 16, durationMs }),
      floorName: 'LISTEN/NOTIFY',
    });
    return rows;
  } finally {
    await Promise.all(clients.map((c) => c.removeAllChannels()));
    await listener.end();
    await writers.end();
  }
}
