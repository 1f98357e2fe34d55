import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { startHealth } from './health.ts';
import { Journal } from './journal.ts';
import { layout, printEncoding } from './layouts.ts';
import { jsonLog } from './log.ts';
import { Worker } from './worker.ts';

const VERSION = '0.1.0';

const { values } = parseArgs({
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
  allowPositionals: false,
});

function required(name: string, value: string | undefined): string {
  if (!value) {
    jsonLog('error', `missing --${name}`, { hint: 'see print-bridge/README.md' });
    process.exit(2);
  }
  return value;
}

const url = required('url', values.url);
const anonKey = required('anon-key', values['anon-key']);
const email = required('email', values.email);
const password = required('password', values.password);
const home = path.resolve(values.home ?? path.join(homedir(), '.comanda-bridge'));
const printsDir = path.resolve(values['prints-dir'] ?? path.join(home, 'prints'));

const client = createClient(url, anonKey, {
  auth: { persistSession: false, autoRefreshToken: true, detectSessionInUrl: false },
});
const { data: session, error: signInError } = await client.auth.signInWithPassword({ email, password });
if (signInError || !session.user) {
  jsonLog('error', 'sign-in failed', { error: signInError?.message });
  process.exit(1);
}

let restaurantId = values.restaurant;
if (!restaurantId) {
  const { data, error } = await client
    .from('memberships')
    .select('restaurant_id')
    .eq('user_id', session.user.id)
    .eq('role', 'print_bridge');
  const ids = (data ?? []) as { restaurant_id: string }[];
  if (error || ids.length !== 1) {
    jsonLog('error', 'cannot tell which restaurant to print for', {
      error: error?.message ?? `${ids.length} print_bridge memberships; pass --restaurant`,
    });
    process.exit(1);
  }
  restaurantId = ids[0]?.restaurant_id as string;
}

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
});
const health = await startHealth(Number(values['health-port']), () => ({
  version: VERSION,
  restaurantId,
  ...worker.status,
  unconfirmed: journal.unconfirmed().length,
}));
jsonLog('info', 'started', { version: VERSION, restaurantId, printsDir, home, health: health.address() });
await worker.start();

const shutdown = async (signal: string) => {
  jsonLog('info', 'stopping', { signal });
  await worker.stop();
  health.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
