import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '#lib/outbox/backoff.ts';

describe('retryDelayMs', () => {
  const noJitter = { baseMs: 1_000, capMs: 30_000, random: () => 1 };

  it('doubles per attempt', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, noJitter))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(retryDelayMs(6, noJitter)).toBe(30_000);
    expect(retryDelayMs(10_000, noJitter)).toBe(30_000);
  });

  it('jitters between half and all of the delay', () => {
    expect(retryDelayMs(3, { ...noJitter, random: () => 0 })).toBe(2_000);
    expect(retryDelayMs(3, { ...noJitter, random: () => 0.5 })).toBe(3_000);
  });
});
