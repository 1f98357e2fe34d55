export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** 0..1 source for jitter, so tabs and devices do not retry in lockstep; injectable for tests. */
  random: () => number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 60_000, random: Math.random };

/**
 * Delay before retry number `attempts` (1 = first retry): exponential, capped, then "equal jitter"
 * (between half and all of it) so a crowd of offline devices coming back does not stampede.
 */
export function retryDelayMs(attempts: number, policy: BackoffPolicy = defaultBackoff): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}
