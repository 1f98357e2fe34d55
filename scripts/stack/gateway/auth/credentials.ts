import type pg from 'pg';
import { AuthError, badRequest } from './errors.ts';

/** bcrypt only looks at 72 bytes, so GoTrue refuses longer passwords instead of silently truncating. */
const MAX_PASSWORD_LENGTH = 72;
/** GoTrue's default `password.min_length` (supabase CLI config.toml `minimum_password_length = 6`). */
const MIN_PASSWORD_LENGTH = 6;

/** GoTrue's checkPasswordStrength with the CLI defaults (length only, no character classes). */
export function checkPasswordStrength(password: string): void {
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, [
      'length',
    ]);
  }
}

// checkmail.ValidateFormat's pattern, which GoTrue uses for every email it accepts.
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** GoTrue's validateEmail: required, ≤ 255 chars, checkmail format; returns it lower-cased. */
export function validateEmail(email: string): string {
  if (email === '') throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_RE.test(email)) throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

/** RFC 2606's names that never reach a mailbox; hosted GoTrue's validator refuses them too. */
const UNDELIVERABLE_SUFFIXES = ['.invalid', '.local', '.localhost'];

/**
 * Hosted GoTrue checks an address before it mails it (its validateclient: RFC 2606 names, then the
 * domain's DNS), so `a@b` is refused with `email_address_invalid`. Without a network the gateway
 * keeps the part that needs none: a one-label domain (`b`, `localhost`) has no public mail host.
 * Call after validateEmail.
 */
export function checkDeliverable(email: string): void {
  const host = email.slice(email.lastIndexOf('@') + 1);
  if (!host.includes('.') || UNDELIVERABLE_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    throw badRequest('email_address_invalid', `Email address ${JSON.stringify(email)} is invalid`);
  }
}

/**
 * bcrypt via pgcrypto, computed before the endpoint's transaction as GoTrue hashes outside it (hashing
 * is slow and must not hold row locks).
 */
export async function hashPassword(pool: pg.Pool, password: string, cost: number): Promise<string> {
  const { rows } = await pool.query<{ hash: string }>(
    `select extensions.crypt($1, extensions.gen_salt('bf', $2::int)) as hash`,
    [password, cost],
  );
  return rows[0]?.hash as string;
}

/** True when `password` matches the stored bcrypt hash; false for users without a password. */
export async function passwordMatches(pool: pg.Pool, password: string, hash: string | null): Promise<boolean> {
  if (!hash?.startsWith('$2')) return false;
  const { rows } = await pool.query<{ ok: boolean }>('select extensions.crypt($1, $2) = $2 as ok', [password, hash]);
  return rows[0]?.ok === true;
}
