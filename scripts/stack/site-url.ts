import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';

/**
 * The site URL: where the app is opened, so where table QR codes, board links and the links in
 * auth emails point. As with the Supabase CLI it is `[auth] site_url` in supabase/config.toml;
 * COMANDA_SITE_URL overrides it (a name the tablets resolve, a tunnel), and `npm start -- --lan`
 * passes the machine's LAN address unless that variable is set.
 */
export function siteUrlFor(supabaseDir: string, lanUrl?: string): string {
  const fromEnv = process.env.COMANDA_SITE_URL?.trim();
  const url = fromEnv || lanUrl || configuredSiteUrl(supabaseDir);
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`the site URL is not a URL: ${JSON.stringify(url)} (COMANDA_SITE_URL or [auth] site_url)`);
  }
}

function configuredSiteUrl(supabaseDir: string): string {
  const config = parseToml(readFileSync(path.join(supabaseDir, 'config.toml'), 'utf8')) as {
    auth?: { site_url?: unknown };
  };
  const url = config.auth?.site_url;
  if (typeof url !== 'string' || url === '') throw new Error('supabase/config.toml has no [auth] site_url');
  return url;
}
