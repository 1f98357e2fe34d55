import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

let dir: string;
let lockFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'comanda-lock-'));
  lockFile = path.join(dir, 'db.lock');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one stack per data folder', () => {
  it('refuses a second stack while the first holds the folder, and lets one in after release', async () => {
    const first = await lockDataDir(lockFile, dir);
    expect(first.takenOverFrom).toBeNull();
    const second = await lockDataDir(lockFile, dir).catch((e: Error) => e);
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toContain(`Another stack (pid ${process.pid}) is already running on ${dir}`);
    await first.release();
    const third = await lockDataDir(lockFile, dir);
    expect(third.takenOverFrom).toBeNull();
    await third.release();
  });

  it('takes over the lock of a run that died, saying whose it was', async () => {
    // A pid that existed and is gone: a child that has already exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    await writeFile(lockFile, `${dead} 12345\n`);
    const lock = await lockDataDir(lockFile, dir);
    expect(lock.takenOverFrom).toBe(dead);
    expect((await readFile(lockFile, 'utf8')).split(' ')[0]).toBe(String(process.pid));
    await lock.release();
  });

  // Start times come from /proc (Linux); elsewhere a live pid is trusted.
  it.skipIf(!existsSync('/proc/self/stat'))(
    'does not mistake a recycled pid for the stack that wrote the lock',
    async () => {
      // Our own pid, but another start time: the process that wrote it is gone.
      await writeFile(lockFile, `${process.pid} 1\n`);
      const lock = await lockDataDir(lockFile, dir);
      expect(lock.takenOverFrom).toBe(process.pid);
      await lock.release();
    },
  );
});
