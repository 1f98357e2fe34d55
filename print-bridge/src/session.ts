import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

/**
 * The bridge's own credentials: the session of the anonymous sign-in that claimed a pairing code
 * (its refresh token above all), and what it was paired with (project URL, anon key, restaurant).
 * Both live in COMANDA_BRIDGE_HOME, mode 0600, written atomically (temporary file, fsync, rename), so
 * a crash mid-write never leaves a torn session that would unpair the store.
 */

export const SESSION_FILE = 'session.json';
export const PAIRING_FILE = 'pairing.json';
const STORAGE_KEY = 'comanda-print-bridge';

export interface PairingInfo {
  url: string;
  anonKey: string;
  restaurantId: string;
  restaurantName?: string;
  pairedAt: string;
}

export function writePrivate(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * supabase-js's storage for the session, as one file. Refreshing rotates the refresh token: the
 * new one is written before supabase-js uses the new access token, so a restart always holds the
 * latest.
 */
export function fileStorage(home: string, sessionKey = STORAGE_KEY) {
  // The session under its own name; anything else supabase-js keeps (none today) beside it.
  const fileOf = (key: string) =>
    path.join(home, key === sessionKey ? SESSION_FILE : `auth-${key.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
  return {
    getItem: (key: string) => readText(fileOf(key)),
    setItem: (key: string, value: string) => writePrivate(fileOf(key), value),
    removeItem: (key: string) => rmSync(fileOf(key), { force: true }),
  };
}

/** A client whose session lives in `home` and refreshes itself while the bridge runs. */
export function sessionClient(url: string, anonKey: string, home: string): SupabaseClient {
  return createClient(url, anonKey, {
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
      storage: fileStorage(home),
      storageKey: STORAGE_KEY,
    },
  });
}

export function readPairing(home: string): PairingInfo | null {
  const text = readText(path.join(home, PAIRING_FILE));
  return text ? (JSON.parse(text) as PairingInfo) : null;
}

export function writePairing(home: string, info: PairingInfo): void {
  writePrivate(path.join(home, PAIRING_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

/** Unpaired (removed in the admin): the credentials are useless now; a new code pairs again. */
export function forgetPairing(home: string): void {
  rmSync(path.join(home, SESSION_FILE), { force: true });
  rmSync(path.join(home, PAIRING_FILE), { force: true });
}

export type PairResult =
  | { ok: true; restaurantId: string; restaurantName: string; label: string }
  | { ok: false; code: string; message: string };

/** What each refusal means to the person at the store PC (codes from claim_bridge_pairing). */
const REFUSALS: Record<string, string> = {
  pairing_code_invalid: 'this pairing code does not exist or was withdrawn: check it, or create a new one',
  pairing_code_used: 'this pairing code was already used: create a new one on the admin printers page',
  pairing_code_expired: 'this pairing code has expired (codes last 15 minutes): create a new one',
  pairing_rate_limited: 'too many wrong codes: wait 15 minutes, then try again',
  already_member: 'this bridge is paired already',
};

/**
 * Signs in anonymously and claims the code: the anonymous user becomes the restaurant's
 * print_bridge member. A refused code signs the new user out again, leaving no session behind.
 */
export async function pair(client: SupabaseClient, code: string): Promise<PairResult> {
  const { error: signInError } = await client.auth.signInAnonymously();
  if (signInError) {
    return { ok: false, code: 'sign_in_failed', message: `anonymous sign-in failed: ${signInError.message}` };
  }
  const { data, error } = await client.rpc('claim_bridge_pairing', { p_code: code });
  const answer = data as {
    status?: string;
    code?: string;
    restaurant_id?: string;
    restaurant_name?: string;
    label?: string;
  };
  if (error || answer?.status !== 'paired') {
    const refused = error?.message ?? answer?.code ?? 'unknown';
    await client.auth.signOut({ scope: 'local' }).catch(() => {});
    return { ok: false, code: refused, message: REFUSALS[refused] ?? error?.hint ?? refused };
  }
  return {
    ok: true,
    restaurantId: answer.restaurant_id as string,
    restaurantName: answer.restaurant_name ?? '',
    label: answer.label ?? '',
  };
}
