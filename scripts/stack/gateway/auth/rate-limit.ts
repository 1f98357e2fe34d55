import type { Context } from 'hono';
import { AuthError } from './errors.ts';

/** Past this many keys, a limiter sweeps the ones that no longer hold anything back. */
const SWEEP_AT = 10_000;

/**
 * GoTrue's per-IP limiters (tollbooth over golang.org/x/time/rate): a token bucket per key holding
 * `burst` requests, refilled at `perWindow` requests per `windowMs`. A refused request takes
 * nothing, so a client that waits gets its requests back at the refill rate. In memory, as GoTrue's.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  constructor(
    perWindow: number,
    windowMs: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = windowMs > 0 ? perWindow / windowMs : 0;
  }

  /** Takes one request from the key's bucket; false when the bucket is empty. */
  take(key: string): boolean {
    const t = this.now();
    if (this.buckets.size > SWEEP_AT) {
      for (const [k, b] of this.buckets) if (this.level(b, t) >= this.burst) this.buckets.delete(k);
    }
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.level(bucket, t) : this.burst;
    if (tokens < 1) return false;
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    return true;
  }

  private level(b: { tokens: number; at: number }, t: number): number {
    return Math.min(this.burst, b.tokens + (t - b.at) * this.perMs);
  }
}

/**
 * GoTrue's email limiter (`ratelimit.IntervalLimiter`): one counter for the whole project, reset
 * every interval, not a bucket per client — `email_sent` mails per hour, whoever asks.
 */
export class IntervalLimiter {
  private start: number;
  private count = 0;
  constructor(
    private readonly events: number,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
  }

  take(): boolean {
    const t = this.now();
    if (this.intervalMs > 0 && t - this.start >= this.intervalMs) {
      this.start += Math.floor((t - this.start) / this.intervalMs) * this.intervalMs;
      this.count = 0;
    }
    if (this.count >= this.events) return false;
    this.count++;
    return true;
  }
}

/**
 * Counts hits per key in fixed windows: one mail per `max_frequency` per email address (GoTrue's
 * SMTP max frequency). Keys whose window has passed are dropped as new ones arrive.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a hit; false when the key already used up its window. */
  take(key: string): boolean {
    const t = this.now();
    if (this.hits.size > SWEEP_AT) {
      for (const [k, v] of this.hits) if (t - v.start >= this.windowMs) this.hits.delete(k);
    }
    const entry = this.hits.get(key);
    if (!entry || t - entry.start >= this.windowMs) {
      this.hits.set(key, { start: t, count: 1 });
      return this.limit >= 1;
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  /** Seconds until the key may hit again (0 when it may now). */
  retryAfterSeconds(key: string): number {
    const entry = this.hits.get(key);
    if (!entry || entry.count < this.limit) return 0;
    return Math.max(0, Math.ceil((entry.start + this.windowMs - this.now()) / 1000));
  }
}

export interface WrongPasswordSettings {
  /** Wrong passwords in a row one account takes before it slows down. */
  freeAttempts: number;
  /** The first pause; each further wrong password doubles it, up to `maxPauseMs`. */
  pauseMs: number;
  maxPauseMs: number;
  /** An account whose last wrong password is this old starts again from zero. */
  forgetAfterMs: number;
}

/**
 * Slows password guessing against one account, whichever addresses it comes from (the per-IP bucket
 * cannot see an attacker who spreads over many): after `freeAttempts` wrong passwords the account
 * takes no password at all — right or wrong, so the pause is no oracle — for a pause that doubles
 * with each further wrong one. Keyed by the email as typed (lower-cased), known or not, so the
 * answer never tells whether the account exists. A right password clears the count.
 */
export class WrongPasswordThrottle {
  private readonly accounts = new Map<string, { failures: number; last: number; until: number }>();
  constructor(
    private readonly s: WrongPasswordSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while the account is paused. */
  paused(email: string): boolean {
    const entry = this.accounts.get(email.toLowerCase());
    return entry !== undefined && this.now() < entry.until;
  }

  failed(email: string): void {
    const t = this.now();
    if (this.accounts.size > SWEEP_AT) {
      for (const [k, v] of this.accounts) if (this.forgotten(v, t)) this.accounts.delete(k);
    }
    const key = email.toLowerCase();
    const previous = this.accounts.get(key);
    const failures = previous && !this.forgotten(previous, t) ? previous.failures + 1 : 1;
    const over = failures - this.s.freeAttempts;
    const pause = over >= 0 ? Math.min(this.s.maxPauseMs, this.s.pauseMs * 2 ** over) : 0;
    this.accounts.set(key, { failures, last: t, until: t + pause });
  }

  succeeded(email: string): void {
    this.accounts.delete(email.toLowerCase());
  }

  private forgotten(v: { last: number; until: number }, t: number): boolean {
    return t >= v.until && t - v.last >= this.s.forgetAfterMs;
  }
}

/** GoTrue's answer from any of its per-IP limiters. */
export const tooManyRequests = () => new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');

/** GoTrue's answer when the project's `email_sent` budget is spent (mail.go's EmailRateLimitExceeded). */
export const emailRateLimitExceeded = () =>
  new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded');

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address for per-IP limits: the socket's peer, or, behind a proxy on this machine
 * (the app server forwarding /auth/v1 on the LAN), the X-Forwarded-For hop that proxy appended —
 * the last one. Earlier hops are whatever the client sent and would let it choose its own bucket.
 */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? 'unknown';
  if (LOOPBACK.test(peer)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  return peer;
}
