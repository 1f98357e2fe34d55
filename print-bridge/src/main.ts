import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, isAuthApiError, type SupabaseClient } from '@supabase/supabase-js';
import { startHealth } from './health.ts';
import { Journal } from './journal.ts';
import { layout, printEncoding } from './layouts.ts';
import { jsonLog } from './log.ts';
import { forgetPairing, pair, readPairing, sessionClient, writePairing } from './session.ts';
import { Worker } from './worker.ts';

const VERSION = '0.1.0';

const { values, positionals } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SUPABASE_URL },
    'anon-key': { type: 'string', default: process.env.SUPABASE_ANON_KEY },
    email: { type: 'string', default: process.env.COMANDA_BRIDGE_EMAIL },
    password: { type: 'string', default: process.env.COMANDA_BRIDGE_PASSWORD },
    restaurant: { type: 'string', default: process.env.COMANDA_RESTAURANT_ID },
    'prints-dir': { type: 'string', default: process.env.COMANDA_PRINTS_DIR },
    home: { type: 'string', default: process.env.COMANDA_BRIDGE_HOME },
    'health-port': { type: 'string', default: process.env.COMANDA_BRIDGE_HEALTH_PORT ?? '9631' },
    'poll-ms': { type: 'string', default: '10000' },
    'lease-seconds': { type: 'string', default: '60' },
  },
  allowPositionals: true,
});

/** Exit status when the bridge is not (or no longer) paired: the systemd unit does not restart on it. */
const EXIT_UNPAIRED = 78;

function fatal(msg: string, fields: Record<string, unknown>, status = 1): never {
  jsonLog('error', msg, fields);
  process.exit(status);
}

function required(name: string, value: string | undefined): string {
  if (!value) fatal(`missing --${name}`, { hint: 'see print-bridge/README.md' }, 2);
  return value;
}

const home = path.resolve(values.home ?? path.join(homedir(), '.comanda-bridge'));
const printsDir = path.resolve(values['prints-dir'] ?? path.join(home, 'prints'));
const [command, code, ...extra] = positionals;
if ((command !== undefined && command !== 'pair') || extra.length || (command === 'pair' && !code)) {
  fatal('usage: npm start [-- pair <code>] [flags]', { got: positionals, hint: 'see print-bridge/README.md' }, 2);
}

// Three ways to run: pairing with a code (then running), a paired bridge resuming from its state
// folder, or a password sign-in (the seed's demo account under `npm start` of the repository).
let client: SupabaseClient;
let restaurantId = values.restaurant;
let paired = false;
if (command === 'pair') {
  const url = required('url', values.url);
  const anonKey = required('anon-key', values['anon-key']);
  forgetPairing(home);
  client = sessionClient(url, anonKey, home);
  const result = await pair(client, code as string);
  if (!result.ok) fatal('pairing refused', { code: result.code, reason: result.message });
  writePairing(home, {
    url,
    anonKey,
    restaurantId: result.restaurantId,
    restaurantName: result.restaurantName,
    pairedAt: new Date().toISOString(),
  });
  jsonLog('info', 'paired', { restaurantId: result.restaurantId, restaurant: result.restaurantName, home });
  restaurantId = result.restaurantId;
  paired = true;
} else if (values.email || values.password) {
  const url = required('url', values.url);
  const anonKey = required('anon-key', values['anon-key']);
  client = createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: true, detectSessionInUrl: false },
  });
  const { data: session, error: signInError } = await client.auth.signInWithPassword({
    email: required('email', values.email),
    password: required('password', values.password),
  });
  if (signInError || !session.user) fatal('sign-in failed', { error: signInError?.message });
} else {
  const pairing = readPairing(home);
  if (!pairing) {
    fatal(
      'not paired',
      {
        home,
        hint: 'create a pairing code on the admin printers page, then: npm start -- pair <code> --url … --anon-key …',
      },
      EXIT_UNPAIRED,
    );
  }
  client = sessionClient(values.url || pairing.url, values['anon-key'] || pairing.anonKey, home);
  // Loads the stored session; an expired access token is refreshed here with the stored refresh token.
  const { data, error } = await client.auth.getSession();
  if (error || !data.session) {
    if (error && !isAuthApiError(error))
      fatal('cannot reach the database to resume the session', { error: error.message });
    forgetPairing(home);
    fatal(
      'unpaired: the stored session was refused (bridge removed in the admin?)',
      { error: error?.message ?? 'no session', hint: 'pair again with a new code' },
      EXIT_UNPAIRED,
    );
  }
  restaurantId = pairing.restaurantId;
  paired = true;
}

const { data: who } = await client.auth.getUser();
const userId = who.user?.id;
const { data: memberships, error: membershipError } = await client
  .from('memberships')
  .select('restaurant_id')
  .eq('user_id', userId ?? '')
  .eq('role', 'print_bridge');
if (membershipError) fatal("cannot read the bridge's restaurant", { error: membershipError.message });
const ids = ((memberships ?? []) as { restaurant_id: string }[]).map((m) => m.restaurant_id);
if (restaurantId ? !ids.includes(restaurantId) : ids.length !== 1) {
  if (paired) {
    forgetPairing(home);
    fatal(
      'unpaired: this bridge was removed in the admin',
      { restaurantId, hint: 'pair again with a new code' },
      EXIT_UNPAIRED,
    );
  }
  fatal('cannot tell which restaurant to print for', {
    error: restaurantId
      ? `not the print bridge of ${restaurantId}`
      : `${ids.length} print_bridge memberships; pass --restaurant`,
  });
}
restaurantId ??= ids[0] as string;

const journal = new Journal(home);
const worker = new Worker({
  client,
  restaurantId,
  journal,
  layout,
  encoding: printEncoding,
  printsDir,
  log: jsonLog,
  pollMs: Number(values['poll-ms']),
  leaseSeconds: Number(values['lease-seconds']),
  onUnpaired: (reason) => void unpaired(reason),
});
const health = await startHealth(Number(values['health-port']), () => ({
  version: VERSION,
  restaurantId,
  ...worker.status,
  unconfirmed: journal.unconfirmed().length,
  memory: (({ rss, heapUsed, heapTotal }) => ({ rss, heapUsed, heapTotal }))(process.memoryUsage()),
}));
jsonLog('info', 'started', { version: VERSION, restaurantId, printsDir, home, health: health.address() });
await worker.start();

// Removed in the admin: the database refuses the bridge's claims (forbidden), or its refresh token is
// refused (signed out). It stops for good: systemd does not restart an exit of EXIT_UNPAIRED.
let stopping = false;
async function unpaired(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  jsonLog('error', 'unpaired: this bridge was removed in the admin; stopping', {
    reason,
    hint: 'create a new pairing code on the admin printers page to pair it again',
  });
  if (paired) forgetPairing(home);
  await worker.stop();
  health.close();
  process.exit(EXIT_UNPAIRED);
}
client.auth.onAuthStateChange((event) => {
  if (event === 'SIGNED_OUT') void unpaired('the session was refused (signed out)');
});

const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  jsonLog('info', 'stopping', { signal });
  await worker.stop();
  health.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
