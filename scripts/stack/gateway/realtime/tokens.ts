import { type JwtClaims, JwtError, type JwtKeyInput, verifyJwt } from '../jwt.ts';

export type TokenCheck = { ok: true; claims: JwtClaims; token: string } | { ok: false; reason: string };

/**
 * Realtime's view of a JWT (contract §2.1/§2.2): signature with the project secret, and the `role`
 * and `exp` claims it needs to pick the Postgres role and to know when to shut the channel.
 * `reason` is the text Realtime puts after "InvalidJWTToken: " or in a 401 body.
 */
export async function checkRealtimeToken(token: string, secret: JwtKeyInput, nowMs = Date.now()): Promise<TokenCheck> {
  let claims: JwtClaims;
  try {
    claims = await verifyJwt(token, secret);
  } catch (e) {
    if (e instanceof JwtError && e.kind === 'expired' && e.expiredAt !== undefined) {
      const ago = Math.max(0, Math.floor(nowMs / 1000) - e.expiredAt);
      return { ok: false, reason: `Token has expired ${ago} seconds ago` };
    }
    return { ok: false, reason: 'The token provided is not a valid JWT' };
  }
  if (typeof claims.role !== 'string' || claims.role === '' || typeof claims.exp !== 'number') {
    return { ok: false, reason: 'Fields `role` and `exp` are required in JWT' };
  }
  return { ok: true, claims, token };
}

/** Milliseconds until the token's `exp`, capped so Node's timers (32-bit) never fire early. */
export function msUntilExpiry(claims: JwtClaims, nowMs = Date.now()): number {
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : nowMs;
  return Math.min(Math.max(0, exp - nowMs), 2 ** 30);
}
