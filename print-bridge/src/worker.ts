import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type { Journal } from './journal.ts';
import type { Log } from './log.ts';
import { BLOCKING, type PrinterHealth, PrinterHealthTracker } from './printer-health.ts';
import { type Encoding, type Layout, render } from './render.ts';
import { type Connection, parseConnection, send } from './transports/index.ts';

export interface PrintJob {
  id: string;
  printer_id: string;
  document: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: string;
  available_at: string;
}

interface PrinterRow {
  id: string;
  name: string;
  connection: unknown;
  chars_per_line: number;
  active: boolean;
}

export interface WorkerOptions {
  client: SupabaseClient;
  restaurantId: string;
  journal: Journal;
  layout: Layout;
  encoding: Encoding;
  printsDir: string;
  log: Log;
  /** How long a claimed job is ours before another claim may take it back (the SQL allows 5..600). */
  leaseSeconds?: number;
  /** The fallback poll: a missed Realtime message never strands a job longer than this. */
  pollMs?: number;
  batchSize?: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  /** How long a printer may take to answer DLE EOT (real-time status). */
  statusTimeoutMs?: number;
  /** The database refused the bridge itself (its membership was removed): nothing will print again. */
  onUnpaired?: (reason: string) => void;
}

export interface WorkerStatus {
  /** Jobs queued or printing for the restaurant at the last look. */
  queueDepth: number | null;
  lastContact: string | null;
  printed: number;
  failed: number;
  realtime: string;
  /** Each printer's last status as the bridge saw it. */
  printers: Record<string, PrinterHealth>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The loop: claim due jobs with a lease, render, send through the printer's transport, journal,
 * complete. Jobs of one printer go out one after the other in the order they were created; printers
 * are served side by side. Wakes on the restaurant's print topic and polls as a fallback.
 */
export class Worker {
  private readonly counters = {
    queueDepth: null as number | null,
    lastContact: null as string | null,
    printed: 0,
    failed: 0,
    realtime: 'closed',
  };
  private readonly health: PrinterHealthTracker;
  private channel: RealtimeChannel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  // A plain field, not a parameter property: `npm start` runs this file with Node's type stripping.
  private readonly o: WorkerOptions;

  constructor(options: WorkerOptions) {
    this.o = options;
    this.health = new PrinterHealthTracker({
      client: options.client,
      log: options.log,
      ...(options.statusTimeoutMs ? { statusTimeoutMs: options.statusTimeoutMs } : {}),
    });
  }

  get status(): WorkerStatus {
    return { ...this.counters, printers: this.health.snapshot() };
  }

  async start(): Promise<void> {
    await this.confirmJournal();
    const { client, restaurantId, log } = this.o;
    this.channel = client
      .channel(`restaurant:${restaurantId}:print`, { config: { private: true } })
      .on('broadcast', { event: '*' }, (msg) => {
        // Our own claims and completions echo back as UPDATEs: only a job becoming due matters.
        const record = (msg.payload as { record?: { status?: string } } | undefined)?.record;
        if (!record || record.status === 'queued') {
          this.wake();
          this.wakeSoon();
        }
      })
      .subscribe((state, error) => {
        this.counters.realtime = state;
        log(state === 'SUBSCRIBED' ? 'info' : 'warn', 'realtime', {
          state,
          ...(error ? { error: error.message } : {}),
        });
        if (state === 'SUBSCRIBED') this.wake();
      });
    const poll = () => {
      this.timer = setTimeout(() => {
        this.wake();
        poll();
      }, this.o.pollMs ?? 10_000);
    };
    poll();
    this.wake();
  }

  /**
   * One more look shortly after a message: Broadcast from Database can deliver a job's INSERT a moment
   * before the row is visible to the claim's snapshot (the commit is streamed before every session
   * sees it), and that claim then finds nothing; without this the job would wait for the poll.
   */
  private wakeSoon(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      void this.wake();
    }, 150);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.soon);
    if (this.channel) await this.o.client.removeChannel(this.channel);
    await this.running;
  }

  /** Drains now; a wake during a drain runs one more after it (never two at once: per-printer order). */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain().catch((e) => this.o.log('error', 'drain failed', { error: message(e) }));
        } while (this.again && !this.stopped);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Jobs sent before a crash but not confirmed: completed now, never printed again. */
  private async confirmJournal(): Promise<void> {
    for (const id of this.o.journal.unconfirmed()) await this.complete(id, true);
  }

  private async drain(): Promise<void> {
    const { client, restaurantId, log } = this.o;
    for (;;) {
      const { data, error } = await client.rpc('claim_print_jobs', {
        p_restaurant_id: restaurantId,
        p_limit: this.o.batchSize ?? 20,
        p_lease_seconds: this.o.leaseSeconds ?? 60,
      });
      if (error) {
        // forbidden (42501): no longer the restaurant's print bridge. Anything else is transient.
        if (error.code === '42501') this.o.onUnpaired?.(error.message);
        throw new Error(`claim_print_jobs: ${error.message}`);
      }
      this.counters.lastContact = new Date().toISOString();
      const jobs = (data ?? []) as PrintJob[];
      if (jobs.length === 0) break;
      const printers = await this.printers();
      const byPrinter = new Map<string, PrintJob[]>();
      for (const job of jobs.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))) {
        byPrinter.set(job.printer_id, [...(byPrinter.get(job.printer_id) ?? []), job]);
      }
      log('debug', 'claimed', { jobs: jobs.length, printers: byPrinter.size });
      await Promise.all([...byPrinter].map(([printerId, list]) => this.printInOrder(printers.get(printerId), list)));
      if (this.stopped) break;
    }
    await this.countQueue();
  }

  private async printers(): Promise<Map<string, PrinterRow>> {
    const { data, error } = await this.o.client
      .from('printers')
      .select('id, name, connection, chars_per_line, active')
      .eq('restaurant_id', this.o.restaurantId);
    if (error) throw new Error(`printers: ${error.message}`);
    return new Map((data as PrinterRow[]).map((p) => [p.id, p]));
  }

  private async countQueue(): Promise<void> {
    const { count, error } = await this.o.client
      .from('print_jobs')
      .select('id', { count: 'exact', head: true })
      .eq('restaurant_id', this.o.restaurantId)
      .in('status', ['queued', 'printing']);
    if (!error) this.counters.queueDepth = count;
  }

  /**
   * One printer's jobs, oldest first. After a failure the rest stay claimed and untouched: their
   * leases run out after the failed job's first backoff, so it is claimed (and printed) before them.
   */
  private async printInOrder(printer: PrinterRow | undefined, jobs: PrintJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.stopped) return;
      const ok = await this.printOne(printer, job);
      if (!ok) {
        const held = jobs.slice(jobs.indexOf(job) + 1).map((j) => j.id);
        if (held.length) this.o.log('warn', 'held behind a failed job', { job: job.id, held });
        return;
      }
    }
  }

  private async printOne(printer: PrinterRow | undefined, job: PrintJob): Promise<boolean> {
    const { journal, log } = this.o;
    if (journal.wasSent(job.id)) {
      // Sent before a crash, lease expired, claimed again: it is on paper already.
      return this.complete(job.id, true);
    }
    let connection: Connection;
    try {
      if (!printer) throw new Error('printer not found (removed?)');
      if (!printer.active) throw new Error(`printer ${printer.name} is switched off in the admin`);
      connection = parseConnection(printer.connection);
    } catch (e) {
      return this.fail(job, message(e));
    }
    const before = await this.health.before(printer.id, printer.name, connection);
    if (before.answers && BLOCKING.has(before.status)) {
      // It would only buffer the ticket (or lose it): the job waits for the backoff and is asked again.
      return this.fail(job, `printer reports ${before.error ?? before.status}`);
    }
    const started = Date.now();
    try {
      const rendered = render(this.o.layout, job.payload, {
        cpl: printer.chars_per_line,
        encoding: this.o.encoding,
        preview: connection.type === 'file',
      });
      await send(connection, rendered, {
        printsDir: this.o.printsDir,
        name: `${job.created_at.replace(/[^0-9]/g, '').slice(0, 17)}_${job.document}_${job.id}`,
        ...(this.o.connectTimeoutMs ? { connectTimeoutMs: this.o.connectTimeoutMs } : {}),
        ...(this.o.writeTimeoutMs ? { writeTimeoutMs: this.o.writeTimeoutMs } : {}),
      });
    } catch (e) {
      await this.health.failed(printer.id, printer.name, connection, message(e));
      return this.fail(job, message(e));
    }
    journal.markSent(job.id);
    log('info', 'sent', { job: job.id, document: job.document, printer: printer.name, ms: Date.now() - started });
    const done = await this.complete(job.id, false);
    await this.health.after(printer.id, printer.name, connection);
    return done;
  }

  private async complete(jobId: string, fromJournal: boolean): Promise<boolean> {
    const { data, error } = await this.o.client.rpc('complete_print_job', { p_job_id: jobId });
    if (error) {
      // The bytes are out: keep the journal entry so a later claim completes it instead of reprinting.
      this.o.log('error', 'complete_print_job failed', { job: jobId, error: error.message, fromJournal });
      return true;
    }
    this.counters.lastContact = new Date().toISOString();
    this.o.journal.markDone(jobId);
    this.counters.printed++;
    this.o.log('info', 'printed', { job: jobId, status: (data as { status?: string } | null)?.status, fromJournal });
    return true;
  }

  private async fail(job: PrintJob, reason: string): Promise<boolean> {
    const { data, error } = await this.o.client.rpc('fail_print_job', { p_job_id: job.id, p_error: reason });
    this.counters.failed++;
    const row = data as { status?: string; attempts?: number; available_at?: string } | null;
    this.o.log('warn', 'print failed', {
      job: job.id,
      reason,
      ...(error
        ? { failError: error.message }
        : { status: row?.status, attempts: row?.attempts, retryAt: row?.available_at }),
    });
    return false;
  }
}
