import type { Context } from 'hono';
import { confirmEmail, insertEmailIdentity, insertUser } from './accounts.ts';
import { checkDeliverable, checkPasswordStrength, hashPassword, validateEmail } from './credentials.ts';
import { inTransaction } from './db.ts';
import { badRequest, unprocessable } from './errors.ts';
import { clientAddress, tooManyRequests } from './rate-limit.ts';
import { type AuthDeps, field, readJsonObject } from './request.ts';
import { sessionResponse, startSession } from './session-tokens.ts';
import { findUserByEmail, findUserById, type JsonObject } from './user-records.ts';

const AUD = 'authenticated';

/**
 * POST /signup. As GoTrue's router does: no email and no phone means an anonymous sign-in. Locally
 * email confirmation is off (CLI `enable_confirmations = false`), so a sign-up returns a session.
 */
export async function signup(c: Context, deps: AuthDeps): Promise<Response> {
  const body = await readJsonObject(c);
  const email = field(body, 'email', 'string') ?? '';
  const phone = field(body, 'phone', 'string') ?? '';
  const password = field(body, 'password', 'string') ?? '';
  const data = field(body, 'data', 'object') ?? {};
  field(body, 'channel', 'string');

  // GoTrue's router takes from the anonymous bucket or the sign-up one before the handler validates.
  const bucket = email === '' && phone === '' ? deps.limits.anonymousUsers : deps.limits.signInSignUps;
  if (!bucket.take(clientAddress(c))) throw tooManyRequests();
  if (email === '' && phone === '') return signupAnonymously(c, deps, data);

  // GoTrue's validateSignupParams order: password presence, strength, then the identifier.
  if (password === '') throw badRequest('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(password);
  if (email !== '' && phone !== '') {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on signup.');
  }
  // The CLI's default config has `[auth.sms] enable_signup = false`.
  if (email === '') throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  const normalizedEmail = validateEmail(email);
  checkDeliverable(normalizedEmail);

  const existing = await findUserByEmail(deps.pool, normalizedEmail, AUD);
  if (existing?.row.email_confirmed_at) throw unprocessable('user_already_exists', 'User already registered');
  const hash = existing ? '' : await hashPassword(deps.pool, password, deps.bcryptCost);

  const session = await inTransaction(deps.pool, async (tx) => {
    let userId: string;
    if (existing) {
      // An unconfirmed user (e.g. admin-created without email_confirm): GoTrue leaves its data alone
      // and, with autoconfirm, confirms it.
      userId = existing.row.id;
    } else {
      try {
        userId = await insertUser(tx, {
          aud: AUD,
          role: 'authenticated',
          email: normalizedEmail,
          phone: null,
          encryptedPassword: hash,
          appMetadata: { provider: 'email', providers: ['email'] },
          userMetadata: data,
          isAnonymous: false,
        });
      } catch (e) {
        // A concurrent sign-up with the same email won the race.
        if ((e as { code?: string }).code === '23505') {
          throw unprocessable('user_already_exists', 'User already registered');
        }
        throw e;
      }
    }
    const { rowCount } = await tx.query(`select 1 from auth.identities where provider = 'email' and provider_id = $1`, [
      userId,
    ]);
    if (!rowCount) await insertEmailIdentity(tx, userId, normalizedEmail, false, data);
    await confirmEmail(tx, userId);
    const started = await startSession(tx, userId, 'password', c.req.header('user-agent'));
    const user = await findUserById(tx, userId);
    if (!user) throw new Error(`user ${userId} vanished inside its own transaction`);
    return sessionResponse(deps.tokens, tx, user, started.sessionId, started.refreshToken);
  });
  return c.json(session, 200);
}

/** GoTrue's SignupAnonymously: a user without email, password or identities, signed in at once. */
async function signupAnonymously(c: Context, deps: AuthDeps, data: JsonObject): Promise<Response> {
  const session = await inTransaction(deps.pool, async (tx) => {
    const userId = await insertUser(tx, {
      aud: AUD,
      role: 'authenticated',
      email: null,
      phone: null,
      encryptedPassword: '',
      appMetadata: {},
      userMetadata: data,
      isAnonymous: true,
    });
    const started = await startSession(tx, userId, 'anonymous', c.req.header('user-agent'));
    const user = await findUserById(tx, userId);
    if (!user) throw new Error(`user ${userId} vanished inside its own transaction`);
    return sessionResponse(deps.tokens, tx, user, started.sessionId, started.refreshToken);
  });
  return c.json(session, 200);
}
