import { AuthClient } from '@supabase/auth-js';
import { type RealtimeChannel, RealtimeClient } from '@supabase/realtime-js';
import { type DbFailure, type DbResult, failureFromThrown, resultFromResponse } from '#lib/db.ts';
import { supabaseAnonKey, supabaseUrl } from '#lib/env.ts';
import { apiReachability } from '#lib/network/api.ts';
import { reportingFetch } from '#lib/network/reachability.ts';
import { type ChannelLike, createTopicManager, type SubscribeState } from '#lib/realtime/topics.ts';

/**
 * The guests' page's own Supabase client: auth (the anonymous guest) and Realtime, wired as
 * lib/supabase.ts wires them (same auth storage key, so it is the same session), and the RPCs as
 * plain POSTs to PostgREST's /rpc/<name> — the guest calls nothing else, and postgrest-js's query
 * builder is ~4.5 kB gzip the 70 kB budget of guest.html has no room for. Only lib/guest imports it.
 */

const apiUrl = supabaseUrl.replace(/\/+$/, '');
const networkFetch = reportingFetch(apiReachability);

export const guestAuth = new AuthClient({
  url: `${apiUrl}/auth/v1`,
  headers: { Authorization: `Bearer ${supabaseAnonKey}`, apikey: supabaseAnonKey },
  storageKey: `sb-${new URL(apiUrl).hostname.split('.')[0]}-auth-token`,
  autoRefreshToken: true,
  persistSession: true,
  detectSessionInUrl: false,
  fetch: networkFetch,
});

async function sessionToken(): Promise<string | null> {
  const { data } = await guestAuth.getSession();
  return data.session?.access_token ?? null;
}

const realtime = new RealtimeClient(`${apiUrl.replace(/^http/, 'ws')}/realtime/v1`, {
  params: { apikey: supabaseAnonKey },
  accessToken: async () => (await sessionToken()) ?? supabaseAnonKey,
});

let realtimeToken: string | undefined;
guestAuth.onAuthStateChange((event, session) => {
  const token = session?.access_token;
  if (
    (event === 'TOKEN_REFRESHED' || event === 'SIGNED_IN' || event === 'INITIAL_SESSION') &&
    token !== realtimeToken
  ) {
    realtimeToken = token;
    void realtime.setAuth(token);
  }
});

/** `POST /rest/v1/rpc/<name>` with the guest's token; refusals come back with the database's code. */
export async function guestRpc<T>(name: string, args: Record<string, unknown>): Promise<DbResult<T>> {
  let failure: DbFailure;
  try {
    const response = await networkFetch(`${apiUrl}/rest/v1/rpc/${name}`, {
      method: 'POST',
      headers: {
        apikey: supabaseAnonKey,
        Authorization: `Bearer ${(await sessionToken()) ?? supabaseAnonKey}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(args),
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : null;
    if (response.ok) return { ok: true, data: body as T };
    const error = (body ?? {}) as { message?: string; code?: string; hint?: string; details?: string };
    const result = resultFromResponse({
      error: {
        message: error.message ?? response.statusText,
        code: error.code ?? null,
        hint: error.hint ?? null,
        details: error.details ?? null,
      },
      status: response.status,
    });
    failure = result.ok ? { transient: false, code: `http_${response.status}`, message: text } : result.failure;
  } catch (thrown) {
    failure = failureFromThrown(thrown);
  }
  return { ok: false, failure };
}

/** The topic manager of lib/realtime (re-joins, backoff, re-reads) on this client's socket. */
export const { subscribeTopic } = createTopicManager({
  network: apiReachability,
  transport: {
    async authorize() {
      const { data } = await guestAuth.getSession();
      let session = data.session;
      if (!session) return false;
      // A phone that slept past its token's expiry refreshes before joining.
      if (session.expires_at !== undefined && session.expires_at - 30 <= Date.now() / 1000) {
        const refreshed = await guestAuth.refreshSession();
        if (refreshed.error || !refreshed.data.session) return false;
        session = refreshed.data.session;
      }
      await realtime.setAuth(session.access_token);
      return true;
    },
    open(topic) {
      return wrap(realtime.channel(topic, { config: { private: true } }));
    },
    async close(channel) {
      await realtime.removeChannel((channel as WrappedChannel).inner);
    },
  },
});

interface WrappedChannel extends ChannelLike {
  inner: RealtimeChannel;
}

/** Broadcast only: the guest tracks no presence. */
function wrap(inner: RealtimeChannel): WrappedChannel {
  return {
    inner,
    onBroadcast(listener) {
      inner.on('broadcast', { event: '*' }, (message) => listener(String(message.event), message.payload));
    },
    onPresenceSync() {},
    subscribe(listener) {
      inner.subscribe((state) => listener(state as SubscribeState));
    },
    track: () => Promise.resolve(),
  };
}
