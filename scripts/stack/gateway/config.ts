import type { ApiKeys } from './api-keys.ts';
import type { AuthRateLimits } from './auth/rate-limit-settings.ts';
import type { HealthBoard } from './health.ts';
import type { JwtKeys } from './jwt.ts';

/** What every part of the gateway needs to know about the stack it fronts. */
export interface GatewayConfig {
  /** Public base URL of the gateway, e.g. http://127.0.0.1:54321 (JWT `iss`, function env). */
  apiUrl: string;
  /**
   * Where the app is opened (`[auth] site_url`, COMANDA_SITE_URL, or the LAN address of
   * `npm start -- --lan`): the base of the links auth emails carry. An origin, no trailing slash.
   */
  siteUrl: string;
  /** HS256 secret that signs the legacy API keys, and access tokens when there are no `jwtKeys`. */
  jwtSecret: string;
  /**
   * Asymmetric signing keys (`[auth] signing_keys_path`): the first private key signs access tokens,
   * every key verifies by `kid` beside the HS256 secret, and the JWKS publishes them.
   */
  jwtKeys?: JwtKeys;
  /** The API keys clients present; the gateway translates the opaque ones to the JWT keys. */
  keys: ApiKeys;
  /** Connection URLs, one per Postgres role the hosted services use. */
  db: {
    /** PostgREST's login role: switches to anon / authenticated / service_role per request. */
    authenticator: string;
    /** GoTrue's role: owns the auth schema. */
    authAdmin: string;
    /** Superuser: Realtime's replication and authorisation probes, Storage's admin work. */
    admin: string;
    /** The `postgres` role, handed to Edge Functions as SUPABASE_DB_URL. */
    postgres: string;
  };
  /** Folder holding the Supabase project (config.toml, functions/). */
  supabaseDir: string;
  /** Folder for local state (storage bytes, logs). */
  localDir: string;
  log: (line: string) => void;
  /**
   * Where parts report what is down (`GET /health`); the stack shares it to report its Postgres.
   * The gateway makes its own when absent.
   */
  health?: HealthBoard;
  /** Registers a child process that must die with the stack (the parent-death watchdog). */
  watchChild?: (pid: number, signal: NodeJS.Signals) => () => void;
  /**
   * Auth emails (password recovery): the SMTP server they go to and settings that win over
   * config.toml's [auth] ones. Without `smtp` the auth part sends no mail and says so in the log.
   */
  authEmail?: AuthEmailConfig;
  /**
   * Settings that win over config.toml's `[auth.rate_limit]`: the test stack, whose every client
   * shares one address, raises them; a test of the limits shortens their windows.
   */
  authRateLimits?: Partial<AuthRateLimits>;
  /** The clock the auth limits read (Date.now unless given): a test steps through a window without waiting. */
  rateLimitClock?: () => number;
}

export interface AuthEmailConfig {
  smtp?: { host: string; port: number };
  /**
   * The auth API as the reader of an email reaches it, for the link's `/auth/v1/verify`: the
   * gateway's apiUrl unless given (with --lan, the app's origin, which proxies /auth/v1).
   */
  externalUrl?: string;
  /** `[auth.email] max_frequency`: seconds between two emails to one address. */
  maxFrequencySeconds?: number;
  /** `[auth.email] otp_expiry`: seconds an emailed link or code stays valid. */
  otpExpirySeconds?: number;
}
