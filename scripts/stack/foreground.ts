import { DEFAULT_PORTS } from './keys.ts';
import { defaultLocalDir } from './paths.ts';
import { type RunningStack, startStack } from './stack.ts';

/** Starts the stack on the CLI's fixed ports (or DATABASE_URL) for a person at a terminal. */
export async function startForegroundStack(
  argv: string[],
  opts: { siteUrl?: string; publicApiUrl?: string } = {},
): Promise<RunningStack> {
  const log = (line: string) => console.log(`  ${line}`);
  return startStack({
    localDir: process.env.COMANDA_LOCAL_DIR ?? defaultLocalDir,
    dbPort: Number(process.env.DB_PORT ?? DEFAULT_PORTS.db),
    apiPort: Number(process.env.API_PORT ?? DEFAULT_PORTS.api),
    inboxPort: Number(process.env.INBOX_PORT ?? DEFAULT_PORTS.inbox),
    smtpPort: Number(process.env.SMTP_PORT ?? DEFAULT_PORTS.smtp),
    reset: argv.includes('--reset'),
    ...(opts.siteUrl ? { siteUrl: opts.siteUrl } : {}),
    ...(opts.publicApiUrl ? { publicApiUrl: opts.publicApiUrl } : {}),
    log,
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  }).catch((e: unknown) => {
    // Whatever failed (a busy port, another stack on the folder, a migration), say it and stop.
    console.error(`\nThe stack could not start: ${describe(e)}`);
    process.exit(1);
  });
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return e === undefined ? 'unknown failure (no error given)' : String(e);
  const cause = e.cause === undefined ? '' : `\n  caused by: ${describe(e.cause)}`;
  // Our own errors explain themselves; anything else keeps its stack for a bug report.
  const known = e.name === 'Error' || e.name === 'DataDirInUseError';
  return `${known ? e.message : (e.stack ?? e.message)}${cause}`;
}

export function printStack(stack: RunningStack): void {
  console.log(`
Comanda local Supabase stack is running.

  API URL          ${stack.apiUrl}
  REST             ${stack.apiUrl}/rest/v1
  Auth             ${stack.apiUrl}/auth/v1
  Realtime         ${stack.apiUrl.replace('http', 'ws')}/realtime/v1/websocket
  Functions        ${stack.apiUrl}/functions/v1/<name>
  Health           ${stack.apiUrl}/health  (ok, or degraded with the reason while a part restarts)
  Inbox (emails)   ${stack.inboxUrl}  (every email the stack sends, e.g. password resets)
  Database URL     ${stack.dbUrl}
  JWT secret       ${stack.jwtSecret}
  anon key         ${stack.anonKey}
  service_role key ${stack.serviceRoleKey}
  publishable key  ${stack.publishableKey}
  secret key       ${stack.secretKey}
`);
}

/** Keeps the process alive until Ctrl-C / SIGTERM, then stops every child so nothing is orphaned. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
