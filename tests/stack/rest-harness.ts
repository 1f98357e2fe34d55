import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { Hono } from 'hono';
import pg from 'pg';
import { authPart } from '../../scripts/gateway/auth/routes.ts';
import type { GatewayConfig } from '../../scripts/gateway/config.ts';
import { corsMiddleware } from '../../scripts/gateway/cors.ts';
import type { GatewayPart } from '../../scripts/gateway/part.ts';
import { restPart } from '../../scripts/gateway/rest/routes.ts';
import { applyBootstrap } from '../../scripts/stack/bootstrap.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { ANON_KEY, JWT_SECRET } from '../../scripts/stack/keys.ts';
import { supabaseDir } from '../../scripts/stack/paths.ts';
import { roleUrl } from '../../scripts/stack/stack.ts';
import { REST_FIXTURES_SQL } from './rest-fixtures.ts';

export interface RestHarness {
  url: string;
  /** `postgres` role on the fixture database, for checking what was (not) written. */
  db: pg.Client;
  anon: () => SupabaseClient;
  withToken: (token: string) => SupabaseClient;
  signUp: (email: string) => Promise<{ client: SupabaseClient; userId: string; token: string }>;
  stop: () => Promise<void>;
}

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

/**
 * A database of its own on the shared test cluster (bootstrapped like every Supabase database),
 * loaded with the REST fixtures, behind a gateway of its own: the app's database stays untouched.
 */
export async function startRestHarness(adminDbUrl: string): Promise<RestHarness> {
  const dbName = `rest_conformance_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminDbUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const u = new URL(adminDbUrl);
  u.pathname = `/${dbName}`;
  const adminUrl = u.toString();
  // applyBootstrap's advisory lock is per database, but it alters cluster-wide roles: two suites
  // bootstrapping their own databases at once collide ("tuple concurrently updated"). Serialise
  // on a lock in the shared database.
  await admin.query('select pg_advisory_lock(hashtext($1))', ['rest-harness-bootstrap']);
  try {
    await applyBootstrap(adminUrl);
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', ['rest-harness-bootstrap']);
    await admin.end();
  }
  const db = new pg.Client({ connectionString: roleUrl(adminUrl, 'postgres') });
  await db.connect();
  await db.query(REST_FIXTURES_SQL);

  const port = await freePort();
  const cfg: GatewayConfig = {
    apiUrl: `http://127.0.0.1:${port}`,
    jwtSecret: JWT_SECRET,
    db: {
      authenticator: roleUrl(adminUrl, 'authenticator'),
      authAdmin: roleUrl(adminUrl, 'supabase_auth_admin'),
      admin: adminUrl,
      postgres: roleUrl(adminUrl, 'postgres'),
    },
    supabaseDir,
    localDir: path.join(tmpdir(), dbName),
    log: () => {},
  };
  // Only the parts this test needs, mounted as server.ts mounts them: the others' readiness
  // (realtime, functions) is not this suite's concern.
  const parts: Record<string, GatewayPart> = { '/auth/v1': authPart(cfg), '/rest/v1': restPart(cfg) };
  const app = new Hono();
  app.use('*', corsMiddleware);
  for (const [prefix, part] of Object.entries(parts)) app.route(prefix, part.routes);
  await Promise.all(Object.values(parts).map((p) => p.ready?.()));
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const gateway = {
    url: cfg.apiUrl,
    close: async () => {
      await Promise.all(Object.values(parts).map((p) => p.close()));
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const anon = () => createClient(gateway.url, ANON_KEY, clientOptions);
  const withToken = (token: string) =>
    createClient(gateway.url, ANON_KEY, {
      ...clientOptions,
      global: { headers: { Authorization: `Bearer ${token}` } },
    });
  return {
    url: gateway.url,
    db,
    anon,
    withToken,
    signUp: async (email) => {
      const client = anon();
      const { data, error } = await client.auth.signUp({ email, password: 'correct-horse-battery' });
      if (error || !data.session || !data.user) throw new Error(`sign-up failed: ${error?.message ?? 'no session'}`);
      return { client, userId: data.user.id, token: data.session.access_token };
    },
    stop: async () => {
      await gateway.close();
      await db.end();
      const a = new pg.Client({ connectionString: adminDbUrl });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    },
  };
}
