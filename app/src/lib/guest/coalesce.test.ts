import { describe, expect, it } from 'vitest';
import { coalesce } from '#lib/guest/coalesce.ts';

function deferredReads() {
  const pending: ((value: number) => void)[] = [];
  let calls = 0;
  const read = () =>
    new Promise<number>((resolve) => {
      calls++;
      pending.push(resolve);
    });
  return { read, pending, calls: () => calls };
}

describe('coalesced reads', () => {
  it('turn a burst during a read into one trailing read, whose answer every caller gets', async () => {
    const reads = deferredReads();
    const load = coalesce(reads.read);
    const first = load();
    const burst = [load(), load(), load()];
    expect(reads.calls()).toBe(1);
    reads.pending[0]?.(1);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(reads.calls()).toBe(2);
    reads.pending[1]?.(2);
    expect(await first).toBe(2);
    expect(await Promise.all(burst)).toEqual([2, 2, 2]);
  });

  it('read again at once when nothing runs', async () => {
    const reads = deferredReads();
    const load = coalesce(reads.read);
    const one = load();
    reads.pending[0]?.(1);
    expect(await one).toBe(1);
    const two = load();
    expect(reads.calls()).toBe(2);
    reads.pending[1]?.(7);
    expect(await two).toBe(7);
  });
});
