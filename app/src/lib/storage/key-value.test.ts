import 'fake-indexeddb/auto';
import localforage from 'localforage';
import { describe, expect, it, vi } from 'vitest';
import { lazyLocalforage } from '#lib/storage/key-value.ts';

describe('lazyLocalforage', () => {
  it('loads the driver once, on first use, and reads back what it wrote', async () => {
    const load = vi.fn(async () => ({ default: localforage }));
    const store = lazyLocalforage('lazy-test', 'values', load);
    expect(load).not.toHaveBeenCalled();

    await Promise.all([store.setItem('a', 1), store.setItem('b', 2)]);
    expect(await store.getItem<number>('a')).toBe(1);
    const seen: string[] = [];
    await store.iterate((_value, key) => {
      seen.push(key);
    });
    expect(seen.sort()).toEqual(['a', 'b']);
    await store.removeItem('a');
    expect(await store.getItem('a')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries the driver again after a failed load instead of failing forever', async () => {
    const load = vi
      .fn<() => Promise<{ default: LocalForage }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue({ default: localforage });
    const store = lazyLocalforage('lazy-test-retry', 'values', load);

    await expect(store.getItem('x')).rejects.toThrow('Failed to fetch');
    expect(await store.getItem('x')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
