import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Ordered SQL files (NN-topic.sql) that make a bare cluster look like a hosted Supabase database. */
export const bootstrapDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bootstrap');

// Any constant works; it only has to be the same for every process bootstrapping one cluster.
const BOOTSTRAP_LOCK_KEY = 0x5b_b007;

export async function bootstrapFiles(): Promise<string[]> {
  const names = (await readdir(bootstrapDir)).filter((n) => /^\d\d-[\w-]+\.sql$/.test(n)).sort();
  return names.map((n) => path.join(bootstrapDir, n));
}

/**
 * Creates Supabase's roles, schemas, auth/realtime/storage objects and PostgREST reload triggers.
 * `adminUrl` must be a superuser other than `postgres` (locally `supabase_admin`). Idempotent: every
 * start runs it, also against a database that already holds app data.
 */
export async function applyBootstrap(adminUrl: string): Promise<void> {
  // Roles are cluster-wide: two bootstraps racing on one cluster (even of different databases) would
  // collide on CREATE/ALTER ROLE, so they serialise on a lock taken in the cluster's `postgres` database.
  const lockUrl = new URL(adminUrl);
  lockUrl.pathname = '/postgres';
  const lock = new pg.Client({ connectionString: lockUrl.toString() });
  await lock.connect();
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await lock.query('select pg_advisory_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    await client.connect();
    for (const file of await bootstrapFiles()) {
      const sql = await readFile(file, 'utf8');
      try {
        // One simple-protocol query per file: Postgres runs a multi-statement string atomically.
        await client.query(sql);
      } catch (e) {
        const err = e as Error;
        throw new Error(`bootstrap ${path.basename(file)} failed: ${err.message}`, { cause: e });
      }
    }
  } finally {
    await client.end().catch(() => {});
    await lock.end();
  }
}
