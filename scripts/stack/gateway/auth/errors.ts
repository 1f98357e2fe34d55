import type { Context } from 'hono';
import { isConnectionLoss } from '../db-errors.ts';

/** GoTrue's stable `error_code` values that this gateway emits (subset of supabase/auth apierrors). */
export type AuthErrorCode =
  | 'anonymous_provider_disabled'
  | 'bad_json'
  | 'bad_jwt'
  | 'email_address_invalid'
  | 'email_exists'
  | 'email_not_confirmed'
  | 'email_provider_disabled'
  | 'invalid_credentials'
  | 'no_authorization'
  | 'not_admin'
  | 'otp_expired'
  | 'over_email_send_rate_limit'
  | 'over_request_rate_limit'
  | 'phone_exists'
  | 'phone_provider_disabled'
  | 'refresh_token_already_used'
  | 'refresh_token_not_found'
  | 'request_entity_too_large'
  | 'same_password'
  | 'session_expired'
  | 'session_not_found'
  | 'unexpected_failure'
  | 'user_already_exists'
  | 'user_banned'
  | 'user_not_found'
  | 'validation_failed'
  | 'weak_password';

/** An answer GoTrue would give as an error; thrown by handlers, rendered by `renderAuthError`. */
export class AuthError extends Error {
  readonly status: number;
  readonly code: AuthErrorCode;
  /** Only for weak_password: the reasons array auth-js turns into AuthWeakPasswordError.reasons. */
  readonly weakPasswordReasons: string[] | undefined;
  constructor(status: number, code: AuthErrorCode, message: string, weakPasswordReasons?: string[]) {
    super(message);
    this.name = 'AuthError';
    this.status = status;
    this.code = code;
    this.weakPasswordReasons = weakPasswordReasons;
  }
}

/** OAuth2-shaped errors (`{error, error_description}`), which GoTrue sends regardless of API version. */
export class OAuthError extends Error {
  readonly error: string;
  constructor(error: string, description: string) {
    super(description);
    this.name = 'OAuthError';
    this.error = error;
  }
}

export const badRequest = (code: AuthErrorCode, message: string) => new AuthError(400, code, message);
export const forbidden = (code: AuthErrorCode, message: string) => new AuthError(403, code, message);
export const unprocessable = (code: AuthErrorCode, message: string) => new AuthError(422, code, message);

export const API_VERSION_HEADER = 'X-Supabase-Api-Version';
const API_VERSION_2024 = '2024-01-01';

/**
 * The API version a request asked for, as GoTrue resolves it: a date at or after 2024-01-01 selects the
 * 2024 error shape; anything else (absent, malformed, older) is the initial version.
 */
export function requestedApiVersion(c: Context): '2024-01-01' | null {
  const raw = c.req.header(API_VERSION_HEADER);
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  return raw >= API_VERSION_2024 ? API_VERSION_2024 : null;
}

/** Renders an error exactly as GoTrue's HandleResponseError does for the request's API version. */
export function renderAuthError(c: Context, err: unknown, log: (line: string) => void): Response {
  const version = requestedApiVersion(c);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (version) headers[API_VERSION_HEADER] = version;

  if (err instanceof OAuthError) {
    return new Response(JSON.stringify({ error: err.error, error_description: err.message }), {
      status: 400,
      headers,
    });
  }
  let e: AuthError;
  if (err instanceof AuthError) {
    e = err;
  } else if (isConnectionLoss(err)) {
    // Postgres is away and being restarted: a 503, which auth-js treats as retryable (a refresh that
    // meets it keeps the session instead of signing the person out).
    e = new AuthError(503, 'unexpected_failure', 'The database is not reachable; retrying the connection');
  } else {
    log(`auth: unexpected failure on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack : err}`);
    e = new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
  }
  headers['x-sb-error-code'] = e.code;
  const weak = e.weakPasswordReasons ? { weak_password: { reasons: e.weakPasswordReasons } } : {};
  const body = version
    ? { code: e.code, message: e.message, ...weak }
    : { code: e.status, error_code: e.code, msg: e.message, ...weak };
  return new Response(JSON.stringify(body), { status: e.status, headers });
}
