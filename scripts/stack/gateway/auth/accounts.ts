import type { Queryable } from './db.ts';
import { INSTANCE_ID, type JsonObject } from './user-records.ts';

export interface NewUser {
  id?: string;
  aud: string;
  role: string;
  email: string | null;
  phone: string | null;
  /** bcrypt hash, or '' for users without a password (anonymous), as GoTrue stores it. */
  encryptedPassword: string;
  appMetadata: JsonObject;
  userMetadata: JsonObject;
  isAnonymous: boolean;
}

/**
 * One real auth.users row (app migrations hang AFTER INSERT triggers on it). Token columns get '' as
 * GoTrue writes them, so a real GoTrue could later read these rows.
 */
export async function insertUser(tx: Queryable, u: NewUser): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into auth.users (
       instance_id, id, aud, role, email, phone, encrypted_password, raw_app_meta_data, raw_user_meta_data,
       is_anonymous, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new,
       email_change, email_change_token_current, phone_change, phone_change_token, reauthentication_token,
       is_super_admin, is_sso_user)
     values ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10,
       now(), now(), '', '', '', '', '', '', '', '', false, false)
     returning id`,
    [
      INSTANCE_ID,
      u.id ?? null,
      u.aud,
      u.role,
      u.email,
      u.phone,
      u.encryptedPassword,
      JSON.stringify(u.appMetadata),
      JSON.stringify(u.userMetadata),
      u.isAnonymous,
    ],
  );
  return rows[0]?.id as string;
}

/**
 * GoTrue's identity for the email provider: provider_id is the user id, identity_data the provider
 * claims (`sub`, `email`, `email_verified`, `phone_verified`) plus any sign-up data not clashing.
 */
export async function insertEmailIdentity(
  tx: Queryable,
  userId: string,
  email: string,
  emailVerified: boolean,
  extraData: JsonObject = {},
): Promise<void> {
  const claims: JsonObject = { sub: userId, email, email_verified: emailVerified, phone_verified: false };
  const identityData: JsonObject = { ...extraData, ...claims };
  await tx.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values (gen_random_uuid(), $1::text, $2::uuid, $3::jsonb, 'email', now(), now(), now())`,
    [userId, userId, JSON.stringify(identityData)],
  );
}

/** GoTrue's User.Confirm: confirmed now, and `email_verified: true` merged into user metadata. */
export async function confirmEmail(tx: Queryable, userId: string): Promise<void> {
  await tx.query(
    `update auth.users set email_confirmed_at = now(), confirmation_token = '', updated_at = now(),
       raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb
     where id = $1`,
    [userId],
  );
}

/** Sign-out of sessions (GoTrue's Logout / LogoutSession / LogoutAllExceptMe); tokens go with them. */
export async function deleteSessions(
  tx: Queryable,
  userId: string,
  which: { only?: string; except?: string } = {},
): Promise<void> {
  const where = which.only ? 'id = $2::uuid' : which.except ? 'id <> $2::uuid' : 'true';
  const other = which.only ?? which.except;
  const params = other ? [userId, other] : [userId];
  // Explicitly, not only by the FK's cascade, in case a bootstrap declares it without one.
  await tx.query(
    `delete from auth.refresh_tokens where session_id in
       (select id from auth.sessions where user_id = $1::uuid and ${where})`,
    params,
  );
  await tx.query(`delete from auth.sessions where user_id = $1::uuid and ${where}`, params);
}
