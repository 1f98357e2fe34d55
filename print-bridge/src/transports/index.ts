import type { Connection } from './connection.ts';
import { sendDevice } from './device.ts';
import { sendFile, type VirtualPrint } from './file.ts';
import { sendTcp, type TcpOptions } from './tcp.ts';

export { type Connection, ConnectionError, parseConnection } from './connection.ts';

export interface SendOptions extends TcpOptions {
  /** The virtual printers' root folder. */
  printsDir: string;
  /** A file name (without extension) for the virtual printer, unique per job. */
  name: string;
}

/** Sends one rendered job through its printer's connection; resolves once every byte was accepted. */
export async function send(connection: Connection, print: VirtualPrint, options: SendOptions): Promise<void> {
  switch (connection.type) {
    case 'tcp':
      return sendTcp(connection.host, connection.port, print.bytes, options);
    case 'device':
      return sendDevice(connection.path, print.bytes, options);
    case 'file':
      await sendFile(options.printsDir, connection.path, options.name, print);
  }
}
