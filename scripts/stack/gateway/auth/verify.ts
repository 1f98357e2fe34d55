import type { Context } from 'hono';
import { validateEmail } from './credentials.ts';
import { inTransaction, type Queryable } from './db.ts';
import { AuthError, badRequest, forbidden, unprocessable } from './errors.ts';
import { clientAddress, tooManyRequests } from './rate-limit.ts';
import type { RecoveryDeps } from './recover.ts';
import { allowedRedirect, storedRecoveryToken, tokenHash } from './recovery-token.ts';
import { type AuthDeps, field, readJsonObject } from './request.ts';
import { sessionResponse, startSession } from './session-tokens.ts';
import { findUserById, isBanned } from './user-records.ts';

const LINK_INVALID = 'Email link is invalid or has expired';
const CODE_INVALID = 'Token has expired or is invalid';

/** The verification types GoTrue knows; only recovery (and its twin, magiclink) has mail to verify here. */
const KNOWN_TYPES = new Set([
  'signup',
  'invite',
  'recovery',
  'magiclink',
  'email_change',
  'email',
  'sms',
  'phone_change',
]);

function checkType(type: string): void {
  if (type === '') throw badRequest('validation_failed', 'Verify requires a verification type');
  if (!KNOWN_TYPES.has(type)) throw badRequest('validation_failed', 'Unsupported verification type');
  if (type !== 'recovery' && type !== 'magiclink') {
    // Locally confirmations are off and nothing else is mailed: no such token can exist.
    throw badRequest('validation_failed', `Verification of type ${type} is not supported by the local gateway`);
  }
}

/**
 * Spends a recovery token: the user whose stored hash matches and whose mail is younger than
 * otp_expiry, locked so a second use of the same link finds nothing; the token is cleared, an
 * unconfirmed address becomes confirmed (the mail reached it) and a session starts.
 */
async function spendRecoveryToken(
  tx: Queryable,
  deps: AuthDeps,
  r: RecoveryDeps,
  linkHash: string,
  expected: { email?: string; message: string },
  userAgent: string | undefined,
): Promise<Record<string, unknown>> {
  const { rows } = await tx.query<{ id: string; email: string | null; expired: boolean }>(
    `select id, email, recovery_sent_at is null or recovery_sent_at + make_interval(secs => $2) < now() as expired
     from auth.users where recovery_token = $1 limit 1 for update`,
    [storedRecoveryToken(linkHash), r.settings.otpExpirySeconds],
  );
  const row = rows[0];
  if (!row || row.expired || (expected.email !== undefined && row.email?.toLowerCase() !== expected.email)) {
    throw forbidden('otp_expired', expected.message);
  }
  const user = await findUserById(tx, row.id);
  if (!user) throw forbidden('otp_expired', expected.message);
  if (isBanned(user.row)) throw forbidden('user_banned', 'User is banned');
  await tx.query(
    `update auth.users set recovery_token = '',
       email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
     where id = $1`,
    [row.id],
  );
  const started = await startSession(tx, row.id, 'otp', userAgent);
  const fresh = await findUserById(tx, row.id);
  if (!fresh) throw forbidden('otp_expired', expected.message);
  return sessionResponse(deps.tokens, tx, fresh, started.sessionId, started.refreshToken);
}

/** The fragment GoTrue appends to redirect_to (url.Values.Encode: keys sorted). */
function fragment(values: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(values).sort()) params.set(key, values[key] as string);
  return params.toString();
}

const OAUTH_ERROR: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
};

/**
 * GET /verify — the link in the email. Bad parameters answer JSON; a link that cannot be spent
 * redirects to redirect_to with `#error=…&error_code=…&error_description=…` (auth-js reports it);
 * a good one redirects with the session in the fragment and `type=recovery`, which auth-js turns
 * into a stored session and a PASSWORD_RECOVERY event (implicit flow).
 */
export async function verifyGet(c: Context, deps: AuthDeps, r: RecoveryDeps): Promise<Response> {
  const token = c.req.query('token') ?? '';
  const type = c.req.query('type') ?? '';
  const redirectTo = allowedRedirect(c.req.query('redirect_to'), r.settings.siteUrl, r.settings.additionalRedirectUrls);
  if (type === '') throw badRequest('validation_failed', 'Verify requires a verification type');
  if (token === '') throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  checkType(type);
  if (token.startsWith('pkce_')) {
    throw badRequest('validation_failed', 'PKCE verification is not supported by the local gateway');
  }
  if (!deps.limits.verify.take(clientAddress(c))) throw tooManyRequests();
  try {
    const session = await inTransaction(deps.pool, (tx) =>
      spendRecoveryToken(tx, deps, r, token, { message: LINK_INVALID }, c.req.header('user-agent')),
    );
    const values: Record<string, string> = {
      access_token: String(session.access_token),
      expires_at: String(session.expires_at),
      expires_in: String(session.expires_in),
      refresh_token: String(session.refresh_token),
      sb: '',
      token_type: 'bearer',
      type,
    };
    return c.redirect(`${redirectTo}#${fragment(values)}`, 303);
  } catch (e) {
    if (!(e instanceof AuthError) || e.status >= 500) throw e;
    const target = new URL(redirectTo);
    const values: Record<string, string> = { error_code: e.code, error_description: e.message, sb: '' };
    const oauth = OAUTH_ERROR[e.status];
    if (oauth) values.error = oauth;
    target.hash = fragment(values);
    return c.redirect(target.toString(), 303);
  }
}

/**
 * POST /verify — what auth-js's verifyOtp sends: `{type, token_hash}` (the link's hash, nothing
 * else) or `{type, token, email}` (the code typed from the mail). Answers the session JSON.
 */
export async function verifyPost(c: Context, deps: AuthDeps, r: RecoveryDeps): Promise<Response> {
  const body = await readJsonObject(c);
  const type = field(body, 'type', 'string') ?? '';
  const token = field(body, 'token', 'string') ?? '';
  const hash = field(body, 'token_hash', 'string') ?? '';
  const email = field(body, 'email', 'string') ?? '';
  const phone = field(body, 'phone', 'string') ?? '';
  const redirect = field(body, 'redirect_to', 'string') ?? '';
  if (type === '') throw badRequest('validation_failed', 'Verify requires a verification type');
  if ((token === '') === (hash === '')) {
    throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  let linkHash = hash;
  let expected: { email?: string; message: string } = { message: LINK_INVALID };
  if (token !== '') {
    if (phone !== '' && email === '') throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
    if (email === '' || phone !== '') {
      throw badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
    }
    let normalized: string;
    try {
      normalized = validateEmail(email);
    } catch {
      throw unprocessable('validation_failed', 'Invalid email format');
    }
    linkHash = tokenHash(normalized, token);
    expected = { email: normalized, message: CODE_INVALID };
  } else if (email !== '' || phone !== '' || redirect !== '') {
    throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
  }
  checkType(type);
  if (!deps.limits.verify.take(clientAddress(c))) throw tooManyRequests();
  const session = await inTransaction(deps.pool, (tx) =>
    spendRecoveryToken(tx, deps, r, linkHash, expected, c.req.header('user-agent')),
  );
  return c.json(session, 200);
}
