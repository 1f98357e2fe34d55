import type { Context } from 'hono';
import type pg from 'pg';
import { type ApiKeys, effectiveBearer, isOpaqueProjectKey, translateApiKey } from '../api-keys.ts';
import { readCappedBody } from '../body.ts';
import type { GatewayConfig } from '../config.ts';
import { type JwtClaims, JwtError, projectJwtKeys, verifyJwt } from '../jwt.ts';
import { AuthError, badRequest, forbidden } from './errors.ts';
import type { AuthLimiters } from './rate-limit-settings.ts';
import type { TokenSettings } from './session-tokens.ts';
import { findUserById, isBanned, type JsonObject, type LoadedUser } from './user-records.ts';

/** What every auth handler needs: the stack config, the auth pool and the token settings. */
export interface AuthDeps {
  cfg: GatewayConfig;
  pool: pg.Pool;
  tokens: TokenSettings;
  /** Seconds during which a rotated refresh token may still be exchanged (GoTrue default 10). */
  reuseIntervalSeconds: number;
  /** Cost of new bcrypt hashes (GoTrue uses 10; anything ≥ 4 verifies the same way). */
  bcryptCost: number;
  /** Per-IP buckets, the project's email budget and the wrong-password pause (config.toml's `[auth.rate_limit]`). */
  limits: AuthLimiters;
}

/** GoTrue reads bodies through http.MaxBytesReader; 1 MB is enough for any auth payload. */
export const MAX_BODY_BYTES = 1024 * 1024;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID_RE.test(s);

const badJson = (detail: string) => badRequest('bad_json', `Could not parse request body as JSON: ${detail}`);

async function readLimited(c: Context): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readCappedBody(c.req.raw.body, MAX_BODY_BYTES);
  if (!bytes) throw tooLarge();
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

const tooLarge = () =>
  new AuthError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY_BYTES} bytes)`);

/**
 * The request's JSON object body. GoTrue unmarshals into a struct, so a non-object or malformed body
 * is `bad_json`; we also refuse non-JSON content types rather than guess at form encodings.
 */
export async function readJsonObject(c: Context, { optional = false } = {}): Promise<JsonObject> {
  const type = c.req.header('content-type');
  if (type && !/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type.trim())) {
    throw badJson(`Content-Type must be application/json, got ${JSON.stringify(type)}`);
  }
  const text = await readLimited(c);
  if (optional && text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw badJson(text.trim() === '' ? 'unexpected end of JSON input' : (e as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badJson(`json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into an object`);
  }
  return parsed as JsonObject;
}

type FieldKind = 'string' | 'object' | 'boolean';

/** A typed field of the body; `null`/absent → undefined, like Go's zero values; wrong type → bad_json. */
export function field(body: JsonObject, name: string, kind: 'string'): string | undefined;
export function field(body: JsonObject, name: string, kind: 'object'): JsonObject | undefined;
export function field(body: JsonObject, name: string, kind: 'boolean'): boolean | undefined;
export function field(body: JsonObject, name: string, kind: FieldKind): unknown {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  const ok = kind === 'object' ? typeof v === 'object' && !Array.isArray(v) : typeof v === kind;
  if (!ok) {
    const got = Array.isArray(v) ? 'array' : typeof v;
    throw badJson(`json: cannot unmarshal ${got} into Go struct field .${name} of type ${kind}`);
  }
  return v;
}

/**
 * Hosted Supabase's gateway check: an `apikey` (header or query) that is a project key — an opaque
 * sb_ key or a JWT signed with the project secret. Returns the 401 body to send, or null when fine.
 */
export async function apiKeyProblem(
  c: Context,
  cfg: Pick<GatewayConfig, 'jwtSecret' | 'jwtKeys' | 'keys'>,
): Promise<Record<string, string> | null> {
  const { keys } = cfg;
  const apikey = c.req.header('apikey') ?? c.req.query('apikey');
  if (!apikey) {
    return { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' };
  }
  const invalid = { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' };
  if (apikey.startsWith('sb_')) return isOpaqueProjectKey(apikey, keys) ? null : invalid;
  try {
    await verifyJwt(translateApiKey(apikey, keys) ?? '', projectJwtKeys(cfg));
    return null;
  } catch {
    return invalid;
  }
}

function bearerOf(c: Context, keys: ApiKeys): string {
  const bearer = effectiveBearer(
    {
      authorization: c.req.header('authorization') ?? null,
      apikey: c.req.header('apikey') ?? c.req.query('apikey') ?? null,
    },
    keys,
  );
  if (!bearer) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  return bearer;
}

async function verifiedClaims(c: Context, cfg: GatewayConfig): Promise<JwtClaims> {
  try {
    return await verifyJwt(bearerOf(c, cfg.keys), projectJwtKeys(cfg));
  } catch (e) {
    if (e instanceof JwtError) {
      throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${e.message}`);
    }
    throw e;
  }
}

export interface Authenticated {
  claims: JwtClaims;
  user: LoadedUser;
  /** The JWT's session; null for tokens without session_id (e.g. minted by hand). */
  sessionId: string | null;
}

/** GoTrue's requireAuthentication: a valid user JWT whose user and session still exist. */
export async function requireUser(c: Context, deps: AuthDeps): Promise<Authenticated> {
  const claims = await verifiedClaims(c, deps.cfg);
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(deps.pool, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let sessionId: string | null = null;
  const sid = claims.session_id;
  if (sid && sid !== '00000000-0000-0000-0000-000000000000') {
    if (!isUuid(sid)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    const { rowCount } = await deps.pool.query('select 1 from auth.sessions where id = $1', [sid]);
    if (!rowCount) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    sessionId = sid;
  }
  if (isBanned(user.row)) throw forbidden('user_banned', 'User is banned');
  return { claims, user, sessionId };
}

/** GoTrue's requireAdminCredentials: any valid JWT whose role is an admin role. */
export async function requireAdmin(c: Context, deps: AuthDeps): Promise<JwtClaims> {
  const claims = await verifiedClaims(c, deps.cfg);
  if (claims.role !== 'service_role' && claims.role !== 'supabase_admin') {
    throw forbidden('not_admin', 'User not allowed');
  }
  return claims;
}
