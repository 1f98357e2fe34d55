import { describe, expect, it } from 'vitest';
import { type ChimeContext, createChime } from './chime.ts';

function fakeContext(state: string) {
  const played: number[] = [];
  const context = {
    state,
    currentTime: 10,
    destination: {},
    resumed: 0,
    async resume() {
      context.resumed++;
      context.state = 'running';
    },
    createOscillator: () => ({
      type: '',
      frequency: { setValueAtTime: (value: number) => played.push(value) },
      connect: () => undefined,
      start: () => undefined,
      stop: () => undefined,
    }),
    createGain: () => ({
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: () => undefined,
    }),
  };
  return { context, played };
}

describe('chime', () => {
  it('stays silent until a gesture unlocks sound, then plays two notes', async () => {
    const { context, played } = fakeContext('suspended');
    let made = 0;
    const chime = createChime(() => {
      made++;
      return context as ChimeContext;
    });
    const target = new EventTarget();
    const disarm = chime.arm(target);
    expect(chime.play()).toBe(false);
    expect(made).toBe(0);
    target.dispatchEvent(new Event('pointerdown'));
    await Promise.resolve();
    expect(made).toBe(1);
    expect(context.resumed).toBe(1);
    expect(chime.play()).toBe(true);
    expect(played).toEqual([880, 1319]);
    // Later gestures reuse the one context.
    target.dispatchEvent(new Event('keydown'));
    expect(made).toBe(1);
    disarm();
  });

  it('plays nothing where Web Audio is missing or refused, without throwing', () => {
    const missing = createChime(() => null);
    const target = new EventTarget();
    missing.arm(target);
    target.dispatchEvent(new Event('pointerdown'));
    expect(missing.play()).toBe(false);

    const refused = createChime(() => {
      throw new Error('NotAllowedError');
    });
    refused.arm(target);
    target.dispatchEvent(new Event('keydown'));
    expect(refused.play()).toBe(false);

    // Still suspended (the browser said no): silent.
    const { context } = fakeContext('suspended');
    context.resume = async () => {
      throw new Error('not allowed');
    };
    const suspended = createChime(() => context as ChimeContext);
    suspended.arm(target);
    target.dispatchEvent(new Event('pointerdown'));
    expect(suspended.play()).toBe(false);
  });

  it('stops listening once disarmed', () => {
    let made = 0;
    const chime = createChime(() => {
      made++;
      return fakeContext('running').context as ChimeContext;
    });
    const target = new EventTarget();
    chime.arm(target)();
    target.dispatchEvent(new Event('pointerdown'));
    expect(made).toBe(0);
  });
});
