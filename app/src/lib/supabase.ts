import { AuthClient } from '@supabase/auth-js';
import { PostgrestClient } from '@supabase/postgrest-js';
import { RealtimeClient } from '@supabase/realtime-js';
import type { StorageClient } from '@supabase/storage-js';
import type { Database } from '#lib/database.types.ts';
import { supabaseAnonKey, supabaseUrl } from '#lib/env.ts';
import { apiReachability } from '#lib/network/api.ts';
import { reportingFetch } from '#lib/network/reachability.ts';

/**
 * The app's Supabase client, assembled from the official parts supabase-js itself is made of
 * (auth-js, postgrest-js, realtime-js; storage-js on demand) and wired the way `createClient`
 * wires them: same auth storage key, same headers, realtime following the session's token.
 * `createClient` builds a storage and a functions client eagerly, ~7.5 kB gzip that every screen
 * would download before it renders; the POS, the KDS and the admin need neither at start.
 * Only `lib/` imports this module.
 */

const apiUrl = supabaseUrl.replace(/\/+$/, '');

// Every request tells the app whether the API answered, so offline is noticed even when the
// browser still claims a network (lib/network/api.ts).
const networkFetch = reportingFetch(apiReachability);

const auth = new AuthClient({
  url: `${apiUrl}/auth/v1`,
  headers: { Authorization: `Bearer ${supabaseAnonKey}`, apikey: supabaseAnonKey },
  // createClient's key: sessions stored by earlier builds of the app stay signed in.
  storageKey: `sb-${new URL(apiUrl).hostname.split('.')[0]}-auth-token`,
  autoRefreshToken: true,
  persistSession: true,
  detectSessionInUrl: true,
  fetch: networkFetch,
});

async function sessionToken(): Promise<string | null> {
  const { data } = await auth.getSession();
  return data.session?.access_token ?? null;
}

/** The API key on every request, and the signed-in person's token (else the key) as bearer. */
const authorizedFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  if (!headers.has('apikey')) headers.set('apikey', supabaseAnonKey);
  if (!headers.has('Authorization'))
    headers.set('Authorization', `Bearer ${(await sessionToken()) ?? supabaseAnonKey}`);
  return networkFetch(input, { ...init, headers });
};

const rest = new PostgrestClient<Database, { PostgrestVersion: '12' }>(`${apiUrl}/rest/v1`, {
  fetch: authorizedFetch,
});

const realtime = new RealtimeClient(`${apiUrl.replace(/^http/, 'ws')}/realtime/v1`, {
  params: { apikey: supabaseAnonKey },
  accessToken: async () => (await sessionToken()) ?? supabaseAnonKey,
  fetch: authorizedFetch,
});

// Private channels are authorised with the session's token: follow it as it is refreshed.
let realtimeToken: string | undefined;
auth.onAuthStateChange((event, session) => {
  const token = session?.access_token;
  if (
    (event === 'TOKEN_REFRESHED' || event === 'SIGNED_IN' || event === 'INITIAL_SESSION') &&
    token !== realtimeToken
  ) {
    realtimeToken = token;
    void realtime.setAuth(token);
  } else if (event === 'SIGNED_OUT') {
    realtimeToken = undefined;
    void realtime.setAuth();
  }
});

let storageClient: Promise<StorageClient> | undefined;

export const supabase = {
  auth,
  realtime,
  from: rest.from.bind(rest),
  rpc: rest.rpc.bind(rest),
  channel: realtime.channel.bind(realtime),
  removeChannel: realtime.removeChannel.bind(realtime),
  /** Storage is fetched the first time a screen uploads or removes a file. */
  storage(): Promise<StorageClient> {
    storageClient ??= import('@supabase/storage-js').then(
      ({ StorageClient }) => new StorageClient(`${apiUrl}/storage/v1`, {}, authorizedFetch),
    );
    return storageClient;
  },
};

/** A public bucket object's address, as storage-js's `getPublicUrl` builds it (checked by a test). */
export function publicObjectUrl(bucket: string, path: string): string {
  return encodeURI(`${apiUrl}/storage/v1/object/public/${bucket}/${path.replace(/^\/+/, '')}`);
}
