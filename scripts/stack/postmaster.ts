import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from './data-dir-lock.ts';

const SHUTDOWN_WAIT_MS = 30_000;

/** What Postgres wrote into postmaster.pid: its pid on line 1, its port on line 4. */
async function readPostmasterPid(dataDir: string): Promise<{ pid: number; port: string } | null> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (text === null) return null;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: (lines[3] ?? '').trim() } : null;
}

/** A live process that is a Postgres server (where /proc tells; elsewhere a live pid is trusted). */
function isPostgres(pid: number): boolean {
  if (!processAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return process.platform !== 'linux';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isPostgres(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isPostgres(pid);
}

/**
 * Called with the data folder's lock held, so any postmaster still running on it belongs to a stack
 * that died without stopping it (or to a Postgres someone started by hand on our folder). It is shut
 * down cleanly — SIGINT, Postgres' fast shutdown, which ends its sessions and checkpoints — before
 * ours starts; otherwise the new server would refuse to start with an unhelpful lock error.
 */
export async function stopLeftoverPostmaster(dataDir: string, notice: (line: string) => void): Promise<void> {
  const found = await readPostmasterPid(dataDir);
  if (!found || !isPostgres(found.pid)) return;
  notice(
    `postgres: a Postgres (pid ${found.pid}, port ${found.port || '?'}) from a previous run that did not stop is still ` +
      `running on ${dataDir}; stopping it before starting`,
  );
  try {
    process.kill(found.pid, 'SIGINT');
  } catch (e) {
    throw new Error(
      `A Postgres (pid ${found.pid}) is still running on ${dataDir} and this user may not stop it ` +
        `(${(e as NodeJS.ErrnoException).code}). Stop it (kill -INT ${found.pid}) and start again.`,
    );
  }
  if (await waitForExit(found.pid, SHUTDOWN_WAIT_MS)) {
    notice(`postgres: the previous run's Postgres (pid ${found.pid}) has stopped`);
    return;
  }
  // Fast shutdown did not finish (a stuck session): immediate shutdown, crash recovery on our start.
  process.kill(found.pid, 'SIGQUIT');
  if (!(await waitForExit(found.pid, 10_000))) {
    throw new Error(`The previous run's Postgres (pid ${found.pid}) on ${dataDir} does not stop; stop it by hand.`);
  }
}
