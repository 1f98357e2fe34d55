import { Hono } from 'hono';
import type { GatewayConfig } from '../config.ts';
import { projectJwtKeys } from '../jwt.ts';
import type { GatewayPart } from '../part.ts';
import { adminCreateUser, adminDeleteUser, adminGetUser, adminListUsers, adminUpdateUser } from './admin.ts';
import { createAuthPool } from './db.ts';
import { authEmailSettings } from './email-settings.ts';
import { AuthError, renderAuthError } from './errors.ts';
import { logout } from './logout.ts';
import { createMailer } from './mailer.ts';
import { WindowLimiter } from './rate-limit.ts';
import { authRateLimits, createAuthLimiters } from './rate-limit-settings.ts';
import { type RecoveryDeps, recover } from './recover.ts';
import { type AuthDeps, apiKeyProblem } from './request.ts';
import { signup } from './signup.ts';
import { token } from './token-handler.ts';
import { getUser, updateUser } from './user-handler.ts';
import { verifyGet, verifyPost } from './verify.ts';

export interface AuthPartOptions {
  /** GoTrue `security.refresh_token_reuse_interval` (seconds; default 10). */
  reuseIntervalSeconds?: number;
  /** GoTrue `jwt.exp` (seconds; default 3600). */
  jwtExpirySeconds?: number;
  /** Cost of new bcrypt hashes (hosted: 10). Lower is faster on a shared laptop and verifies the same. */
  bcryptCost?: number;
}

/** The version GoTrue reports on /health: the one the Supabase CLI pins. */
const GOTRUE_VERSION = 'v2.189.0';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  return raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
}

/**
 * `/auth/v1`: the part of GoTrue that supabase-js's auth client uses — sign-up (email and anonymous),
 * password and refresh-token grants, password recovery by email (/recover, /verify), the user
 * endpoints, logout and the admin user API — on real
 * auth.* rows, with GoTrue's status codes, error codes and token claims.
 */
export function authPart(cfg: GatewayConfig, options: AuthPartOptions = {}): GatewayPart {
  const pool = createAuthPool(cfg.db.authAdmin);
  const deps: AuthDeps = {
    cfg,
    pool,
    tokens: {
      jwtSecret: projectJwtKeys(cfg),
      issuer: `${cfg.apiUrl}/auth/v1`,
      expirySeconds: options.jwtExpirySeconds ?? numberFromEnv('GOTRUE_JWT_EXP') ?? 3600,
    },
    reuseIntervalSeconds:
      options.reuseIntervalSeconds ?? numberFromEnv('GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL') ?? 10,
    bcryptCost: options.bcryptCost ?? 8,
    limits: createAuthLimiters(authRateLimits(cfg), cfg.rateLimitClock),
  };
  const settings = authEmailSettings(cfg);
  const recovery: RecoveryDeps = {
    settings,
    mailer: createMailer(settings, cfg.log),
    recoverByEmail: new WindowLimiter(1, settings.maxFrequencySeconds * 1000),
  };

  const routes = new Hono();
  routes.onError((err, c) => renderAuthError(c, err, cfg.log));
  routes.notFound((c) => renderAuthError(c, new AuthError(404, 'validation_failed', 'Not Found'), cfg.log));

  // Open like the CLI's health route, so readiness probes need no key.
  routes.get('/health', (c) =>
    c.json({
      version: GOTRUE_VERSION,
      name: 'GoTrue',
      description: 'GoTrue is a user registration and authentication API',
    }),
  );

  // Public keys for local verification (auth-js getClaims): open, like the CLI's Kong route. Only the
  // asymmetric keys are published; the HS256 secret never is, so without signing keys the set is empty.
  routes.get('/.well-known/jwks.json', (c) => c.json(cfg.jwtKeys?.jwks ?? { keys: [] }));

  // The link in a recovery email carries no API key: the CLI's Kong routes /verify without one.
  routes.get('/verify', (c) => verifyGet(c, deps, recovery));

  routes.use('*', async (c, next) => {
    const problem = await apiKeyProblem(c, cfg);
    if (problem) return c.json(problem, 401);
    await next();
  });

  routes.post('/signup', (c) => signup(c, deps));
  routes.post('/token', (c) => token(c, deps));
  routes.post('/recover', (c) => recover(c, deps, recovery));
  routes.post('/verify', (c) => verifyPost(c, deps, recovery));
  routes.get('/user', (c) => getUser(c, deps));
  routes.put('/user', (c) => updateUser(c, deps));
  routes.post('/logout', (c) => logout(c, deps));
  routes.get('/admin/users', (c) => adminListUsers(c, deps));
  routes.post('/admin/users', (c) => adminCreateUser(c, deps));
  routes.get('/admin/users/:id', (c) => adminGetUser(c, deps));
  routes.put('/admin/users/:id', (c) => adminUpdateUser(c, deps));
  routes.delete('/admin/users/:id', (c) => adminDeleteUser(c, deps));

  return {
    routes,
    ready: async () => {
      // Fail at start-up, not on the first sign-in, when the auth schema or role is missing.
      await pool.query('select 1 from auth.users limit 1');
    },
    close: async () => {
      recovery.mailer.close();
      await pool.end();
    },
  };
}
