/**
 * The print bridge of `npm start`: print-bridge/src/main.ts as a child process, signed in as the seed's
 * demo print-bridge account with the anon key only (never the service-role key, as on a store PC),
 * writing the demo restaurant's virtual printers under `<local dir>/prints/`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './stack/paths.ts';

/** From supabase/seed.sql (local only, like the other demo logins). */
export const DEMO_BRIDGE = {
  email: 'print-bridge@comanda.test',
  password: 'comanda-bridge',
  restaurantId: 'a0000000-0000-4000-8000-000000000001',
};

export interface RunningBridge {
  printsDir: string;
  stop: () => Promise<void>;
}

export async function startPrintBridge(opts: {
  apiUrl: string;
  anonKey: string;
  localDir: string;
  log: (line: string) => void;
}): Promise<RunningBridge | null> {
  const { apiUrl, anonKey, localDir, log } = opts;
  // A DATABASE_URL that was never seeded has no demo account: say so rather than start a bridge that
  // exits on its failed sign-in.
  const res = await fetch(`${apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_BRIDGE.email, password: DEMO_BRIDGE.password }),
  }).catch((e: unknown) => ({ ok: false, status: 0, text: async () => String(e) }));
  if (!res.ok) {
    log(
      `print-bridge: not started: cannot sign in as ${DEMO_BRIDGE.email} (the seed's demo account; ` +
        `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}). Is DATABASE_URL a database without the seed? Running without a print bridge.`,
    );
    return null;
  }
  const printsDir = path.join(localDir, 'prints');
  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      path.join(repoRoot, 'print-bridge', 'src', 'main.ts'),
      ...['--url', apiUrl, '--anon-key', anonKey, '--restaurant', DEMO_BRIDGE.restaurantId],
      ...['--email', DEMO_BRIDGE.email, '--password', DEMO_BRIDGE.password],
      ...['--home', path.join(localDir, 'print-bridge'), '--prints-dir', printsDir],
      // A fixed port would clash with a second `npm start` or a real bridge; the `started` line says which.
      ...['--health-port', process.env.COMANDA_BRIDGE_HEALTH_PORT ?? '0'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.join(repoRoot, 'print-bridge') },
  );
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => log(`print-bridge: ${line}`));
  }
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A process that could not be spawned emits 'error' and no 'exit'; unhandled, it would crash npm start.
    child.once('error', (e) => {
      log(`print-bridge: could not start (${e.message}); the rest keeps running without it`);
      resolve();
    });
  });
  child.once('exit', (code, signal) => {
    if (!stopping) log(`print-bridge: exited (${signal ?? `code ${code}`}); the rest keeps running without it`);
  });
  return {
    printsDir,
    stop: async () => {
      stopping = true;
      await stopChild(child, exited);
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
