import { existsSync, readFileSync } from 'node:fs';
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

/** The Supabase CLI's own default, for a project folder (a test's) that does not set one. */
const cliDefaultSiteUrl = 'http://127.0.0.1:3000';

function configuredSiteUrl(supabaseDir: string): string {
  const file = path.join(supabaseDir, 'config.toml');
  if (!existsSync(file)) return cliDefaultSiteUrl;
  const config = parseToml(readFileSync(file, 'utf8')) as { auth?: { site_url?: unknown } };
  const url = config.auth?.site_url;
  if (url === undefined || url === '') return cliDefaultSiteUrl;
  if (typeof url !== 'string') throw new Error(`${file}: [auth] site_url must be a string`);
  return url;
}
