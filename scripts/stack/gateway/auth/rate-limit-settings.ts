import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { IntervalLimiter, TokenBucketLimiter, WrongPasswordThrottle } from './rate-limit.ts';

/**
 * The auth limits, as hosted Supabase has them: config.toml's `[auth.rate_limit]` handed to GoTrue
 * the way the Supabase CLI does, GoTrue's defaults where the file says nothing.
 */
export interface AuthRateLimits {
  /** `sign_in_sign_ups` (GoTrue's RATE_LIMIT_OTP): email sign-ups, recovery requests and user updates per IP per window. */
  signInSignUps: number;
  /** `anonymous_users`: anonymous sign-ins per IP per long window; the bucket holds that many. */
  anonymousUsers: number;
  /** `token_refresh`: `/token` requests — password sign-ins and refreshes alike — per IP per window. */
  tokenRefresh: number;
  /** `token_verifications`: `/verify` requests per IP per window. */
  tokenVerifications: number;
  /**
   * `email_sent`: emails per long window for the whole project. The CLI hands it to GoTrue only with
   * `[auth.email.smtp] enabled = true`; otherwise GoTrue's default (30) applies.
   */
  emailSent: number;
  /** What a per-IP bucket holds (GoTrue: 30), so a client may burst before the window rate applies. */
  burst: number;
  /** Window of the per-IP limits, in seconds (GoTrue: 5 minutes). */
  windowSeconds: number;
  /** Window of `anonymous_users` and `email_sent`, in seconds (GoTrue: 1 hour). */
  longWindowSeconds: number;
  /** Wrong passwords in a row one account takes before it pauses (the gateway's own, see WrongPasswordThrottle). */
  wrongPasswordsBeforePause: number;
  /** The first pause in seconds; it doubles with each further wrong password up to `maxPauseSeconds`. */
  pauseSeconds: number;
  maxPauseSeconds: number;
}

/** GoTrue's defaults (internal/conf: RATE_LIMIT_OTP 30, TOKEN_REFRESH 150, VERIFY 30, ANONYMOUS_USERS 30, EMAIL_SENT 30). */
export const GOTRUE_RATE_LIMITS: AuthRateLimits = {
  signInSignUps: 30,
  anonymousUsers: 30,
  tokenRefresh: 150,
  tokenVerifications: 30,
  emailSent: 30,
  burst: 30,
  windowSeconds: 300,
  longWindowSeconds: 3600,
  wrongPasswordsBeforePause: 5,
  pauseSeconds: 1,
  maxPauseSeconds: 300,
};

type Table = Record<string, unknown>;
const table = (v: unknown): Table => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Table) : {});
const count = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);

/** config.toml's `[auth.rate_limit]` over GoTrue's defaults, then the stack's own overrides. */
export function authRateLimits(cfg: { supabaseDir: string; authRateLimits?: Partial<AuthRateLimits> }): AuthRateLimits {
  let parsed: Table = {};
  try {
    parsed = parseToml(readFileSync(path.join(cfg.supabaseDir, 'config.toml'), 'utf8')) as Table;
  } catch {
    // A project without config.toml gets GoTrue's defaults.
  }
  const auth = table(parsed.auth);
  const limits = table(auth.rate_limit);
  const smtpEnabled = table(table(auth.email).smtp).enabled === true;
  const d = GOTRUE_RATE_LIMITS;
  const fromFile: AuthRateLimits = {
    ...d,
    signInSignUps: count(limits.sign_in_sign_ups, d.signInSignUps),
    anonymousUsers: count(limits.anonymous_users, d.anonymousUsers),
    tokenRefresh: count(limits.token_refresh, d.tokenRefresh),
    tokenVerifications: count(limits.token_verifications, d.tokenVerifications),
    emailSent: smtpEnabled ? count(limits.email_sent, d.emailSent) : d.emailSent,
  };
  return { ...fromFile, ...cfg.authRateLimits };
}

/** One set of limiters per auth part: what each endpoint takes from before it does anything. */
export interface AuthLimiters {
  /** POST /signup with an email, POST /recover, PUT /user. */
  signInSignUps: TokenBucketLimiter;
  /** POST /signup without email or phone. */
  anonymousUsers: TokenBucketLimiter;
  /** POST /token, every grant. */
  token: TokenBucketLimiter;
  /** GET and POST /verify. */
  verify: TokenBucketLimiter;
  /** Every email sent, project-wide. */
  emailSent: IntervalLimiter;
  wrongPasswords: WrongPasswordThrottle;
}

export function createAuthLimiters(l: AuthRateLimits, now: () => number = Date.now): AuthLimiters {
  const window = l.windowSeconds * 1000;
  const long = l.longWindowSeconds * 1000;
  return {
    signInSignUps: new TokenBucketLimiter(l.signInSignUps, window, l.burst, now),
    // GoTrue sizes this bucket by the hourly number itself, not the common burst.
    anonymousUsers: new TokenBucketLimiter(l.anonymousUsers, long, Math.max(l.anonymousUsers, 0), now),
    token: new TokenBucketLimiter(l.tokenRefresh, window, l.burst, now),
    verify: new TokenBucketLimiter(l.tokenVerifications, window, l.burst, now),
    emailSent: new IntervalLimiter(l.emailSent, long, now),
    wrongPasswords: new WrongPasswordThrottle(
      {
        freeAttempts: l.wrongPasswordsBeforePause,
        pauseMs: l.pauseSeconds * 1000,
        maxPauseMs: l.maxPauseSeconds * 1000,
        forgetAfterMs: long,
      },
      now,
    ),
  };
}
