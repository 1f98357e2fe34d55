import { createRoot, createSignal } from 'solid-js';
import { apiReachability } from '#lib/network/api.ts';
import { type CommandPayloads, commandRegistry, executorFor } from '#lib/outbox/commands.ts';
import { Outbox } from '#lib/outbox/outbox.ts';
import { requestPersistentStorage } from '#lib/outbox/persistence.ts';
import { OutboxStore } from '#lib/outbox/store.ts';
import type { OutboxSnapshot } from '#lib/outbox/types.ts';
import { lazyLocalforage } from '#lib/storage/key-value.ts';

/** The app's one outbox: IndexedDB database "comanda-outbox", shared by every tab of the origin. */
export const outbox = new Outbox<CommandPayloads>({
  store: new OutboxStore(lazyLocalforage('comanda-outbox', 'commands')),
  // Each command kind and how it is sent: lib/outbox/commands.ts.
  execute: executorFor(commandRegistry),
  channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('comanda-outbox'),
});

const emptySnapshot: OutboxSnapshot = { pending: [], parked: [], unsynced: 0, draining: false, storageError: null };

const state = createRoot(() => {
  const [outboxState, setOutboxState] = createSignal(emptySnapshot);
  const [online, setOnline] = createSignal(apiReachability.online());
  apiReachability.subscribe(setOnline);
  const [storagePersisted, setStoragePersisted] = createSignal<boolean | null>(null);
  outbox.subscribe(setOutboxState);
  return { outboxState, online, storagePersisted, setStoragePersisted };
});

/** What the outbox holds, as a signal: counts, parked commands, storage trouble. */
export const outboxState = state.outboxState;
/** Whether the API answers (not only whether the browser has a network): lib/network/api.ts. */
export const online = state.online;
/** null until the browser answers (or where it cannot say). */
export const storagePersisted = state.storagePersisted;

const [connectionBars, setConnectionBars] = createSignal(0);
/**
 * Whether a screen shows its own connection bar (POS, kitchen: components/shell/connection-status),
 * which already says offline and unsent: the app-wide notices then stay quiet rather than repeat it.
 */
export const connectionBarShown = () => connectionBars() > 0;
/** Called by a connection bar when it appears; the returned function when it goes. */
export function registerConnectionBar(): () => void {
  setConnectionBars((count) => count + 1);
  return () => setConnectionBars((count) => count - 1);
}

let started = false;

/** Starts sending: now, whenever the API answers again, and whenever the tab becomes visible. */
export function startSync(): void {
  if (started) return;
  started = true;
  apiReachability.subscribe((reachable) => {
    if (reachable) void outbox.retryNow();
  });
  addEventListener('online', () => void apiReachability.checkNow());
  addEventListener('offline', () => apiReachability.browserOffline());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    if (apiReachability.online()) void outbox.drain();
    else void apiReachability.checkNow();
  });
  void requestPersistentStorage().then(state.setStoragePersisted);
  // A screen reopened from the service worker with its cached reads still fresh sends nothing at
  // first; ask the API once so "offline" shows at once when it does not answer.
  void apiReachability.checkNow();
  void outbox.drain();
}
