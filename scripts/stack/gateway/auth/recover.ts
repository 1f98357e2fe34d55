import type { Context } from 'hono';
import { checkDeliverable, validateEmail } from './credentials.ts';
import { inTransaction } from './db.ts';
import type { AuthEmailSettings } from './email-settings.ts';
import { AuthError, badRequest } from './errors.ts';
import type { Mailer } from './mailer.ts';
import { clientAddress, emailRateLimitExceeded, tooManyRequests, type WindowLimiter } from './rate-limit.ts';
import { allowedRedirect, generateOtp, storedRecoveryToken, tokenHash } from './recovery-token.ts';
import { type AuthDeps, field, readJsonObject } from './request.ts';
import { emailLanguage, recoveryEmail } from './templates.ts';
import { findUserByEmail } from './user-records.ts';

/** What the recovery endpoints share: settings from config.toml, the mailer and the per-address limiter. */
export interface RecoveryDeps {
  settings: AuthEmailSettings;
  mailer: Mailer;
  /** Per email address: one mail per max_frequency (GoTrue's SMTP max frequency). */
  recoverByEmail: WindowLimiter;
}

/**
 * POST /recover (GoTrue's Recover): always `200 {}` whether or not the address has an account, and
 * rate-limited per address before the account is even looked up, so neither the answer, its
 * status nor its timing (the mail goes out after the answer) tells who has an account.
 */
export async function recover(c: Context, deps: AuthDeps, r: RecoveryDeps): Promise<Response> {
  // GoTrue's Recover limiter is middleware: it counts before the body is even read.
  if (!deps.limits.signInSignUps.take(clientAddress(c))) throw tooManyRequests();
  const body = await readJsonObject(c);
  const rawEmail = field(body, 'email', 'string') ?? '';
  const challenge = field(body, 'code_challenge', 'string') ?? '';
  field(body, 'code_challenge_method', 'string');
  if (rawEmail === '') throw badRequest('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(rawEmail);
  if (challenge !== '') {
    throw badRequest('validation_failed', 'PKCE password recovery is not supported by the local gateway');
  }
  // GoTrue checks the address as it mails it; checked for every address so no answer tells who has an account.
  checkDeliverable(email);
  if (!r.recoverByEmail.take(email)) {
    throw new AuthError(
      429,
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${r.recoverByEmail.retryAfterSeconds(email)} seconds.`,
    );
  }
  // Counted whether or not the address has an account, or the 429 would tell which ones do.
  if (!deps.limits.emailSent.take()) throw emailRateLimitExceeded();

  const redirectTo = allowedRedirect(c.req.query('redirect_to'), r.settings.siteUrl, r.settings.additionalRedirectUrls);
  const user = await findUserByEmail(deps.pool, email, 'authenticated');
  if (!user?.row.email) return c.json({}, 200);

  const otp = generateOtp(r.settings.otpLength);
  const hash = tokenHash(user.row.email.toLowerCase(), otp);
  await inTransaction(deps.pool, (tx) =>
    tx.query('update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1', [
      user.row.id,
      storedRecoveryToken(hash),
    ]),
  );
  const link = new URL(`${r.settings.externalUrl}/auth/v1/verify`);
  link.searchParams.set('token', hash);
  link.searchParams.set('type', 'recovery');
  link.searchParams.set('redirect_to', redirectTo);
  const mail = recoveryEmail(emailLanguage(user.row.raw_user_meta_data), {
    link: link.toString(),
    code: otp,
    email: user.row.email,
    expiresInMinutes: Math.round(r.settings.otpExpirySeconds / 60),
  });
  r.mailer.send(user.row.email, mail).catch((e: Error) => {
    deps.cfg.log(`auth: the recovery email to ${user.row.email} could not be sent: ${e.message}`);
  });
  return c.json({}, 200);
}
