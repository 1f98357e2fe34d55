import type { Context } from 'hono';
import { deleteSessions } from './accounts.ts';
import {
  checkDeliverable,
  checkPasswordStrength,
  hashPassword,
  passwordMatches,
  validateEmail,
} from './credentials.ts';
import { inTransaction, type Queryable } from './db.ts';
import { badRequest, forbidden, unprocessable } from './errors.ts';
import { clientAddress, tooManyRequests } from './rate-limit.ts';
import { type AuthDeps, field, readJsonObject, requireUser } from './request.ts';
import { findUserByEmail, findUserById, type JsonObject, mergeMetadata, userJson } from './user-records.ts';

/** GET /user: the bearer's user, after GoTrue's session and ban checks. */
export async function getUser(c: Context, deps: AuthDeps): Promise<Response> {
  const { user } = await requireUser(c, deps);
  return c.json(userJson(user), 200);
}

/**
 * PUT /user (GoTrue's UserUpdate). Differences from hosted, because locally no mail is sent: an email
 * change applies at once (as hosted does for anonymous users with autoconfirm), and phone changes are
 * refused since SMS is off.
 */
export async function updateUser(c: Context, deps: AuthDeps): Promise<Response> {
  const auth = await requireUser(c, deps);
  // GoTrue's User limiter (RATE_LIMIT_OTP), after authentication as its middleware order has it.
  if (!deps.limits.signInSignUps.take(clientAddress(c))) throw tooManyRequests();
  const body = await readJsonObject(c);
  const user = auth.user.row;

  let email = field(body, 'email', 'string') ?? '';
  const phone = field(body, 'phone', 'string') ?? '';
  const password = field(body, 'password', 'string');
  const data = field(body, 'data', 'object');
  const appData = field(body, 'app_metadata', 'object');
  for (const name of ['nonce', 'current_password', 'channel', 'code_challenge', 'code_challenge_method']) {
    field(body, name, 'string');
  }

  if (email !== '') email = validateEmail(email);
  if (password !== undefined) checkPasswordStrength(password);
  if (appData !== undefined) throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  if (user.is_anonymous && password && email === '' && phone === '') {
    throw unprocessable(
      'validation_failed',
      'Updating password of an anonymous user without an email or phone is not allowed',
    );
  }
  const emailChanges = email !== '' && email !== (user.email ?? '');
  if (emailChanges) {
    checkDeliverable(email);
    const other = await findUserByEmail(deps.pool, email, user.aud ?? 'authenticated');
    if (other && other.row.id !== user.id) {
      throw unprocessable('email_exists', 'A user with this email address has already been registered');
    }
  }
  if (phone !== '' && phone !== (user.phone ?? '')) {
    throw badRequest('phone_provider_disabled', 'Phone changes are disabled: SMS is not configured locally');
  }
  let newHash: string | undefined;
  if (password !== undefined) {
    if (password !== '' && (await passwordMatches(deps.pool, password, user.encrypted_password))) {
      throw unprocessable('same_password', 'New password should be different from the old password.');
    }
    newHash = password === '' ? '' : await hashPassword(deps.pool, password, deps.bcryptCost);
  }

  const updated = await inTransaction(deps.pool, async (tx) => {
    const locked = await findUserById(tx, user.id, true);
    if (!locked) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
    if (newHash !== undefined) {
      await tx.query(
        `update auth.users set encrypted_password = $2, confirmation_token = '', confirmation_sent_at = null,
           recovery_token = '', recovery_sent_at = null, email_change_token_current = '',
           email_change_token_new = '', email_change_sent_at = null, phone_change_token = '',
           phone_change_sent_at = null, reauthentication_token = '', reauthentication_sent_at = null,
           updated_at = now()
         where id = $1`,
        [user.id, newHash],
      );
      // A new password ends every other session, so a stolen session cannot outlive the change.
      await deleteSessions(tx, user.id, auth.sessionId ? { except: auth.sessionId } : {});
    }
    if (data !== undefined) {
      await tx.query('update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id = $1', [
        user.id,
        JSON.stringify(mergeMetadata(locked.row.raw_user_meta_data, data)),
      ]);
    }
    if (emailChanges) await applyEmailChange(tx, user.id, email, locked.row.raw_app_meta_data);
    return findUserById(tx, user.id);
  });
  if (!updated) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  return c.json(userJson(updated), 200);
}

/**
 * GoTrue's emailChangeVerify + ConfirmEmailChange, applied without the confirmation round-trip: new
 * address confirmed, the email identity follows it, an anonymous user becomes a permanent one.
 */
async function applyEmailChange(
  tx: Queryable,
  userId: string,
  email: string,
  appMetadata: JsonObject | null,
): Promise<void> {
  const identity = await tx.query(
    `update auth.identities
       set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', true),
           updated_at = now()
     where provider = 'email' and provider_id = $1::text`,
    [userId, email],
  );
  if (!identity.rowCount) {
    const identityData = { sub: userId, email, email_verified: true, phone_verified: false };
    await tx.query(
      `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       values (gen_random_uuid(), $1::text, $2::uuid, $3::jsonb, 'email', now(), now(), now())`,
      [userId, userId, JSON.stringify(identityData)],
    );
  }
  const providers = Array.isArray(appMetadata?.providers) ? (appMetadata.providers as unknown[]) : [];
  const nextApp = {
    ...(appMetadata ?? {}),
    provider: typeof appMetadata?.provider === 'string' ? appMetadata.provider : 'email',
    providers: providers.includes('email') ? providers : [...providers, 'email'],
  };
  await tx.query(
    `update auth.users set email = $2, email_change = '', email_change_token_current = '',
       email_change_token_new = '', email_change_confirm_status = 0, is_anonymous = false,
       email_confirmed_at = coalesce(email_confirmed_at, now()), raw_app_meta_data = $3::jsonb,
       raw_user_meta_data = case when email_confirmed_at is null
         then coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb
         else raw_user_meta_data end,
       updated_at = now()
     where id = $1`,
    [userId, email, JSON.stringify(nextApp)],
  );
}
