import type { ProxyOptions } from 'vite';

/**
 * The paths a Supabase project answers under (the CLI's Kong routes, our gateway's parts). On the
 * LAN the app server forwards them to the gateway, so a phone talks to one HTTPS origin: no mixed
 * content, no second certificate, one address to type. A path matches with its prefix alone or
 * followed by `/` or `?`, never as the start of a longer name (`/auth/v1beta` is the app's).
 */
export const supabasePrefixes = ['/auth/v1', '/rest/v1', '/realtime/v1', '/storage/v1', '/functions/v1'] as const;

/** Source of the match; Vite treats a proxy key starting with `^` as a regular expression. */
export const supabasePathSource = `^/(?:auth|rest|realtime|storage|functions)/v1(?:[/?]|$)`;

export const supabasePath = new RegExp(supabasePathSource);

export function isSupabasePath(url: string): boolean {
  return supabasePath.test(url);
}

/**
 * Vite's proxy (dev and preview alike) for the Supabase paths, WebSocket upgrades included
 * (Realtime). The path is kept as is: the gateway mounts the same prefixes.
 */
export function supabaseProxy(gatewayUrl: string): Record<string, ProxyOptions> {
  return {
    [supabasePathSource]: { target: gatewayUrl, changeOrigin: true, ws: true, xfwd: true },
  };
}
