/**
 * Where the app finds Supabase. Vite inlines these at build time: `VITE_*` environment variables
 * win, else the committed app/.env (the local stack's URL and its public demo anon key);
 * app/dev-server.ts points them at the stack `npm start` runs.
 */
export const supabaseUrl: string = import.meta.env.VITE_SUPABASE_URL;
export const supabaseAnonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY;
