/**
 * Whether the API can be reached — not only whether the browser has a network.
 *
 * `navigator.onLine` says a network interface is up; it says nothing of a restaurant's Wi-Fi whose
 * internet is down, and some browsers report `true` after a page is reloaded offline. A staff screen
 * that believes it is online while it is not fires requests that fail and shows stale data without
 * saying so. So the app is offline when the browser says so *or* when a request to the API failed at
 * the network level, and it comes back online only when the API answers again (a probe, or any
 * response).
 */

export type ReachabilityListener = (online: boolean) => void;

export interface ReachabilityOptions {
  /** Resolves true when the API answered at all (any HTTP status), false on a network failure. */
  probe: () => Promise<boolean>;
  /** What the browser believes at start (`navigator.onLine`). */
  initiallyOnline: boolean;
  /** First wait before probing again after a failure; doubled each time up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface Reachability {
  online(): boolean;
  subscribe(listener: ReachabilityListener): () => void;
  /** A request got an HTTP response: the API is reachable. */
  reportResponse(): void;
  /** A request failed before any response (DNS, refused, disconnected). */
  reportNetworkFailure(): void;
  /** The browser's `offline` event. */
  browserOffline(): void;
  /** The browser's `online` event, or the tab became visible: check now rather than wait. */
  checkNow(): Promise<void>;
}

export function createReachability(options: ReachabilityOptions): Reachability {
  const firstDelayMs = options.firstDelayMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const listeners = new Set<ReachabilityListener>();
  let online = options.initiallyOnline;
  let timer: unknown;
  let delayMs = firstDelayMs;
  let probing: Promise<void> | undefined;

  function set(next: boolean) {
    if (next === online) return;
    online = next;
    for (const listener of listeners) listener(next);
  }

  function stopProbing() {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    delayMs = firstDelayMs;
  }

  function scheduleProbe() {
    if (timer !== undefined) return;
    timer = setTimer(() => {
      timer = undefined;
      void checkNow();
    }, delayMs);
    delayMs = Math.min(delayMs * 2, maxDelayMs);
  }

  function goOffline() {
    set(false);
    scheduleProbe();
  }

  function checkNow(): Promise<void> {
    probing ??= options
      .probe()
      .catch(() => false)
      .then((reached) => {
        if (reached) {
          stopProbing();
          set(true);
        } else goOffline();
      })
      .finally(() => {
        probing = undefined;
      });
    return probing;
  }

  if (!online) scheduleProbe();

  return {
    online: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportResponse() {
      if (online) return;
      stopProbing();
      set(true);
    },
    reportNetworkFailure: goOffline,
    browserOffline: goOffline,
    checkNow,
  };
}

/** A `fetch` that tells `reachability` what each request found; aborted requests say nothing. */
export function reportingFetch(reachability: Reachability, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    try {
      const response = await inner(input, init);
      reachability.reportResponse();
      return response;
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) reachability.reportNetworkFailure();
      throw error;
    }
  };
}
