import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyBootstrap } from '../../scripts/stack/bootstrap.ts';
import { roleUrl } from '../../scripts/stack/stack.ts';

export interface ScratchDatabase {
  name: string;
  /** Superuser URL of the new database. */
  adminUrl: string;
  /** The `postgres` role on it. */
  postgresUrl: string;
  drop: () => Promise<void>;
}

/**
 * A new, bootstrapped database on the shared test cluster, for suites whose fixtures must not leak
 * into the app's database (conformance fixtures) or that must see the migrations alone (type
 * generation, advisors).
 */
export async function createScratchDatabase(clusterAdminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(clusterAdminUrl);
  u.pathname = `/${name}`;
  const adminUrl = u.toString();
  await applyBootstrap(adminUrl);
  return {
    name,
    adminUrl,
    postgresUrl: roleUrl(adminUrl, 'postgres'),
    drop: async () => {
      const a = new pg.Client({ connectionString: clusterAdminUrl });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
