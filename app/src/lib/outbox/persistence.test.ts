import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '#lib/outbox/persistence.ts';

const manager = (persisted: boolean, grant: boolean) => {
  const calls: string[] = [];
  const storage = {
    persisted: async () => {
      calls.push('persisted');
      return persisted;
    },
    persist: async () => {
      calls.push('persist');
      return grant;
    },
  } as unknown as StorageManager;
  return { storage, calls };
};

describe('requestPersistentStorage', () => {
  it('does not ask again when storage is already persistent', async () => {
    const { storage, calls } = manager(true, false);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(calls).toEqual(['persisted']);
  });

  it('asks, and reports the browser answer', async () => {
    expect(await requestPersistentStorage(manager(false, true).storage)).toBe(true);
    expect(await requestPersistentStorage(manager(false, false).storage)).toBe(false);
  });

  it('answers null where the API is missing', async () => {
    expect(await requestPersistentStorage({} as StorageManager)).toBeNull();
  });
});
