/**
 * Where the app finds Supabase. Vite inlines these at build time: `VITE_*` environment variables
 * win, else the committed app/.env (the local stack's URL and its public demo anon key);
 * app/dev-server.ts points them at the stack `npm start` runs. `same-origin` means the server that
 * serves the app also forwards the Supabase paths (`npm start -- --lan`), so one build answers on
 * every address the machine has.
 */
export const supabaseUrl: string = resolveSupabaseUrl(import.meta.env.VITE_SUPABASE_URL);
export const supabaseAnonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY;

export function resolveSupabaseUrl(configured: string, origin = globalThis.location?.origin): string {
  if (configured !== 'same-origin') return configured;
  if (!origin) throw new Error('VITE_SUPABASE_URL is same-origin but the page has no origin');
  return origin;
}

/**
 * Where the app is opened, for the addresses it hands to other devices (table QR codes, the
 * board's link): the configured site URL (`[auth] site_url`, or the LAN address with `--lan`), so
 * a code made on the laptop at 127.0.0.1 still opens on a guest's phone; else this page's origin.
 */
export function siteUrl(configured = import.meta.env.VITE_SITE_URL, origin = globalThis.location?.origin): string {
  return (configured || origin || '').replace(/\/+$/, '');
}
