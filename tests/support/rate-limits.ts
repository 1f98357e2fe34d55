import type { AuthRateLimits } from '../../scripts/stack/gateway/auth/rate-limit-settings.ts';

/**
 * The test stack's auth limits. Every test client signs in from 127.0.0.1, so hosted's per-IP
 * buckets (30 at once, 150 token requests per 5 minutes) would be spent by the suite in seconds:
 * the counts are raised, the windows stay hosted's. tests/stack/auth-rate-limits.test.ts checks the
 * limits themselves on a gateway of its own.
 */
export const TEST_AUTH_RATE_LIMITS: Partial<AuthRateLimits> = {
  signInSignUps: 100_000,
  anonymousUsers: 100_000,
  tokenRefresh: 100_000,
  tokenVerifications: 100_000,
  emailSent: 100_000,
  burst: 100_000,
};
