import { onlineManager, QueryClient } from '@tanstack/solid-query';
import { type PersistedClient, type Persister, persistQueryClient } from '@tanstack/solid-query-persist-client';
import { apiReachability } from '#lib/network/api.ts';
import { type KeyValueStore, lazyLocalforage } from '#lib/storage/key-value.ts';

/**
 * Reads go through solid-query and its cache is persisted to IndexedDB, so a staff screen opened
 * with no network renders what it showed last time. Data stays "fresh" briefly (realtime and
 * refetch-on-reconnect keep it current) but is kept for a week for offline use.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      gcTime: 7 * 24 * 60 * 60 * 1000,
      // Offline, queries pause and show the cache instead of firing requests that can only fail;
      // they run when the API answers again.
      networkMode: 'online',
      retry: 2,
    },
  },
});

// Queries follow whether the API answers (lib/network/api.ts), not only the browser's online events:
// a screen reopened with no network must know at once, and so must one whose Wi-Fi lost the internet.
onlineManager.setEventListener((setOnline) => {
  setOnline(apiReachability.online());
  return apiReachability.subscribe(setOnline);
});

/** A solid-query persister over an IndexedDB store, writing at most once per `throttleMs`. */
export function keyValuePersister(store: KeyValueStore, key = 'query-cache', throttleMs = 1_000): Persister {
  let scheduled = false;
  let latest: PersistedClient | null = null;
  return {
    persistClient(client) {
      latest = client;
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        // A full disk must not break reads; the outbox is where storage errors are surfaced.
        void store.setItem(key, latest).catch(() => undefined);
      }, throttleMs);
    },
    restoreClient: async () => (await store.getItem<PersistedClient>(key)) ?? undefined,
    removeClient: async () => {
      await store.removeItem(key);
    },
  };
}

const queryCacheStore = lazyLocalforage('comanda-queries', 'cache');

/** Restores the cached reads and keeps them saved. `buster` drops caches from other app builds. */
export function persistQueries(buster: string): void {
  persistQueryClient({
    queryClient,
    persister: keyValuePersister(queryCacheStore),
    maxAge: 7 * 24 * 60 * 60 * 1000,
    buster,
  });
}

/** Called on sign-out: the next person on this device must not see the previous one's data. */
export async function clearQueryCache(): Promise<void> {
  queryClient.clear();
  await queryCacheStore.removeItem('query-cache');
}

/** Marks the reads under `key` stale and refetches the ones on screen (after a write). */
export function invalidate(key: readonly unknown[]): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: key });
}
