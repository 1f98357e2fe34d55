import { errors, jwtVerify, SignJWT } from 'jose';

/** Claims of a Supabase JWT: the well-known ones typed, anything else passed through. */
export interface JwtClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
  role?: string;
  session_id?: string;
  [claim: string]: unknown;
}

/**
 * Why a token was refused. Callers answer differently: GoTrue says "token is expired" vs "invalid",
 * Realtime reports "Token has expired N seconds ago", PostgREST uses "JWT expired" (PGRST303).
 */
export type JwtErrorKind = 'expired' | 'invalid';

export class JwtError extends Error {
  readonly kind: JwtErrorKind;
  /** For `expired`: the token's `exp` (seconds since epoch), so callers can say how long ago. */
  readonly expiredAt: number | undefined;
  constructor(kind: JwtErrorKind, message: string, expiredAt?: number) {
    super(message);
    this.name = 'JwtError';
    this.kind = kind;
    this.expiredAt = expiredAt;
  }
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Uint8Array>();
function keyOf(secret: string): Uint8Array {
  let key = keyCache.get(secret);
  if (!key) {
    key = encoder.encode(secret);
    keyCache.set(secret, key);
  }
  return key;
}

/** Signs `claims` as-is (HS256, header `{"alg":"HS256","typ":"JWT"}`): the caller sets iat/exp. */
export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyOf(secret));
}

/**
 * Verifies an HS256 token with the project secret and returns its claims; `exp`/`nbf` are enforced
 * when present (API keys carry a far-future exp). Throws JwtError for every refusal, never anything else.
 */
export async function verifyJwt(token: string, secret: string): Promise<JwtClaims> {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new JwtError('invalid', 'token is malformed: token contains an invalid number of segments');
  }
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'] });
    return payload as JwtClaims;
  } catch (e) {
    if (e instanceof errors.JWTExpired) {
      const exp = typeof e.payload.exp === 'number' ? e.payload.exp : undefined;
      throw new JwtError('expired', 'token has invalid claims: token is expired', exp);
    }
    if (e instanceof errors.JOSEAlgNotAllowed) {
      throw new JwtError('invalid', 'token is unverifiable: signing method is invalid');
    }
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      throw new JwtError('invalid', 'token signature is invalid: signature is invalid');
    }
    throw new JwtError('invalid', `token is malformed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
