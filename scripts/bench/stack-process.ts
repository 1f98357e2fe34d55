import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../stack/free-port.ts';
import { ANON_KEY, DB_PASSWORD, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../stack/keys.ts';
import { binDir, repoRoot, supabaseDir } from '../stack/paths.ts';
import { SUPERUSER } from '../stack/postgres.ts';
import { siteUrlFor } from '../stack/site-url.ts';
import type { RunningStack } from '../stack/stack.ts';

/**
 * The stack in a process of its own, as `npm run stack` runs it: the benchmark's clients must not
 * share the gateway's event loop, or they would measure each other.
 */
export async function startStackProcess(): Promise<RunningStack> {
  const localDir = await mkdtemp(path.join(tmpdir(), 'comanda-bench-'));
  const dbPort = await freePort();
  const apiPort = await freePort();
  const inboxPort = await freePort();
  const smtpPort = await freePort();
  const child = spawn(path.join(binDir, 'tsx'), ['scripts/stack/cli.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      COMANDA_LOCAL_DIR: localDir,
      DB_PORT: String(dbPort),
      API_PORT: String(apiPort),
      INBOX_PORT: String(inboxPort),
      SMTP_PORT: String(smtpPort),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitForHealth(child, apiUrl);
  const adminDbUrl = `postgresql://${SUPERUSER}:${DB_PASSWORD}@127.0.0.1:${dbPort}/postgres`;
  return {
    apiUrl,
    // What the child's gateway computed from the same environment and config.toml.
    siteUrl: siteUrlFor(supabaseDir),
    inboxUrl: `http://127.0.0.1:${inboxPort}`,
    anonKey: ANON_KEY,
    serviceRoleKey: SERVICE_ROLE_KEY,
    publishableKey: PUBLISHABLE_KEY,
    secretKey: SECRET_KEY,
    jwtSecret: JWT_SECRET,
    dbUrl: `postgresql://postgres:${DB_PASSWORD}@127.0.0.1:${dbPort}/postgres`,
    adminDbUrl,
    created: true,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(localDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(child: ChildProcess, apiUrl: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`stack exited early:\n${output}`);
    const ok = await fetch(`${apiUrl}/auth/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`stack did not become healthy:\n${output}`);
}
