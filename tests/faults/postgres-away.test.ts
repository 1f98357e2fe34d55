import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBootstrap } from '../../scripts/stack/bootstrap.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { type RunningGateway, startGateway } from '../../scripts/stack/gateway/server.ts';
import { gatewayConfigFor } from '../../scripts/stack/gateway-config.ts';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { type LocalPostgres, startLocalPostgres } from '../../scripts/stack/postgres.ts';
import { anonClient } from '../support/clients.ts';

// Its own Postgres, stopped and started again under a running gateway: the shared stack must never see that.
let dir: string;
let dbPort: number;
let db: LocalPostgres | null = null;
let gateway: RunningGateway;
let client: SupabaseClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'comanda-away-'));
  dbPort = await freePort();
  db = await startLocalPostgres({ dataDir: path.join(dir, 'db'), port: dbPort });
  await applyBootstrap(db.adminUrl);
  const setup = new pg.Client({ connectionString: db.adminUrl });
  await setup.connect();
  await setup.query(`
    create function public.ping() returns int language sql as 'select 1';
    grant execute on function public.ping() to anon;
    insert into storage.buckets (id, name, public) values ('away', 'away', true);
  `);
  await setup.end();
  const cfg = gatewayConfigFor({ adminUrl: db.adminUrl, apiUrl: 'http://127.0.0.1:0', localDir: dir });
  gateway = await startGateway(cfg, 0, { only: ['auth', 'rest', 'storage'] });
  client = anonClient({ apiUrl: gateway.url, anonKey: ANON_KEY });
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  await db?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('the gateway while Postgres is away', () => {
  it('answers 503 in each service own shape, and serves again once Postgres is back', async () => {
    expect((await client.rpc('ping')).data).toBe(1);
    await db?.stop();
    db = null;

    const rest = await client.rpc('ping');
    expect(rest.status).toBe(503);
    expect(rest.error).toMatchObject({
      code: 'PGRST000',
      message: 'Database connection error. Retrying the connection.',
    });

    const auth = await client.auth.signInWithPassword({ email: 'nobody@example.com', password: 'whatever-1' });
    // auth-js keeps a session through a 503 (retryable) instead of signing the person out.
    expect(auth.error?.name).toBe('AuthRetryableFetchError');
    expect(auth.error?.status).toBe(503);

    const storage = await client.storage.from('away').list();
    expect(storage.error).toMatchObject({ status: 503, statusCode: '503' });

    db = await startLocalPostgres({ dataDir: path.join(dir, 'db'), port: dbPort });
    // The same gateway, never restarted: its pools reconnect on the next request.
    expect((await client.rpc('ping')).data).toBe(1);
    const again = await client.auth.signInWithPassword({ email: 'nobody@example.com', password: 'whatever-1' });
    expect(again.error?.code).toBe('invalid_credentials');
    expect((await client.storage.from('away').list()).error).toBeNull();
  }, 120_000);
});
