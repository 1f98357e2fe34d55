import { createClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types.ts';
import { supabaseAnonKey, supabaseUrl } from '#lib/env.ts';
import { apiReachability } from '#lib/network/api.ts';
import { reportingFetch } from '#lib/network/reachability.ts';

export const supabase = createClient<Database>(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  // Every request tells the app whether the API answered, so offline is noticed even when the
  // browser still claims a network.
  global: { fetch: reportingFetch(apiReachability) },
});
