/** The subset of the Web Locks API (`navigator.locks`) the outbox needs: exclusive, waiting locks. */
export interface LockManagerLike {
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** The browser's cross-tab lock manager, or a same-tab one where Web Locks are missing. */
export function defaultLockManager(): LockManagerLike {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return createLocalLockManager();
  // The DOM typings return Promise<ReturnType<callback>> without unwrapping; at runtime the lock's
  // promise resolves with what the callback's promise resolves with.
  return {
    request: <T>(name: string, callback: (lock: unknown) => Promise<T>) =>
      locks.request(name, callback) as unknown as Promise<T>,
  };
}

/**
 * Exclusive locks granted in request order, within one JavaScript realm. Used where the browser has
 * no Web Locks (then each tab drains on its own — still correct, as commands are idempotent), and by
 * tests, where two outboxes sharing one instance behave like two tabs of the same origin.
 */
export function createLocalLockManager(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(() => callback({ name }));
      const tail = run.catch(() => undefined);
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return run;
    },
  };
}
