import { supabaseAnonKey, supabaseUrl } from '#lib/env.ts';
import { createReachability } from '#lib/network/reachability.ts';

/**
 * The app's one view of whether the Supabase API answers. The Supabase client reports every
 * request to it (lib/supabase.ts); the query cache and the outbox follow it (lib/query.ts,
 * lib/sync.ts); the offline notice shows it.
 */
export const apiReachability = createReachability({
  initiallyOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  // Any HTTP answer proves the API is reachable; only a network failure leaves the app offline.
  probe: () =>
    fetch(`${supabaseUrl}/auth/v1/health`, { headers: { apikey: supabaseAnonKey }, cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
});
