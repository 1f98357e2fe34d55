import { type ApiKeys, effectiveBearer } from '../../api-keys.ts';
import { type JwtClaims, JwtError, type JwtKeyInput, verifyJwt } from '../../jwt.ts';
import { jwtError, RestError } from '../errors.ts';

export interface RequestIdentity {
  role: string;
  /** Claims with `role` forced to the effective role, as PostgREST sets request.jwt.claims. */
  claimsJson: string;
}

// Verified tokens by their text: supabase-js sends the same bearer on every call, and an HS256
// check per request is measurable at benchmark rates. Entries still honour `exp`.
const verified = new Map<string, JwtClaims>();
const MAX_CACHED = 5000;

async function claimsOf(token: string, secret: JwtKeyInput): Promise<JwtClaims> {
  const hit = verified.get(token);
  if (hit && (typeof hit.exp !== 'number' || hit.exp * 1000 > Date.now())) return hit;
  if (hit) verified.delete(token);
  const claims = await verifyJwt(token, secret);
  if (verified.size >= MAX_CACHED) verified.clear();
  verified.set(token, claims);
  return claims;
}

/**
 * Who the request runs as: the verified JWT's `role` (anon without one). Unknown roles fail like
 * PostgREST's `set role` does (22023 → 401), roles the login role may not assume with 42501.
 */
export async function identify(
  headers: { authorization: string | null; apikey: string | null },
  { jwtSecret: secret, keys }: { jwtSecret: JwtKeyInput; keys: ApiKeys },
  roles: { member: Set<string>; all: Set<string> },
): Promise<RequestIdentity> {
  const token = effectiveBearer(headers, keys);
  if (!token) {
    if (!headers.apikey && !headers.authorization) {
      throw new RestError(
        401,
        'PGRST302',
        'No API key found in request',
        null,
        'No `apikey` request header or url param was found.',
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    throw jwtError('PGRST301', 'Empty JWT is sent in Authorization header');
  }
  let claims: JwtClaims;
  try {
    claims = await claimsOf(token, secret);
  } catch (e) {
    if (e instanceof JwtError && e.kind === 'expired') throw jwtError('PGRST303', 'JWT expired');
    const parts = token.split('.').length;
    if (parts !== 3) throw jwtError('PGRST301', `Expected 3 parts in JWT; got ${parts}`);
    const msg =
      e instanceof JwtError && /signing method/.test(e.message)
        ? 'Wrong or unsupported encoding algorithm'
        : 'JWT cryptographic operation failed';
    throw jwtError('PGRST301', msg);
  }
  const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon';
  if (!roles.member.has(role)) {
    if (!roles.all.has(role)) {
      throw new RestError(401, '22023', `role "${role}" does not exist`, null, null, { 'WWW-Authenticate': 'Bearer' });
    }
    throw new RestError(role === 'anon' ? 401 : 403, '42501', `permission denied to set role "${role}"`);
  }
  return { role, claimsJson: claimsJsonOf(claims, role) };
}

// The claims JSON set per request, kept beside the cached claims object (same lifetime).
const claimsJsonCache = new WeakMap<JwtClaims, { role: string; json: string }>();

function claimsJsonOf(claims: JwtClaims, role: string): string {
  const hit = claimsJsonCache.get(claims);
  if (hit?.role === role) return hit.json;
  const json = JSON.stringify({ ...claims, role });
  claimsJsonCache.set(claims, { role, json });
  return json;
}
