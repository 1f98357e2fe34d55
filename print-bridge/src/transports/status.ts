import { Socket } from 'node:net';

/** What the admin page shows (public.printer_status). */
export type PrinterStatus = 'unknown' | 'ok' | 'paper_low' | 'paper_out' | 'cover_open' | 'offline' | 'error';

export interface StatusReading {
  status: PrinterStatus;
  /** The reason in words, for the log and printers.status_error; null when all is well. */
  error: string | null;
  /** False when the printer took the connection but did not answer DLE EOT: it has no status to give. */
  answers: boolean;
}

const DLE_EOT = (n: number) => Uint8Array.of(0x10, 0x04, n);

/**
 * A real-time status byte has bit 1 and bit 4 set, bit 0 and bit 7 clear (ESC/POS DLE EOT). Anything
 * else is not an answer to our question (a printer echoing, or garbage).
 */
const isStatusByte = (b: number) => (b & 0x93) === 0x12;

/**
 * Decodes DLE EOT 1 (printer), 2 (offline cause) and 4 (paper roll sensor). Paper out outranks cover
 * open outranks other errors: the first thing a person must fix.
 */
export function decodeStatus(printer: number, offline: number, paper: number): StatusReading {
  if (paper & 0x60 || offline & 0x20) return { status: 'paper_out', error: 'paper out', answers: true };
  if (offline & 0x04) return { status: 'cover_open', error: 'cover open', answers: true };
  if (offline & 0x40) return { status: 'error', error: 'printer error (cutter, head or temperature)', answers: true };
  if (printer & 0x08) return { status: 'offline', error: 'printer offline', answers: true };
  if (paper & 0x0c) return { status: 'paper_low', error: 'paper running low', answers: true };
  return { status: 'ok', error: null, answers: true };
}

/**
 * Asks a TCP printer for its real-time status on a connection of its own: DLE EOT 1, 2 and 4, one
 * byte back each. A printer that does not answer within `timeoutMs` is "unknown" (many network
 * interfaces never answer on port 9100), not an error; one that refuses the connection is "offline".
 */
export function queryTcpStatus(host: string, port: number, { timeoutMs = 500 } = {}): Promise<StatusReading> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const answers: number[] = [];
    let settled = false;
    const done = (reading: StatusReading) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(reading);
    };
    const timer = setTimeout(
      () =>
        done(
          socket.connecting
            ? { status: 'offline', error: `no connection within ${timeoutMs} ms`, answers: false }
            : { status: 'unknown', error: null, answers: false },
        ),
      timeoutMs,
    );
    socket.on('error', (e) => done({ status: 'offline', error: e.message, answers: false }));
    socket.on('data', (chunk) => {
      for (const b of chunk) {
        if (!isStatusByte(b)) return done({ status: 'unknown', error: null, answers: false });
        answers.push(b);
        // One question at a time: a printer answers in order, and some drop a question sent too early.
        if (answers.length === 1) socket.write(DLE_EOT(2));
        else if (answers.length === 2) socket.write(DLE_EOT(4));
        else if (answers.length === 3)
          done(decodeStatus(answers[0] as number, answers[1] as number, answers[2] as number));
      }
    });
    socket.connect(port, host, () => socket.write(DLE_EOT(1)));
  });
}
