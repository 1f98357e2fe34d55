import type { Context } from 'hono';
import { passwordMatches } from './credentials.ts';
import { CommitThenThrow, inTransaction } from './db.ts';
import { badRequest } from './errors.ts';
import { clientAddress, tooManyRequests } from './rate-limit.ts';
import { type AuthDeps, field, readJsonObject } from './request.ts';
import { insertRefreshToken, sessionResponse, startSession } from './session-tokens.ts';
import { findUserByEmail, findUserById, isBanned } from './user-records.ts';

const INVALID_LOGIN = 'Invalid login credentials';

/** POST /token?grant_type=… (GoTrue answers unknown grants with `unsupported_grant_type`). */
export async function token(c: Context, deps: AuthDeps): Promise<Response> {
  const grant = c.req.query('grant_type');
  if (grant !== 'password' && grant !== 'refresh_token')
    throw badRequest('invalid_credentials', 'unsupported_grant_type');
  // One bucket for both grants (`token_refresh`), as GoTrue's Token handler takes it.
  if (!deps.limits.token.take(clientAddress(c))) throw tooManyRequests();
  return grant === 'password' ? passwordGrant(c, deps) : refreshTokenGrant(c, deps);
}

/** GoTrue's ResourceOwnerPasswordGrant for email users (phone logins are off in the CLI defaults). */
async function passwordGrant(c: Context, deps: AuthDeps): Promise<Response> {
  const body = await readJsonObject(c);
  const email = field(body, 'email', 'string') ?? '';
  const phone = field(body, 'phone', 'string') ?? '';
  const password = field(body, 'password', 'string') ?? '';
  if (email !== '' && phone !== '') {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  }
  if (phone !== '') throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (email === '') throw badRequest('validation_failed', 'missing email or phone');

  const throttle = deps.limits.wrongPasswords;
  if (throttle.paused(email)) throw tooManyRequests();
  const refuse = () => {
    throttle.failed(email);
    return badRequest('invalid_credentials', INVALID_LOGIN);
  };
  const user = await findUserByEmail(deps.pool, email, 'authenticated');
  if (!user?.row.encrypted_password) throw refuse();
  if (isBanned(user.row)) throw badRequest('user_banned', 'User is banned');
  if (!(await passwordMatches(deps.pool, password, user.row.encrypted_password))) throw refuse();
  throttle.succeeded(email);
  if (!user.row.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');

  const session = await inTransaction(deps.pool, async (tx) => {
    const started = await startSession(tx, user.row.id, 'password', c.req.header('user-agent'));
    await tx.query(
      `update auth.identities set last_sign_in_at = now(), updated_at = now()
       where user_id = $1::uuid and provider = 'email'`,
      [user.row.id],
    );
    const fresh = await findUserById(tx, user.row.id);
    if (!fresh) throw badRequest('invalid_credentials', INVALID_LOGIN);
    return sessionResponse(deps.tokens, tx, fresh, started.sessionId, started.refreshToken);
  });
  return c.json(session, 200);
}

interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  reusable: boolean;
}

/**
 * GoTrue's refresh with rotation: the presented token is revoked and a child issued in the same
 * session. Re-presenting the parent of the active token returns the active one (a client that lost
 * the response); any other revoked token is honoured only within the reuse interval, after which the
 * whole session ends (its refresh tokens with it) — committed even though the request fails.
 */
async function refreshTokenGrant(c: Context, deps: AuthDeps): Promise<Response> {
  const body = await readJsonObject(c);
  const presented = field(body, 'refresh_token', 'string') ?? '';
  if (!/^[a-z0-9]{12}$/.test(presented)) throw badRequest('validation_failed', 'Refresh token is not valid');

  const session = await inTransaction(deps.pool, async (tx) => {
    const found = await tx.query<RefreshTokenRow>(
      `select id, token, user_id::text as user_id, revoked, parent, session_id,
         now() <= updated_at + make_interval(secs => $2) as reusable
       from auth.refresh_tokens where token = $1 limit 1 for update`,
      [presented, deps.reuseIntervalSeconds],
    );
    const rt = found.rows[0];
    if (!rt) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const user = await findUserById(tx, rt.user_id);
    if (!user) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (isBanned(user.row)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');

    const sessionRow = rt.session_id
      ? (
          await tx.query<{ expired: boolean }>(
            `select coalesce(not_after < now(), false) as expired from auth.sessions where id = $1 for update`,
            [rt.session_id],
          )
        ).rows[0]
      : undefined;
    if (!rt.session_id || !sessionRow) {
      await tx.query('delete from auth.refresh_tokens where id = $1', [rt.id]);
      throw new CommitThenThrow(badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found'));
    }
    if (sessionRow.expired) throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
    const sessionId = rt.session_id;

    let issued: string | undefined;
    if (rt.revoked) {
      const active = await tx.query<{ token: string; parent: string | null }>(
        `select token, parent from auth.refresh_tokens
         where session_id = $1 and revoked = false order by id desc limit 1`,
        [sessionId],
      );
      if (active.rows[0]?.parent === rt.token) {
        issued = active.rows[0].token;
      } else if (!rt.reusable) {
        // Reuse: the whole session goes, as GoTrue's session-counter refresh does. Only revoking the
        // family would touch every token's updated_at and put the newest back inside the interval.
        await tx.query('delete from auth.sessions where id = $1', [sessionId]);
        throw new CommitThenThrow(badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'));
      }
    }
    if (!issued) {
      await tx.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [rt.id]);
      issued = await insertRefreshToken(tx, user.row.id, sessionId, rt.token);
    }
    await tx.query('update auth.sessions set refreshed_at = now(), updated_at = now(), user_agent = $2 where id = $1', [
      sessionId,
      c.req.header('user-agent') ?? null,
    ]);
    return sessionResponse(deps.tokens, tx, user, sessionId, issued);
  });
  return c.json(session, 200);
}
