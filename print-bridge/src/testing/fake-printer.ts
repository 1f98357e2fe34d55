import { createServer, type Server, type Socket } from 'node:net';

/** A raw TCP printer on loopback for tests: records every connection's bytes, or stalls. */
export interface FakePrinter {
  port: number;
  /** The bytes of each finished connection (one job per connection), in arrival order. */
  jobs: Buffer[];
  /** Resolves as soon as `count` connections have finished (the sender closed its side). */
  waitForJobs(count: number, timeoutMs: number): Promise<void>;
  /** What it answers to DLE EOT 1/2/4 from now on (null: it never answers, as many network cards). */
  setStatus(status: FakeStatus | null): void;
  /** How many DLE EOT questions it was asked. */
  statusQueries: number;
  close(): Promise<void>;
}

/** DLE EOT answers: n=1 printer, n=2 offline cause, n=4 paper roll sensor (fixed bits included). */
export interface FakeStatus {
  printer: number;
  offline: number;
  paper: number;
}
export const STATUS_OK: FakeStatus = { printer: 0x12, offline: 0x12, paper: 0x12 };
/** Paper end: the roll sensor says out, the printer went offline because of it. */
export const STATUS_PAPER_OUT: FakeStatus = { printer: 0x1a, offline: 0x32, paper: 0x72 };
/** Cover open. */
export const STATUS_COVER_OPEN: FakeStatus = { printer: 0x1a, offline: 0x16, paper: 0x12 };

/** Nothing but DLE EOT n questions (or nothing at all): a status check, not a job. */
function onlyStatusQueries(bytes: Buffer): boolean {
  if (bytes.length % 3 !== 0) return false;
  for (let i = 0; i < bytes.length; i += 3) {
    if (bytes[i] !== 0x10 || bytes[i + 1] !== 0x04 || ![1, 2, 4].includes(bytes[i + 2] as number)) return false;
  }
  return true;
}

export async function fakePrinter({
  stall = false,
  port = 0,
  status = null as FakeStatus | null,
} = {}): Promise<FakePrinter> {
  const jobs: Buffer[] = [];
  let answers = status;
  let statusQueries = 0;
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (stall) {
      // Accepts the connection, then never reads: the kernel buffers fill and writes stop draining.
      socket.pause();
      return;
    }
    const chunks: Buffer[] = [];
    socket.on('data', (c) => {
      chunks.push(c);
      // DLE EOT n, answered at once; a connection that only asked questions is not a job.
      for (let i = c.indexOf(0x10); i >= 0 && i + 2 < c.length; i = c.indexOf(0x10, i + 1)) {
        if (c[i + 1] !== 0x04) continue;
        statusQueries++;
        const n = c[i + 2];
        if (answers && (n === 1 || n === 2 || n === 4)) {
          socket.write(Uint8Array.of(n === 1 ? answers.printer : n === 2 ? answers.offline : answers.paper));
        }
      }
    });
    socket.on('end', () => {
      const bytes = Buffer.concat(chunks);
      if (onlyStatusQueries(bytes)) {
        socket.end();
        return;
      }
      jobs.push(bytes);
      for (const w of waiters) w();
      socket.end();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    jobs,
    setStatus: (next) => {
      answers = next;
    },
    get statusQueries() {
      return statusQueries;
    },
    waitForJobs: (count, timeoutMs) =>
      new Promise((resolve) => {
        const check = () => {
          if (jobs.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve();
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on loopback where nothing listens: connections are refused. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
