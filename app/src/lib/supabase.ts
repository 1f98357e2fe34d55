import { createClient } from '@supabase/supabase-js';
import type { Database } from './database.types.ts';
import { supabaseAnonKey, supabaseUrl } from './env.ts';

export const supabase = createClient<Database>(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
});
