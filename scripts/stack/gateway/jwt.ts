import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';

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

/** The asymmetric algorithms the Supabase CLI's `signing_keys_path` keys use. */
export type AsymmetricAlg = 'ES256' | 'RS256';

interface VerifyingKey {
  kid: string;
  alg: AsymmetricAlg;
  key: KeyObject;
}

/**
 * A project's JWT keys as GoTrue holds them with `signing_keys_path`: the legacy HS256 secret (still
 * signs and verifies the API keys and older tokens) and asymmetric keys, the first private one
 * signing new access tokens, all of them verifying by `kid` and published in the JWKS.
 */
export interface JwtKeys {
  secret: string;
  signing: (VerifyingKey & { privateKey: KeyObject }) | null;
  verifying: Map<string, VerifyingKey>;
  /** `GET /auth/v1/.well-known/jwks.json`: public parts only. */
  jwks: { keys: JsonWebKey[] };
}

/** What the verifiers take: the bare secret (HS256 only) or the project's key set. */
export type JwtKeyInput = string | JwtKeys;

/** The keys a gateway part verifies with: the configured key set, else the legacy secret alone. */
export const projectJwtKeys = (cfg: { jwtSecret: string; jwtKeys?: JwtKeys | undefined }): JwtKeyInput =>
  cfg.jwtKeys ?? cfg.jwtSecret;

function algOf(jwk: JsonWebKey, where: string): AsymmetricAlg {
  const alg = jwk.alg ?? (jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : jwk.kty === 'RSA' ? 'RS256' : undefined);
  if (alg === 'ES256' && jwk.kty === 'EC' && jwk.crv === 'P-256') return alg;
  if (alg === 'RS256' && jwk.kty === 'RSA') return alg;
  throw new Error(`${where}: only ES256 (EC P-256) and RS256 (RSA) keys are supported, got ${jwk.kty}/${alg}`);
}

/**
 * Builds the key set from the JWKs of a `signing_keys_path` file (a JSON array, as
 * `supabase gen signing-key` writes it). `where` names the file in errors.
 */
export function jwtKeysFrom(secret: string, jwks: unknown, where: string): JwtKeys {
  if (!Array.isArray(jwks)) throw new Error(`${where}: expected a JSON array of JWKs`);
  const keys: JwtKeys = { secret, signing: null, verifying: new Map(), jwks: { keys: [] } };
  for (const [i, entry] of jwks.entries()) {
    const jwk = entry as JsonWebKey;
    const at = `${where} [${i}]`;
    if (!jwk || typeof jwk !== 'object' || typeof jwk.kid !== 'string' || jwk.kid === '') {
      throw new Error(`${at}: every key needs a "kid"`);
    }
    const alg = algOf(jwk, at);
    let publicKey: KeyObject;
    let privateKey: KeyObject | null = null;
    try {
      if (jwk.d !== undefined) {
        privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
        publicKey = createPublicKey(privateKey);
      } else publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    } catch (e) {
      throw new Error(`${at}: not a usable key (${e instanceof Error ? e.message : String(e)})`);
    }
    if (keys.verifying.has(jwk.kid)) throw new Error(`${at}: duplicate kid ${jwk.kid}`);
    const verifying = { kid: jwk.kid, alg, key: publicKey };
    keys.verifying.set(jwk.kid, verifying);
    if (privateKey && !keys.signing) keys.signing = { ...verifying, privateKey };
    keys.jwks.keys.push({ ...publicKey.export({ format: 'jwk' }), kid: jwk.kid, alg, use: 'sig', key_ops: ['verify'] });
  }
  return keys;
}

/**
 * Signs `claims` as-is (the caller sets iat/exp): with the key set's signing key (header carries its
 * `alg` and `kid`, as GoTrue's), else HS256 with the secret (`{"alg":"HS256","typ":"JWT"}`).
 */
export async function signJwt(claims: JwtClaims, keys: JwtKeyInput): Promise<string> {
  const signing = typeof keys === 'string' ? null : keys.signing;
  if (signing) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: 'JWT' })
      .sign(signing.privateKey);
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(keyOf(typeof keys === 'string' ? keys : keys.secret));
}

/** The key a token names: HS256 → the secret; ES256/RS256 → the key of its `kid`. */
function verificationKeyFor(token: string, keys: JwtKeyInput): { key: Uint8Array | KeyObject; alg: string } {
  if (typeof keys === 'string') return { key: keyOf(keys), alg: 'HS256' };
  let header: { alg?: string; kid?: string };
  try {
    header = decodeProtectedHeader(token);
  } catch (e) {
    throw new JwtError('invalid', `token is malformed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (header.alg === 'ES256' || header.alg === 'RS256') {
    const found =
      header.kid !== undefined
        ? keys.verifying.get(header.kid)
        : [...keys.verifying.values()].find((k) => k.alg === header.alg);
    if (!found || found.alg !== header.alg) {
      throw new JwtError(
        'invalid',
        `token is unverifiable: error while executing keyfunc: invalid kid: ${header.kid ?? ''}`,
      );
    }
    return { key: found.key, alg: found.alg };
  }
  // Anything else is checked as HS256, so a foreign algorithm is refused by the verifier's allow-list.
  return { key: keyOf(keys.secret), alg: 'HS256' };
}

/**
 * Verifies a token and returns its claims: HS256 with the project secret, or ES256/RS256 with the
 * signing key its `kid` names when the project has asymmetric keys; `exp`/`nbf` are enforced when
 * present (API keys carry a far-future exp). Throws JwtError for every refusal, never anything else.
 */
export async function verifyJwt(token: string, keys: JwtKeyInput): Promise<JwtClaims> {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new JwtError('invalid', 'token is malformed: token contains an invalid number of segments');
  }
  try {
    const { key, alg } = verificationKeyFor(token, keys);
    const { payload } = await jwtVerify(token, key, { algorithms: [alg] });
    return payload as JwtClaims;
  } catch (e) {
    if (e instanceof JwtError) throw e;
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
