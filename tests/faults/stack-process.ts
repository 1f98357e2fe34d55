import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/stack/free-port.ts';
import { ANON_KEY, DB_PASSWORD, SERVICE_ROLE_KEY } from '../../scripts/stack/keys.ts';
import { repoRoot } from '../../scripts/stack/paths.ts';
import { SUPERUSER } from '../../scripts/stack/postgres.ts';

/**
 * A whole stack (`npm run stack`) in a process of its own, on loopback and free ports, in a
 * throw-away folder: the fault suite SIGKILLs its Postgres and the stack itself, which the shared
 * test stack must never see. Started with `node --import tsx` directly so the pid is the stack's own
 * (the tsx binary would put a process between).
 */
export interface StackProcess {
  localDir: string;
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  adminDbUrl: string;
  /** The stack's process; null once it has exited. */
  child: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
}

export interface Ports {
  db: number;
  api: number;
  inbox: number;
  smtp: number;
}

export async function freePorts(): Promise<Ports> {
  return { db: await freePort(), api: await freePort(), inbox: await freePort(), smtp: await freePort() };
}

export async function newLocalDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'comanda-faults-'));
}

export async function startStackProcess(localDir: string, ports: Ports): Promise<StackProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/stack/cli.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      COMANDA_LOCAL_DIR: localDir,
      DB_PORT: String(ports.db),
      API_PORT: String(ports.api),
      INBOX_PORT: String(ports.inbox),
      SMTP_PORT: String(ports.smtp),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d;
    if (process.env.STACK_LOG) process.stdout.write(`[fault stack] ${d}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stack: StackProcess = {
    localDir,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    anonKey: ANON_KEY,
    serviceRoleKey: SERVICE_ROLE_KEY,
    adminDbUrl: `postgresql://${SUPERUSER}:${DB_PASSWORD}@127.0.0.1:${ports.db}/postgres`,
    child,
    output: () => output,
  };
  try {
    await waitForHealthy(stack, 180_000);
  } catch (e) {
    // Never leave a half-started stack behind (its watchdog then takes Postgres along).
    await stopStackProcess(stack);
    throw e;
  }
  return stack;
}

/** Polls the gateway's /health until it says `ok`; fails early if the stack process exits. */
export async function waitForHealthy(stack: StackProcess, boundMs = 60_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (stack.child.exitCode !== null || stack.child.signalCode !== null) {
      throw new Error(`the stack exited:\n${stack.output()}`);
    }
    const status = await fetch(`${stack.apiUrl}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the stack did not become healthy within ${boundMs} ms:\n${stack.output()}`);
}

export async function healthReport(stack: StackProcess): Promise<{ status: string; down: Record<string, string> }> {
  const res = await fetch(`${stack.apiUrl}/health`);
  return (await res.json()) as { status: string; down: Record<string, string> };
}

/** The postmaster's pid, from the data folder as Postgres itself records it. */
export function postmasterPid(localDir: string): number {
  return Number(readFileSync(path.join(localDir, 'db', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Direct children of a process whose command line mentions `name` (Linux /proc). */
export function childPids(parent: number, name: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(name)) found.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie is dead for our purpose (its parent, the killed stack, is not there to reap it yet).
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits until none of `pids` is alive; false if some still are when the bound runs out. */
export async function allGone(pids: number[], boundMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (!pids.some(alive)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !pids.some(alive);
}

/** Stops the stack the way a person does (SIGTERM), or reaps it if it is already gone. */
export async function stopStackProcess(stack: StackProcess | null): Promise<void> {
  if (!stack) return;
  const { child } = stack;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function removeLocalDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}
