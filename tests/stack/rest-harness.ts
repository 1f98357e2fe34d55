import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startGateway } from '../../scripts/stack/gateway/server.ts';
import { gatewayConfigFor } from '../../scripts/stack/gateway-config.ts';
import { ANON_KEY } from '../../scripts/stack/keys.ts';
import { roleUrl } from '../../scripts/stack/stack.ts';
import { anonClient } from '../support/clients.ts';
import { TEST_AUTH_RATE_LIMITS } from '../support/rate-limits.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { REST_FIXTURES_SQL } from './rest-fixtures.ts';

export interface RestHarness {
  url: string;
  /** Superuser URL of the fixture database (for role settings such as `pgrst.*`). */
  adminUrl: string;
  /** `postgres` role on the fixture database, for checking what was (not) written. */
  db: pg.Client;
  anon: () => SupabaseClient;
  withToken: (token: string) => SupabaseClient;
  signUp: (email: string) => Promise<{ client: SupabaseClient; userId: string; token: string }>;
  stop: () => Promise<void>;
}

export interface RestHarnessOptions {
  /** PostgREST in-database settings (`pgrst.<key>`) for the authenticator, in this database only. */
  dbSettings?: Record<string, string>;
  /** `[api] schemas` of the gateway's config.toml (the project's file otherwise). */
  schemas?: string[];
  /** `[api] max_rows` of the gateway's config.toml. */
  maxRows?: number;
}

/**
 * A database of its own on the shared test cluster (bootstrapped like every Supabase database),
 * loaded with the REST fixtures, behind a gateway of its own: the app's database stays untouched.
 */
export async function startRestHarness(
  adminDbUrl: string,
  fixturesSql = REST_FIXTURES_SQL,
  opts: RestHarnessOptions = {},
): Promise<RestHarness> {
  const scratch = await createScratchDatabase(adminDbUrl, 'rest_conformance');
  const { adminUrl, name: dbName } = scratch;
  const db = new pg.Client({ connectionString: roleUrl(adminUrl, 'postgres') });
  await db.connect();
  await db.query(fixturesSql);
  if (opts.dbSettings) {
    // IN DATABASE: the role is cluster-wide, and other suites share the cluster.
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      for (const [k, v] of Object.entries(opts.dbSettings)) {
        await admin.query(
          `alter role authenticator in database "${dbName}" set "pgrst.${k}" = '${v.replaceAll("'", "''")}'`,
        );
      }
    } finally {
      await admin.end();
    }
  }

  const port = await freePort();
  const localDir = path.join(tmpdir(), dbName);
  const cfg = gatewayConfigFor({ adminUrl, apiUrl: `http://127.0.0.1:${port}`, localDir });
  cfg.authRateLimits = TEST_AUTH_RATE_LIMITS;
  if (opts.schemas || opts.maxRows) {
    // The project's config.toml with only these `[api]` keys changed, read from a directory of this run.
    const dir = path.join(localDir, 'supabase');
    mkdirSync(dir, { recursive: true });
    let toml = readFileSync(path.join(cfg.supabaseDir, 'config.toml'), 'utf8');
    if (opts.maxRows) toml = toml.replace(/^max_rows = \d+$/m, `max_rows = ${opts.maxRows}`);
    if (opts.schemas) toml = toml.replace(/^schemas = \[.*\]$/m, `schemas = ${JSON.stringify(opts.schemas)}`);
    writeFileSync(path.join(dir, 'config.toml'), toml);
    cfg.supabaseDir = dir;
  }
  // Only the services this suite needs: the others' readiness (Deno, replication) is not its concern.
  const gateway = await startGateway(cfg, port, { only: ['auth', 'rest'] });
  const endpoint = { apiUrl: gateway.url, anonKey: ANON_KEY };
  const anon = () => anonClient(endpoint);
  const withToken = (token: string) => anonClient(endpoint, { bearer: token });
  return {
    url: gateway.url,
    adminUrl,
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
      await scratch.drop();
    },
  };
}
