/**
 * Where the app finds Supabase. Vite inlines these at build time (vite.config.ts defaults them to
 * the local stack; app/dev-server.ts points them at the stack `npm start` runs).
 */
export const supabaseUrl: string = import.meta.env.VITE_SUPABASE_URL;
export const supabaseAnonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY;
