import type { GatewayConfig } from './gateway/config.ts';
import { ANON_KEY, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys.ts';
import { supabaseDir as projectSupabaseDir } from './paths.ts';
import { roleUrl } from './postgres.ts';
import { signingKeysFor } from './signing-keys.ts';
import { siteUrlFor } from './site-url.ts';

/**
 * The gateway's view of a stack: the CLI's demo secret and keys (plus `[auth] signing_keys_path`), and one connection URL per
 * service role, all derived from the cluster's superuser URL. The one place the stack hands the
 * gateway what it knows, so the gateway never reaches back into the stack.
 */
export function gatewayConfigFor(opts: {
  /** Superuser URL of the (bootstrapped) database the gateway fronts. */
  adminUrl: string;
  /** Public base URL the gateway will answer on. */
  apiUrl: string;
  /** Local state (storage bytes, Deno cache, logs). */
  localDir: string;
  /** The Supabase project folder; the repository's supabase/ unless given. */
  supabaseDir?: string;
  /** Where the app is opened; the project's `[auth] site_url` (or COMANDA_SITE_URL) unless given. */
  siteUrl?: string;
  log?: (line: string) => void;
}): GatewayConfig {
  const supabaseDir = opts.supabaseDir ?? projectSupabaseDir;
  const jwtKeys = signingKeysFor(supabaseDir, JWT_SECRET);
  return {
    apiUrl: opts.apiUrl,
    siteUrl: opts.siteUrl ?? siteUrlFor(supabaseDir),
    jwtSecret: JWT_SECRET,
    ...(jwtKeys ? { jwtKeys } : {}),
    keys: { anon: ANON_KEY, serviceRole: SERVICE_ROLE_KEY, publishable: PUBLISHABLE_KEY, secret: SECRET_KEY },
    db: {
      authenticator: roleUrl(opts.adminUrl, 'authenticator'),
      authAdmin: roleUrl(opts.adminUrl, 'supabase_auth_admin'),
      admin: opts.adminUrl,
      postgres: roleUrl(opts.adminUrl, 'postgres'),
    },
    supabaseDir,
    localDir: opts.localDir,
    log: opts.log ?? (() => {}),
  };
}
