import { createClient } from '@supabase/supabase-js';
import { supabaseAnonKey, supabaseUrl } from './env.ts';

// TODO(types): type this as createClient<Database> once `npm run gen:types` writes
// ./database.types.ts from the domain migrations.
export const supabase = createClient(supabaseUrl, supabaseAnonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
});
