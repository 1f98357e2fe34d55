import type { SupabaseClient } from '@supabase/supabase-js';
import type { Log } from './log.ts';
import type { Connection } from './transports/index.ts';
import { type PrinterStatus, queryTcpStatus, type StatusReading } from './transports/status.ts';

export interface PrinterHealth {
  name: string;
  status: PrinterStatus;
  error: string | null;
  checkedAt: string | null;
}

interface Known extends PrinterHealth {
  /** null: never asked; false: took the connection but never answered DLE EOT. */
  answers: boolean | null;
  checkedMs: number;
  reported: { status: PrinterStatus; error: string | null; atMs: number } | null;
}

export interface HealthOptions {
  client: SupabaseClient;
  log: Log;
  /** How long a DLE EOT answer may take; a printer silent this long is "unknown". */
  statusTimeoutMs?: number;
  /** A printer known fine is asked again before a job once its last answer is older than this. */
  recheckMs?: number;
  /** A printer that never answers is left alone this long before asking again. */
  silentRetryMs?: number;
  /** The same status is reported again after this long, so the admin's "checked" time moves. */
  reportEveryMs?: number;
}

/** A status that means the printer would not print now: sending would only fill its buffer. */
export const BLOCKING: ReadonlySet<PrinterStatus> = new Set(['paper_out', 'cover_open', 'error', 'offline']);

/**
 * What each printer last said about itself (DLE EOT over TCP), asked before a job when the last
 * answer is stale or bad and after a job when the printer answers at all, and reported to the
 * database (report_printer_status) when it changes. A printer that never answers costs one short
 * timeout now and then, not one per job.
 */
export class PrinterHealthTracker {
  private readonly known = new Map<string, Known>();
  private readonly o: HealthOptions;

  constructor(options: HealthOptions) {
    this.o = options;
  }

  snapshot(): Record<string, PrinterHealth> {
    return Object.fromEntries(
      [...this.known].map(([id, k]) => [
        id,
        { name: k.name, status: k.status, error: k.error, checkedAt: k.checkedAt },
      ]),
    );
  }

  private entry(id: string, name: string): Known {
    let k = this.known.get(id);
    if (!k) {
      k = { name, status: 'unknown', error: null, checkedAt: null, answers: null, checkedMs: 0, reported: null };
      this.known.set(id, k);
    }
    k.name = name;
    return k;
  }

  /** Before a job: the printer's status if it was worth asking, else the last known one. */
  async before(id: string, name: string, connection: Connection): Promise<StatusReading> {
    const k = this.entry(id, name);
    if (connection.type !== 'tcp') return { status: k.status, error: k.error, answers: false };
    const now = Date.now();
    const stale =
      k.answers === null ||
      (k.answers === false && now - k.checkedMs > (this.o.silentRetryMs ?? 300_000)) ||
      (k.answers === true && (k.status !== 'ok' || now - k.checkedMs > (this.o.recheckMs ?? 30_000)));
    if (!stale) return { status: k.status, error: k.error, answers: k.answers === true };
    return this.ask(id, k, connection);
  }

  /** After a job went out: a printer that answers is asked again (did that ticket use the last paper?). */
  async after(id: string, name: string, connection: Connection): Promise<void> {
    const k = this.entry(id, name);
    if (connection.type === 'tcp' && k.answers === true) await this.ask(id, k, connection);
    else if (connection.type === 'file') await this.record(id, k, { status: 'ok', error: null, answers: false });
  }

  /** A send that failed: the printer could not be reached, or stopped taking bytes. */
  async failed(id: string, name: string, connection: Connection, reason: string): Promise<void> {
    if (connection.type !== 'tcp' && connection.type !== 'device') return;
    await this.record(id, this.entry(id, name), { status: 'offline', error: reason, answers: false });
  }

  private async ask(id: string, k: Known, connection: Connection & { type: 'tcp' }): Promise<StatusReading> {
    const reading = await queryTcpStatus(connection.host, connection.port, {
      timeoutMs: this.o.statusTimeoutMs ?? 500,
    });
    // Unreachable says nothing about whether it answers status: ask again next time.
    k.answers = reading.status === 'offline' && !reading.answers ? null : reading.answers;
    // A silent printer keeps whatever its jobs showed (offline after a failed send), not "unknown".
    if (!reading.answers && reading.status === 'unknown') {
      k.checkedMs = Date.now();
      return { status: k.status, error: k.error, answers: false };
    }
    await this.record(id, k, reading);
    return reading;
  }

  private async record(id: string, k: Known, reading: StatusReading): Promise<void> {
    const now = Date.now();
    const changed = k.status !== reading.status || k.error !== reading.error;
    if (changed) {
      this.o.log(BLOCKING.has(reading.status) ? 'warn' : 'info', 'printer status', {
        printer: k.name,
        status: reading.status,
        ...(reading.error ? { error: reading.error } : {}),
      });
    }
    k.status = reading.status;
    k.error = reading.error;
    k.checkedMs = now;
    k.checkedAt = new Date(now).toISOString();
    const last = k.reported;
    if (
      last &&
      last.status === k.status &&
      last.error === k.error &&
      now - last.atMs < (this.o.reportEveryMs ?? 60_000)
    ) {
      return;
    }
    const { error } = await this.o.client.rpc('report_printer_status', {
      p_printer_id: id,
      p_status: k.status,
      p_error: k.error,
    });
    if (error) this.o.log('warn', 'report_printer_status failed', { printer: k.name, error: error.message });
    else k.reported = { status: k.status, error: k.error, atMs: now };
  }
}
