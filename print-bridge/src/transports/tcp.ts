import { Socket } from 'node:net';

export interface TcpOptions {
  /** How long to wait for the printer to accept the connection. */
  connectTimeoutMs?: number;
  /** How long the printer may go without taking bytes before the job is abandoned. */
  writeTimeoutMs?: number;
}

/**
 * Sends the bytes to a raw TCP printer port (9100) and resolves only once every byte has been handed
 * to the kernel and the connection is closed cleanly on our side (the socket's 'finish' after end()),
 * so a job is never reported printed while part of it is still in our buffers. A refused or dropped
 * connection, or a printer that stops reading (paper out, cover open fill its buffer), rejects.
 */
export function sendTcp(
  host: string,
  port: number,
  bytes: Uint8Array,
  { connectTimeoutMs = 5_000, writeTimeoutMs = 15_000 }: TcpOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let settled = false;
    const done = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      if (error) {
        socket.destroy();
        reject(error);
      } else {
        socket.destroy();
        resolve();
      }
    };
    const connectTimer = setTimeout(
      () => done(new Error(`tcp ${host}:${port}: no connection after ${connectTimeoutMs} ms`)),
      connectTimeoutMs,
    );
    socket.once('error', (e) => done(new Error(`tcp ${host}:${port}: ${e.message}`)));
    socket.once('close', () => done(new Error(`tcp ${host}:${port}: connection closed before all bytes were sent`)));
    socket.connect(port, host, () => {
      clearTimeout(connectTimer);
      // Idle while writing: the printer took nothing for writeTimeoutMs.
      socket.setTimeout(writeTimeoutMs, () =>
        done(new Error(`tcp ${host}:${port}: printer stopped accepting data (${writeTimeoutMs} ms)`)),
      );
      socket.once('finish', () => done());
      socket.end(bytes);
    });
  });
}
