import { existsSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { applyBootstrap } from './bootstrap.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { GatewayConfig } from './gateway/config.ts';
import { HealthBoard } from './gateway/health.ts';
import { startGateway } from './gateway/server.ts';
import { gatewayConfigFor } from './gateway-config.ts';
import { ANON_KEY, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys.ts';
import { startMailCatcher } from './mail/catcher.ts';
import { migrate, seed } from './migrate.ts';
import { roleUrl, startLocalPostgres } from './postgres.ts';
import { watchChild } from './watchdog.ts';

export { roleUrl };

export interface StackOptions {
  /** Local state: db/ (embedded cluster), storage/, deno/, prints/. */
  localDir: string;
  dbPort: number;
  apiPort: number;
  /** Where the app is opened (auth email links); `[auth] site_url` or COMANDA_SITE_URL unless given. */
  siteUrl?: string;
  /** The API as other devices reach it (the app's origin with --lan), for links in auth emails. */
  publicApiUrl?: string;
  /** The mail catcher's SMTP and inbox ports (the CLI's 54325 and 54324); any free port when 0 or absent. */
  smtpPort?: number;
  inboxPort?: number;
  /** A superuser URL of an existing Postgres to use instead of the embedded one. */
  databaseUrl?: string;
  /** Throw the embedded cluster away first (`npm run db:reset`). */
  reset?: boolean;
  log?: (line: string) => void;
  /** Postgres server chatter; silent unless given. */
  postgresLog?: (line: string) => void;
  /** Auth limits that win over config.toml's `[auth.rate_limit]` (the test stack raises them). */
  authRateLimits?: GatewayConfig['authRateLimits'];
}

export interface RunningStack {
  apiUrl: string;
  /** Where the app is opened, as the gateway's auth emails link to it. */
  siteUrl: string;
  /** The local inbox: every email the stack sent (JSON at `<inboxUrl>/api/messages`). */
  inboxUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
  /** The `postgres` role: owner of the app's objects (what `supabase db push` connects as). */
  dbUrl: string;
  /** The cluster superuser (supabase_admin). */
  adminDbUrl: string;
  /** True when this start created the database (migrations ran from zero and the seed was loaded). */
  created: boolean;
  stop: () => Promise<void>;
}

/**
 * Postgres → Supabase bootstrap → migrations (Supabase CLI) → seed on a new database → gateway.
 * Everything `npm run stack`, `npm start`, the tests and the benchmarks need, in one call.
 */
export async function startStack(opts: StackOptions): Promise<RunningStack> {
  const log = opts.log ?? (() => {});
  const dataDir = path.join(opts.localDir, 'db');
  await mkdir(opts.localDir, { recursive: true });
  // As root, Postgres runs as the `postgres` OS user, which must reach the data dir (mkdtemp is 0700).
  await chmod(opts.localDir, 0o755);

  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const c of cleanups.reverse()) await c().catch((e) => log(`stop: ${e}`));
    cleanups.length = 0;
  };
  const health = new HealthBoard();
  try {
    if (!opts.databaseUrl) {
      // Before --reset deletes anything: the folder may belong to a stack that is running.
      const lock = await lockDataDir(`${dataDir}.lock`, dataDir);
      cleanups.push(lock.release);
      if (lock.takenOverFrom !== null) log(`stack: the previous run (pid ${lock.takenOverFrom}) did not stop cleanly`);
      if (opts.reset) await rm(dataDir, { recursive: true, force: true });
    }
    let adminUrl: string;
    let created: boolean;
    if (opts.databaseUrl) {
      adminUrl = opts.databaseUrl;
      created = !(await hasMigrationHistory(adminUrl));
    } else {
      created = !existsSync(path.join(dataDir, 'PG_VERSION'));
      log(created ? 'postgres: creating a new cluster' : 'postgres: starting');
      const db = await startLocalPostgres({
        dataDir,
        port: opts.dbPort,
        ...(opts.postgresLog ? { log: opts.postgresLog } : {}),
        notice: log,
        onState: (state) => health.set('postgres', state.up ? null : state.reason),
      });
      cleanups.push(db.stop);
      adminUrl = db.adminUrl;
    }
    const postgresUrl = roleUrl(adminUrl, 'postgres');

    log('bootstrap: Supabase roles and schemas');
    await applyBootstrap(adminUrl);
    log('migrations: supabase migration up');
    await migrate(postgresUrl, log);
    if (created) {
      log('seed: supabase/seed.sql');
      await seed(postgresUrl);
    }

    const mail = await startMailCatcher({ smtpPort: opts.smtpPort ?? 0, httpPort: opts.inboxPort ?? 0, log });
    cleanups.push(mail.close);
    log(`mail: inbox ${mail.inboxUrl}, SMTP 127.0.0.1:${mail.smtpPort}`);

    const apiUrl = `http://127.0.0.1:${opts.apiPort}`;
    const cfg = gatewayConfigFor({
      adminUrl,
      apiUrl,
      localDir: opts.localDir,
      log,
      ...(opts.siteUrl ? { siteUrl: opts.siteUrl } : {}),
    });
    cfg.health = health;
    cfg.watchChild = watchChild;
    if (opts.authRateLimits) cfg.authRateLimits = opts.authRateLimits;
    cfg.authEmail = {
      smtp: { host: mail.smtpHost, port: mail.smtpPort },
      ...(opts.publicApiUrl ? { externalUrl: opts.publicApiUrl } : {}),
    };
    const gateway = await startGateway(cfg, opts.apiPort);
    cleanups.push(gateway.close);
    log(`gateway: ${gateway.url}`);

    return {
      apiUrl: gateway.url,
      siteUrl: cfg.siteUrl,
      inboxUrl: mail.inboxUrl,
      anonKey: ANON_KEY,
      serviceRoleKey: SERVICE_ROLE_KEY,
      publishableKey: PUBLISHABLE_KEY,
      secretKey: SECRET_KEY,
      jwtSecret: JWT_SECRET,
      dbUrl: postgresUrl,
      adminDbUrl: adminUrl,
      created,
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

async function hasMigrationHistory(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select to_regclass('supabase_migrations.schema_migrations') is not null as ok`,
    );
    return rows[0]?.ok === true;
  } finally {
    await client.end();
  }
}
