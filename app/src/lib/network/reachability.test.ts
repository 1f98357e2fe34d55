import { describe, expect, it, vi } from 'vitest';
import { createReachability, reportingFetch } from './reachability.ts';

/** A reachability whose probe answers from `answers` in turn and whose timers the test fires. */
function harness(initiallyOnline: boolean, answers: boolean[]) {
  const timers: { run: () => void; ms: number }[] = [];
  const probe = vi.fn(async () => answers.shift() ?? false);
  const reachability = createReachability({
    initiallyOnline,
    probe,
    firstDelayMs: 1_000,
    maxDelayMs: 4_000,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => timers.splice(0),
  });
  const seen: boolean[] = [];
  reachability.subscribe((online) => seen.push(online));
  /** Fires the pending timer and waits for the probe it starts. */
  const fire = async () => {
    const timer = timers.shift();
    if (!timer) throw new Error('no probe was scheduled');
    timer.run();
    await reachability.checkNow();
    return timer.ms;
  };
  return { reachability, probe, timers, seen, fire };
}

describe('reachability', () => {
  it('goes offline on a network failure and back online only when the probe reaches the API', async () => {
    const { reachability, seen, fire, timers } = harness(true, [false, false, true]);
    reachability.reportNetworkFailure();
    expect(reachability.online()).toBe(false);
    expect(await fire()).toBe(1_000);
    expect(reachability.online()).toBe(false);
    // Backs off between probes, up to the ceiling.
    expect(await fire()).toBe(2_000);
    expect(await fire()).toBe(4_000);
    expect(reachability.online()).toBe(true);
    expect(seen).toEqual([false, true]);
    expect(timers).toEqual([]);
  });

  it('starts probing at once when the browser starts offline', async () => {
    const { reachability, fire } = harness(false, [true]);
    expect(reachability.online()).toBe(false);
    await fire();
    expect(reachability.online()).toBe(true);
  });

  it('any response brings it back online and stops the probes', () => {
    const { reachability, timers, seen } = harness(true, []);
    reachability.browserOffline();
    expect(timers).toHaveLength(1);
    reachability.reportResponse();
    expect(reachability.online()).toBe(true);
    expect(timers).toEqual([]);
    expect(seen).toEqual([false, true]);
  });

  it('shares one probe between simultaneous checks', async () => {
    const { reachability, probe } = harness(false, [true, true]);
    await Promise.all([reachability.checkNow(), reachability.checkNow()]);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('a probe that throws counts as unreachable', async () => {
    const reachability = createReachability({
      initiallyOnline: true,
      probe: () => Promise.reject(new Error('boom')),
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    await reachability.checkNow();
    expect(reachability.online()).toBe(false);
  });
});

describe('reportingFetch', () => {
  it('reports responses (of any status) and network failures, but not aborts', async () => {
    const { reachability } = harness(true, []);
    const failing = reportingFetch(reachability, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(failing('http://api')).rejects.toThrow('Failed to fetch');
    expect(reachability.online()).toBe(false);

    const answering = reportingFetch(reachability, async () => new Response('nope', { status: 503 }));
    expect((await answering('http://api')).status).toBe(503);
    expect(reachability.online()).toBe(true);

    const aborted = reportingFetch(reachability, () => Promise.reject(new DOMException('gone', 'AbortError')));
    await expect(aborted('http://api')).rejects.toThrow('gone');
    expect(reachability.online()).toBe(true);
  });
});
