import type { RealtimeChannel } from '@supabase/supabase-js';
import { apiReachability } from '#lib/network/api.ts';
import {
  type ChannelLike,
  createTopicManager,
  type PresenceEntry,
  type RealtimeTransport,
} from '#lib/realtime/topics.ts';
import { supabase } from '#lib/supabase.ts';

/** Seconds of margin: a token this close to its expiry is refreshed before a join. */
const EXPIRY_MARGIN_S = 30;

/**
 * The Supabase side of the topic manager. Joining a private topic needs a valid access token on the
 * socket: a tablet that slept past its token's expiry holds an expired one (the refresh timer did
 * not run), so the session is refreshed first, then handed to Realtime.
 */
const supabaseTransport: RealtimeTransport = {
  async authorize() {
    const { data } = await supabase.auth.getSession();
    let session = data.session;
    if (!session) return false;
    if (session.expires_at !== undefined && session.expires_at - EXPIRY_MARGIN_S <= Date.now() / 1000) {
      const refreshed = await supabase.auth.refreshSession();
      if (refreshed.error || !refreshed.data.session) return false;
      session = refreshed.data.session;
    }
    await supabase.realtime.setAuth(session.access_token);
    return true;
  },
  open(topic, options) {
    const channel = supabase.channel(topic, {
      config: { private: true, ...(options.presenceKey ? { presence: { key: options.presenceKey } } : {}) },
    });
    return wrap(channel);
  },
  async close(channel) {
    await supabase.removeChannel((channel as WrappedChannel).inner);
  },
};

interface WrappedChannel extends ChannelLike {
  inner: RealtimeChannel;
}

function wrap(inner: RealtimeChannel): WrappedChannel {
  return {
    inner,
    onBroadcast(listener) {
      inner.on('broadcast', { event: '*' }, (message) => listener(String(message.event), message.payload));
    },
    onPresenceSync(listener) {
      inner.on('presence', { event: 'sync' }, () => {
        const entries: PresenceEntry[] = [];
        for (const [key, metas] of Object.entries(inner.presenceState())) {
          for (const meta of metas) entries.push({ key, meta: meta as Record<string, unknown> });
        }
        listener(entries);
      });
    },
    subscribe(listener) {
      inner.subscribe((state) => listener(state as Parameters<typeof listener>[0]));
    },
    track(meta) {
      return inner.track(meta);
    },
  };
}

/** The app's topics: `subscribeTopic('restaurant:<id>:orders', { onMessage, onResubscribed })`. */
export const { subscribeTopic, overall: realtimeOverall } = createTopicManager({
  transport: supabaseTransport,
  network: apiReachability,
});
