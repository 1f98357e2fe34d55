import { createClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types.ts';
import { supabaseAnonKey, supabaseUrl } from '#lib/env.ts';

export const supabase = createClient<Database>(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
});
