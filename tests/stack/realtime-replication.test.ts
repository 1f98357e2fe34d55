import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBootstrap } from '../../scripts/stack/bootstrap.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { gatewayConfigFor } from '../../scripts/stack/gateway-config.ts';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { type LocalPostgres, startLocalPostgres } from '../../scripts/stack/postgres.ts';
import { anonClient } from '../support/clients.ts';
import { eventually, startRealtimeOnly, subscribed } from './realtime-helpers.ts';

// This file owns its Postgres: it stops and restarts it, which the shared stack must never see.
let dir: string;
let dbPort: number;
let db: LocalPostgres;
let gateway: { url: string; close: () => Promise<void> };
const clients: SupabaseClient[] = [];
const lines: string[] = [];

function client(): SupabaseClient {
  const c = anonClient({ apiUrl: gateway.url, anonKey: ANON_KEY });
  clients.push(c);
  return c;
}

async function sendCommitted(n: number, topic: string): Promise<void> {
  const c = new pg.Client({ connectionString: db.adminUrl });
  await c.connect();
  try {
    await c.query(`select realtime.send(jsonb_build_object('n', $1::int), 'n', $2, false)`, [n, topic]);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'comanda-realtime-'));
  dbPort = await freePort();
  db = await startLocalPostgres({ dataDir: dir, port: dbPort });
  await applyBootstrap(db.adminUrl);
  const cfg = gatewayConfigFor({
    adminUrl: db.adminUrl,
    apiUrl: 'http://127.0.0.1:0',
    supabaseDir: dir,
    localDir: dir,
    log: (l) => lines.push(l),
  });
  // A low event limit makes the flood test independent of how fast this machine is.
  gateway = await startRealtimeOnly(cfg, { slotName: 'comanda_realtime_test', maxEventsPerSecond: 50 });
});

afterAll(async () => {
  for (const c of clients) await c.removeAllChannels();
  await gateway?.close();
  await db?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('Broadcast from Database across a Postgres restart', () => {
  it('loses no committed message and delivers none twice', async () => {
    const topic = 'restart';
    const seen: number[] = [];
    const ch = client()
      .channel(topic)
      .on('broadcast', { event: 'n' }, (m) => seen.push(m.payload.n as number));
    await subscribed(ch);

    const committed: number[] = [];
    for (let n = 1; n <= 100; n++) {
      await sendCommitted(n, topic);
      committed.push(n);
    }
    // Stop right after the last commit: some of those may not have been delivered or acknowledged yet.
    await db.stop();
    await expect(sendCommitted(101, topic)).rejects.toThrow();
    db = await startLocalPostgres({ dataDir: dir, port: dbPort });
    for (let n = 102; n <= 200; n++) {
      await sendCommitted(n, topic);
      committed.push(n);
    }
    await eventually(() => seen.length >= committed.length, 'every committed message', 60_000);
    expect(seen).toEqual(committed);
    // The stream really broke and resumed from the slot (not, say, a second connection that never broke).
    expect(lines.some((l) => l.includes('replication connection lost'))).toBe(true);
  });
});

describe('a flooding socket', () => {
  it('is shut down alone; other sockets on the topic carry on', async () => {
    const topic = 'flood';
    const observed: string[] = [];
    const observer = client()
      .channel(topic)
      .on('broadcast', { event: '*' }, (m) => observed.push(m.event));
    await subscribed(observer);

    const systemMessages: string[] = [];
    const flooder = client()
      .channel(topic)
      .on('system', {}, (p: { message: string }) => systemMessages.push(p.message));
    await subscribed(flooder);
    for (let i = 0; i < 500; i++) void flooder.send({ type: 'broadcast', event: 'spam', payload: { i } });
    await eventually(() => systemMessages.includes('Too many messages per second'), 'the rate-limit shutdown');

    const speaker = client().channel(topic);
    await subscribed(speaker);
    await speaker.send({ type: 'broadcast', event: 'after-flood', payload: {} });
    await eventually(() => observed.includes('after-flood'), 'a message after the flood');
    expect(observed.filter((e) => e === 'spam').length).toBeLessThanOrEqual(50);
  });
});
