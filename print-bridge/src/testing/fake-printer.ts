import { createServer, type Server, type Socket } from 'node:net';

/** A raw TCP printer on loopback for tests: records every connection's bytes, or stalls. */
export interface FakePrinter {
  port: number;
  /** The bytes of each finished connection (one job per connection), in arrival order. */
  jobs: Buffer[];
  /** Resolves as soon as `count` connections have finished (the sender closed its side). */
  waitForJobs(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function fakePrinter({ stall = false, port = 0 } = {}): Promise<FakePrinter> {
  const jobs: Buffer[] = [];
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
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
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
