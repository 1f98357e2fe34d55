/** The subset of the Web Locks API (`navigator.locks`) the outbox needs: exclusive, waiting locks. */
export interface LockManagerLike {
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** The browser's cross-tab lock manager, or a same-tab one where Web Locks are missing. */
export function defaultLockManager(): LockManagerLike {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? { request: (name, callback) => locks.request(name, callback) } : createLocalLockManager();
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
