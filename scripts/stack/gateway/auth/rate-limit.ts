import type { Context } from 'hono';

/**
 * Counts hits per key in fixed windows, in memory: enough for one local gateway (GoTrue keeps its
 * per-IP limiters in memory too). Keys whose window has passed are dropped as new ones arrive.
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
    if (this.hits.size > 10_000) {
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

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address for per-IP limits: the socket's peer, or, behind a proxy on this machine
 * (the app server forwarding /auth/v1 on the LAN), the first X-Forwarded-For hop it added. A
 * forwarded header from anyone else is ignored: it would let a caller choose its own bucket.
 */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? 'unknown';
  if (LOOPBACK.test(peer)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return peer;
}
