import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';

/**
 * One stack per data folder. The lock file holds the owner's pid and its start time (from
 * /proc on Linux), so a pid recycled by an unrelated process after a crash does not look like a
 * live stack. A lock whose owner is gone is taken over: that run died without cleaning up.
 */
export interface DataDirLock {
  /** The previous owner died without releasing the lock (its Postgres may still be running). */
  takenOverFrom: number | null;
  release: () => Promise<void>;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

function startTime(pid: number): string {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the parenthesised command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerAlive(pid: number, started: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return false;
  return started === '' || startTime(pid) === '' || startTime(pid) === started;
}

export async function lockDataDir(lockFile: string, dataDir: string): Promise<DataDirLock> {
  const me = `${process.pid} ${startTime(process.pid)}\n`;
  let takenOverFrom: number | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(me);
      await handle.close();
      return {
        takenOverFrom,
        release: async () => {
          const current = await readFile(lockFile, 'utf8').catch(() => '');
          if (current === me) await unlink(lockFile).catch(() => {});
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const [pidText = '', started = ''] = (await readFile(lockFile, 'utf8').catch(() => '')).trim().split(' ');
    const pid = Number(pidText);
    if (ownerAlive(pid, started)) {
      throw new DataDirInUseError(
        `Another stack (pid ${pid}) is already running on ${dataDir}. Stop it first (Ctrl-C in its terminal), ` +
          'or give this one another folder with COMANDA_LOCAL_DIR.',
      );
    }
    if (Number.isInteger(pid) && pid > 0) takenOverFrom = pid;
    await unlink(lockFile).catch(() => {});
  }
  throw new DataDirInUseError(`Could not take the lock ${lockFile}: another stack keeps taking it.`);
}
