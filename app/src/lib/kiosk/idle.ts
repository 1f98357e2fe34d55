/**
 * When a kiosk left alone goes back to its attract screen: after `idleSeconds` without a touch or
 * a key it asks "still there?" for `promptSeconds`, then clears the order. A screen with nothing to
 * lose (the confirmation) resets with no prompt (promptSeconds 0).
 */
export type IdlePhase = { phase: 'active' } | { phase: 'prompt'; secondsLeft: number } | { phase: 'reset' };

/** The prompt's length: long enough to read and answer, never longer than a third of the idle time. */
export function promptSecondsFor(idleSeconds: number): number {
  return Math.max(5, Math.min(20, Math.floor(idleSeconds / 3)));
}

export function idlePhase(idleMs: number, idleSeconds: number, promptSeconds: number): IdlePhase {
  const idle = idleSeconds * 1000;
  if (idleMs < idle) return { phase: 'active' };
  const left = idle + promptSeconds * 1000 - idleMs;
  if (left <= 0) return { phase: 'reset' };
  return { phase: 'prompt', secondsLeft: Math.ceil(left / 1000) };
}
