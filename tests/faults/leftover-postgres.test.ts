import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { type LocalPostgres, startLocalPostgres } from '../../scripts/stack/postgres.ts';
import { alive } from './stack-process.ts';

let dir: string | undefined;
const servers: LocalPostgres[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

async function backendPid(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
    return rows[0]?.pid as number;
  } finally {
    await c.end();
  }
}

describe('a Postgres left running on the data folder', () => {
  it('is stopped cleanly with a clear message before a new one starts on the folder', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'comanda-leftover-'));
    const dataDir = path.join(dir, 'db');
    const firstPort = await freePort();
    // The first server stands for one whose stack died without stopping it (nothing supervises it
    // once the second start has stopped it: a clean shutdown by someone else is not restarted).
    const firstNotices: string[] = [];
    const first = await startLocalPostgres({ dataDir, port: firstPort, notice: (l) => firstNotices.push(l) });
    servers.push(first);
    const leftoverPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(await backendPid(first.adminUrl)).toBeGreaterThan(0);

    const notices: string[] = [];
    const second = await startLocalPostgres({ dataDir, port: await freePort(), notice: (l) => notices.push(l) });
    servers.push(second);

    expect(notices.join('\n')).toContain(
      `a Postgres (pid ${leftoverPid}, port ${firstPort}) from a previous run that did not stop is still running on ${dataDir}`,
    );
    expect(notices.join('\n')).toContain(`the previous run's Postgres (pid ${leftoverPid}) has stopped`);
    expect(alive(leftoverPid)).toBe(false);
    expect(firstNotices.join('\n')).toContain('shut down by another process; not restarting it');
    // The new server serves the same data folder.
    expect(await backendPid(second.adminUrl)).toBeGreaterThan(0);
  }, 120_000);
});
