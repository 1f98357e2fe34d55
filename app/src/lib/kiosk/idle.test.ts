import { describe, expect, it } from 'vitest';
import { idlePhase, promptSecondsFor } from './idle.ts';

describe('kiosk idle reset', () => {
  it('stays active until the idle time, then prompts with the seconds left, then resets', () => {
    expect(idlePhase(29_999, 30, 10)).toEqual({ phase: 'active' });
    expect(idlePhase(30_000, 30, 10)).toEqual({ phase: 'prompt', secondsLeft: 10 });
    expect(idlePhase(35_500, 30, 10)).toEqual({ phase: 'prompt', secondsLeft: 5 });
    expect(idlePhase(40_000, 30, 10)).toEqual({ phase: 'reset' });
  });

  it('resets at once without a prompt when the screen has nothing to lose', () => {
    expect(idlePhase(30_000, 30, 0)).toEqual({ phase: 'reset' });
  });

  it('keeps the prompt between 5 and 20 seconds', () => {
    expect(promptSecondsFor(30)).toBe(10);
    expect(promptSecondsFor(900)).toBe(20);
    expect(promptSecondsFor(9)).toBe(5);
  });
});
