/**
 * Whether a failure means "Postgres is not there right now" rather than "the query was wrong": the
 * connection was refused or reset, the server is shutting down or still recovering, or the client
 * lost its connection mid-request. Every part answers these with its service's 503, never a 500, and
 * keeps serving: the pools reconnect on the next request once the stack has restarted Postgres.
 */
export function isConnectionLoss(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    // Node's socket errors: ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT…
    if (/^E[A-Z]+$/.test(code)) return true;
    // connection_exception, admin_shutdown, crash_shutdown, cannot_connect_now.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  }
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed/i.test(
    e.message,
  );
}

/**
 * node-postgres emits `error` on a client whose server goes away; pg-pool listens only while the
 * client is idle, so a client checked out between two statements of a request (or a pipelined
 * one) would throw it as an uncaught exception and take the whole gateway down. Every pool gets a
 * listener on the pool and on each client it opens; the request in flight still fails (→ 503) and
 * the broken client is dropped from the pool on release.
 */
export function guardPool(
  pool: {
    on(event: 'error', l: (e: Error) => void): unknown;
    on(event: 'connect', l: (c: ClientLike) => void): unknown;
  },
  log: (line: string) => void,
  name: string,
): void {
  let lastLog = 0;
  const onError = (e: Error) => {
    // One line per second at most: a restart breaks every connection of the pool at once.
    if (Date.now() - lastLog < 1000) return;
    lastLog = Date.now();
    log(`${name}: database connection lost: ${e.message}`);
  };
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
}

interface ClientLike {
  on(event: 'error', l: (e: Error) => void): unknown;
}
