import { createClient } from '@supabase/supabase-js';
import { corsHeaders } from '@supabase/supabase-js/cors';

export interface WhoamiEnv {
  supabaseUrl: string;
  anonKey: string;
}

export interface Whoami {
  role: string;
  user_id: string | null;
  is_anonymous: boolean;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json' },
  });
}

function bearerOf(req: Request): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get('Authorization') ?? '');
  return m?.[1] ?? null;
}

/**
 * The JWT's claims without checking the signature: with verify_jwt = true the platform has
 * already refused any token that does not verify, so only decoding is left to do.
 */
export function decodeClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}

/**
 * Who the caller is: `{ role, user_id }`. API keys (anon, service_role) are answered from the
 * claims; a user token is checked with Auth (`getUser`), so a signed-out or deleted user's
 * still-unexpired JWT is refused — and the function proves it can call back into the project.
 */
export function whoamiHandler(env: WhoamiEnv): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
    const token = bearerOf(req);
    const claims = token ? decodeClaims(token) : null;
    if (!token || !claims) {
      return json(401, { error: { code: 'invalid_token', message: 'A Bearer JWT is required' } });
    }
    const role = typeof claims.role === 'string' ? claims.role : 'anon';
    if (typeof claims.sub !== 'string') return json(200, { role, user_id: null, is_anonymous: false } satisfies Whoami);

    const supabase = createClient(env.supabaseUrl, env.anonKey, {
      global: { headers: { Authorization: `Bearer ${token}` } },
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    });
    const { data, error } = await supabase.auth.getUser(token);
    if (error || !data.user) {
      return json(401, { error: { code: 'invalid_session', message: error?.message ?? 'User not found' } });
    }
    return json(200, {
      role,
      user_id: data.user.id,
      is_anonymous: data.user.is_anonymous ?? false,
    } satisfies Whoami);
  };
}
