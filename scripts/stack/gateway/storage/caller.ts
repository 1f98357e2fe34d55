import type { Context } from 'hono';
import { type ApiKeys, effectiveBearer } from '../api-keys.ts';
import { type JwtClaims, type JwtKeys, projectJwtKeys, verifyJwt } from '../jwt.ts';
import { errors } from './errors.ts';

/** Who is asking: the verified JWT's role and claims; RLS decides the rest. */
export interface Caller {
  role: string;
  claims: JwtClaims;
  /** The JWT's `sub`: becomes the object's owner, as hosted. */
  sub: string | undefined;
  /** False when no valid JWT came with the request (public and signed routes allow that). */
  authenticated: boolean;
  /** Lower-cased request headers, exposed to policies as `request.headers` like hosted. */
  headers: Record<string, string>;
  method: string;
  path: string;
}

/** The privileged identity for lookups hosted Storage makes "as superuser" (bucket limits, public reads). */
export const SERVICE_CALLER: Caller = {
  role: 'service_role',
  claims: { role: 'service_role' },
  sub: undefined,
  authenticated: true,
  headers: {},
  method: '',
  path: '',
};

function requestHeaders(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  c.req.raw.headers.forEach((value, key) => {
    // The bearer itself stays out of SQL settings; policies read claims, not tokens.
    if (key !== 'authorization' && key !== 'apikey') out[key] = value;
  });
  return out;
}

/**
 * Storage accepts only a valid JWT on its authenticated routes (a refusal is 403 AccessDenied with the
 * verifier's message); routes that also serve the public (downloads, info) fall back to an
 * unauthenticated anon caller instead, as hosted's `allowInvalidJwt` routes do.
 */
export async function resolveCaller(
  c: Context,
  cfg: { jwtSecret: string; jwtKeys?: JwtKeys | undefined; keys: ApiKeys },
  opts: { optional: boolean },
): Promise<Caller> {
  const base = { headers: requestHeaders(c), method: c.req.method, path: new URL(c.req.url).pathname };
  const token = effectiveBearer(
    { authorization: c.req.header('authorization'), apikey: c.req.header('apikey') },
    cfg.keys,
  );
  const anonymous: Caller = { role: 'anon', claims: { role: 'anon' }, sub: undefined, authenticated: false, ...base };
  if (!token) {
    if (opts.optional) return anonymous;
    throw errors.accessDenied('Invalid Compact JWS');
  }
  let claims: JwtClaims;
  try {
    claims = await verifyJwt(token, projectJwtKeys(cfg));
  } catch (e) {
    if (opts.optional) return anonymous;
    throw errors.accessDenied(joseStyleMessage(e));
  }
  const role = typeof claims.role === 'string' && claims.role ? claims.role : 'anon';
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
  return { role, claims: { ...claims, role }, sub, authenticated: true, ...base };
}

/** Hosted Storage verifies with `jose`; its messages are what clients have seen in the wild. */
export function joseStyleMessage(e: unknown): string {
  const kind = (e as { kind?: string }).kind;
  const message = e instanceof Error ? e.message : String(e);
  if (kind === 'expired') return '"exp" claim timestamp check failed';
  if (message.includes('signature')) return 'signature verification failed';
  return 'Invalid Compact JWS';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hosted records the JWT sub in `owner_id` and, when it is a uuid, in the deprecated `owner` too. */
export function ownerOf(sub: string | undefined): { owner: string | null; owner_id: string | null } {
  const id = sub ?? null;
  return { owner: id !== null && UUID.test(id) ? id : null, owner_id: id };
}
