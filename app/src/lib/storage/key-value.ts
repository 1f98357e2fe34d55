/** The part of a localforage instance the app uses: one IndexedDB object store of keyed values. */
export interface KeyValueStore {
  getItem<T>(key: string): Promise<T | null>;
  setItem<T>(key: string, value: T): Promise<T>;
  removeItem(key: string): Promise<void>;
  iterate<T, U>(iteratee: (value: T, key: string, iterationNumber: number) => U): Promise<U>;
}

/**
 * An IndexedDB store whose driver (localforage, about 9 kB gzip) is fetched on first use rather than
 * with the app shell. Every use is asynchronous anyway, so the first screen paints without waiting
 * for it; the outbox drain and the query-cache restore that start right after pull it in.
 */
export function lazyLocalforage(
  name: string,
  storeName: string,
  load: () => Promise<{ default: LocalForage }> = () => import('localforage'),
): KeyValueStore {
  let instance: Promise<LocalForage> | null = null;
  const store = () => {
    instance ??= load().then(
      (module) => module.default.createInstance({ name, storeName }),
      (error: unknown) => {
        // A failed chunk fetch (offline before the service worker cached it) may succeed later.
        instance = null;
        throw error;
      },
    );
    return instance;
  };
  return {
    getItem: async (key) => (await store()).getItem(key),
    setItem: async (key, value) => (await store()).setItem(key, value),
    removeItem: async (key) => (await store()).removeItem(key),
    iterate: async (iteratee) => (await store()).iterate(iteratee),
  };
}
