/**
 * One read in flight, and at most one more after it: calls made while a read runs share a single
 * trailing read, which starts after the current one ends and so sees every change made meanwhile.
 * For reads whose answer is large and whose triggers come in bursts (a guest's menu: a dish 86'd,
 * a price edited, translations saved — each a Realtime message).
 */
export function coalesce<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: T;
      do {
        again = false;
        result = await read();
      } while (again);
      return result;
    })().finally(() => {
      running = null;
    });
    return running;
  };
}
