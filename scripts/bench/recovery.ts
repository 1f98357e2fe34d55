import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { RunningStack } from '../stack/stack.ts';
import { percentile } from './measure.ts';

const KILLS = 3;

/** The postmaster's pid, from the data folder Postgres itself names. */
async function postmasterPid(adminDbUrl: string): Promise<number> {
  const db = new pg.Client({ connectionString: adminDbUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ dir: string }>(`select current_setting('data_directory') as dir`);
    const dir = rows[0]?.dir as string;
    return Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } finally {
    await db.end();
  }
}

async function healthy(apiUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (
      (await fetch(`${apiUrl}/health`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the stack did not report healthy again');
}

/**
 * Recovery after a Postgres SIGKILL: from the kill to the first REST read through supabase-js that
 * succeeds (the stack restarts Postgres by itself; the gateway's pools reconnect), and to /health
 * saying `ok` again (replication and the schema listener back too). Runs last: it kills the database.
 */
export async function benchRecovery(stack: RunningStack): Promise<void> {
  // A plain GET, not supabase-js: postgrest-js retries a 503 by itself (1 s, 2 s, 4 s), which would
  // measure its backoff instead of the stack. The service key reads past RLS.
  const headers = { apikey: stack.serviceRoleKey, Authorization: `Bearer ${stack.serviceRoleKey}` };
  const read = () =>
    fetch(`${stack.apiUrl}/rest/v1/restaurants?select=id&limit=1`, { headers }).then(
      (r) => r.ok,
      () => false,
    );
  if (!(await read())) throw new Error('REST read fails before any kill');
  const toRead: number[] = [];
  const toHealthy: number[] = [];
  for (let i = 0; i < KILLS; i++) {
    const pid = await postmasterPid(stack.adminDbUrl);
    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL');
    // The first reads may still meet the dying server's sockets; wait for a read to fail first.
    while (await read()) await new Promise((r) => setTimeout(r, 5));
    while (!(await read())) await new Promise((r) => setTimeout(r, 10));
    toRead.push(performance.now() - killedAt);
    await healthy(stack.apiUrl);
    toHealthy.push(performance.now() - killedAt);
    // Up longer than the supervisor's crash-loop window, so each kill meets the same first backoff.
    await new Promise((r) => setTimeout(r, 6000));
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(0);
  console.log(`\n## Recovery: Postgres SIGKILLed, the stack restarts it by itself (${KILLS} kills)\n`);
  console.log('| measure | median ms | max ms |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| kill → first successful REST read | ${f(percentile(sorted(toRead), 50))} | ${f(Math.max(...toRead))} |`,
  );
  console.log(
    `| kill → /health ok (replication, schema listener back) | ${f(percentile(sorted(toHealthy), 50))} | ${f(Math.max(...toHealthy))} |`,
  );
}
