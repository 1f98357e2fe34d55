import { randomInt } from 'node:crypto';
import { type JwtKeyInput, signJwt } from '../jwt.ts';
import type { Queryable } from './db.ts';
import { INSTANCE_ID, type LoadedUser, userJson } from './user-records.ts';

/** How the session was started: becomes the `amr` claim's method. */
export type AuthMethod = 'password' | 'anonymous' | 'otp';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface TokenSettings {
  /** Signs access tokens: the asymmetric signing key when configured, else the HS256 secret. */
  jwtSecret: JwtKeyInput;
  /** `iss` claim: the auth service's external URL (`<apiUrl>/auth/v1`). */
  issuer: string;
  /** Access-token lifetime (GoTrue `jwt_expiry`, default 3600 s). */
  expirySeconds: number;
}

const REFRESH_TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** GoTrue's legacy opaque refresh token: 12 random characters of [a-z0-9]. */
export function newRefreshTokenString(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += REFRESH_TOKEN_ALPHABET[randomInt(REFRESH_TOKEN_ALPHABET.length)];
  return s;
}

let amrTableKnown: boolean | undefined;
/** auth.mfa_amr_claims is optional in a bootstrap; without it the amr is derived from the session. */
async function hasAmrTable(db: Queryable): Promise<boolean> {
  if (amrTableKnown === undefined) {
    const { rows } = await db.query<{ ok: boolean }>(`select to_regclass('auth.mfa_amr_claims') is not null as ok`);
    amrTableKnown = rows[0]?.ok === true;
  }
  return amrTableKnown;
}

/**
 * A new session with its first refresh token (GoTrue's GrantAuthenticatedUser + AddClaimToSession),
 * and the sign-in time recorded on the user. Runs inside the caller's transaction.
 */
export async function startSession(
  tx: Queryable,
  userId: string,
  method: AuthMethod,
  userAgent: string | undefined,
): Promise<{ sessionId: string; refreshToken: string }> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent)
     values (gen_random_uuid(), $1, now(), now(), 'aal1', $2) returning id`,
    [userId, userAgent ?? null],
  );
  const sessionId = rows[0]?.id as string;
  const refreshToken = await insertRefreshToken(tx, userId, sessionId, null);
  if (await hasAmrTable(tx)) {
    await tx.query(
      `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
       values (gen_random_uuid(), $1, now(), now(), $2)`,
      [sessionId, method],
    );
  }
  await tx.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [userId]);
  return { sessionId, refreshToken };
}

/** Inserts a refresh token of the session; `parent` is the token it replaces on rotation. */
export async function insertRefreshToken(
  tx: Queryable,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshTokenString();
  await tx.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, $3, false, now(), now(), $4, $5)`,
    [INSTANCE_ID, token, userId, parent, sessionId],
  );
  return token;
}

/** The session's `amr` claim: recorded claims when the table exists, else its start method and time. */
export async function sessionAmr(tx: Queryable, sessionId: string, user: LoadedUser): Promise<AmrEntry[]> {
  if (await hasAmrTable(tx)) {
    const { rows } = await tx.query<{ method: string; ts: string }>(
      `select authentication_method as method, extract(epoch from updated_at)::bigint as ts
       from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
      [sessionId],
    );
    if (rows.length > 0) return rows.map((r) => ({ method: r.method, timestamp: Number(r.ts) }));
  }
  const { rows } = await tx.query<{ ts: string }>(
    'select extract(epoch from created_at)::bigint as ts from auth.sessions where id = $1',
    [sessionId],
  );
  const timestamp = Number(rows[0]?.ts ?? Math.floor(Date.now() / 1000));
  return [{ method: user.row.is_anonymous ? 'anonymous' : 'password', timestamp }];
}

/** Access-token claims in GoTrue's order (AccessTokenClaims), signed HS256 with the project secret. */
export async function accessTokenFor(
  settings: TokenSettings,
  user: LoadedUser,
  sessionId: string,
  amr: AmrEntry[],
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(Date.now() / 1000);
  const expiresAt = iat + settings.expirySeconds;
  const token = await signJwt(
    {
      iss: settings.issuer,
      sub: user.row.id,
      aud: user.row.aud ?? 'authenticated',
      exp: expiresAt,
      iat,
      email: user.row.email ?? '',
      phone: user.row.phone ?? '',
      app_metadata: user.row.raw_app_meta_data ?? {},
      user_metadata: user.row.raw_user_meta_data ?? {},
      role: user.row.role || 'authenticated',
      aal: 'aal1',
      amr,
      session_id: sessionId,
      is_anonymous: user.row.is_anonymous,
    },
    settings.jwtSecret,
  );
  return { token, expiresAt };
}

/** The session body auth-js stores (GoTrue's AccessTokenResponse). */
export async function sessionResponse(
  settings: TokenSettings,
  tx: Queryable,
  user: LoadedUser,
  sessionId: string,
  refreshToken: string,
): Promise<Record<string, unknown>> {
  const amr = await sessionAmr(tx, sessionId, user);
  const { token, expiresAt } = await accessTokenFor(settings, user, sessionId, amr);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: settings.expirySeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}
