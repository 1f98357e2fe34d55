import { failureFromThrown } from '#lib/db.ts';
import { type BackoffPolicy, defaultBackoff, retryDelayMs } from '#lib/outbox/backoff.ts';
import { defaultLockManager, type LockManagerLike } from '#lib/outbox/locks.ts';
import { createOrderKeys, type OutboxStore } from '#lib/outbox/store.ts';
import {
  type ExecutionResult,
  type Executor,
  type OutboxCommand,
  type OutboxSnapshot,
  OutboxStorageError,
} from '#lib/outbox/types.ts';

/** Timers and clock, injected so tests step through retries without waiting. */
export interface Scheduler {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Cross-tab "something changed" pings (a BroadcastChannel in browsers). */
export interface ChangeChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: () => void): void;
  close(): void;
}

export interface OutboxOptions {
  store: OutboxStore;
  execute: Executor;
  locks?: LockManagerLike;
  scheduler?: Scheduler;
  backoff?: BackoffPolicy;
  channel?: ChangeChannel | null;
  /** Web Lock name; every tab of the app must use the same one. */
  lockName?: string;
  newId?: () => string;
}

export interface EnqueueOptions {
  /** Reuse a known UUID (e.g. the order's primary key) so the command and the row share it. */
  id?: string;
}

const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The one durable queue of staff writes. Commands are drained strictly in order by whichever tab
 * holds the Web Lock; a transient failure blocks the queue until its backoff expires (later writes
 * may depend on it), a permanent refusal parks the command for a person and lets the rest go on.
 * Nothing leaves the store except by success or by an explicit discard. `Payloads` maps each
 * command kind to its payload type (the app's: lib/outbox/commands.ts), so `enqueue` is checked.
 */
export class Outbox<Payloads extends Record<string, unknown> = Record<string, unknown>> {
  private readonly store: OutboxStore;
  private readonly execute: Executor;
  private readonly locks: LockManagerLike;
  private readonly scheduler: Scheduler;
  private readonly backoff: BackoffPolicy;
  private readonly channel: ChangeChannel | null;
  private readonly lockName: string;
  private readonly newId: () => string;
  private readonly nextOrderKey: () => string;
  private readonly listeners = new Set<(snapshot: OutboxSnapshot) => void>();
  private running: Promise<void> | null = null;
  private rerun = false;
  private retryTimer: unknown = null;
  private draining = false;
  private storageError: OutboxStorageError | null = null;

  constructor(options: OutboxOptions) {
    this.store = options.store;
    this.execute = options.execute;
    this.locks = options.locks ?? defaultLockManager();
    this.scheduler = options.scheduler ?? realScheduler;
    this.backoff = options.backoff ?? defaultBackoff;
    this.channel = options.channel ?? null;
    this.lockName = options.lockName ?? 'comanda-outbox';
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.nextOrderKey = createOrderKeys(() => this.scheduler.now());
    this.channel?.addEventListener('message', () => void this.publish());
  }

  /**
   * Stores a command and starts draining. Resolves once the command is durable (not once it is
   * sent). Enqueuing an id that is already queued returns the stored command unchanged.
   * Throws OutboxStorageError when the device cannot store it: the caller must tell the user.
   */
  async enqueue<Kind extends keyof Payloads & string>(
    kind: Kind,
    payload: Payloads[Kind],
    options: EnqueueOptions = {},
  ): Promise<OutboxCommand> {
    const id = options.id ?? this.newId();
    const command = await this.recordingStorage(async () => {
      const existing = await this.store.get(id);
      if (existing) return existing;
      const created: OutboxCommand<Payloads[Kind]> = {
        id,
        kind,
        payload,
        createdAt: new Date(this.scheduler.now()).toISOString(),
        order: this.nextOrderKey(),
        attempts: 0,
        nextAttemptAt: null,
        state: 'pending',
        lastFailure: null,
      };
      await this.store.put(created);
      return created;
    });
    // A new command was written, so the device has room again.
    this.storageError = null;
    this.changed();
    void this.drain();
    return command;
  }

  /**
   * Sends what is due. Calls made while a pass runs in this tab coalesce into one more pass; other
   * tabs wait for the lock, so exactly one drainer runs at a time across the origin.
   */
  drain(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.locks.request(this.lockName, () => this.drainPass());
        } while (this.rerun);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /**
   * The network is back (or the user asked): forget backoff waits and send now. Parked commands
   * stay parked; they need a person.
   */
  async retryNow(): Promise<void> {
    await this.recordingStorage(async () => {
      for (const command of await this.store.all()) {
        if (command.state === 'pending' && command.nextAttemptAt !== null) {
          await this.store.put({ ...command, nextAttemptAt: null });
        }
      }
    });
    await this.drain();
  }

  /** Puts a parked command back in the queue at its original place and drains. */
  async retry(id: string): Promise<void> {
    await this.recordingStorage(async () => {
      const command = await this.store.get(id);
      if (command?.state !== 'parked') return;
      await this.store.put({ ...command, state: 'pending', attempts: 0, nextAttemptAt: null });
    });
    this.changed();
    await this.drain();
  }

  /** Drops a parked command on a person's explicit decision. Pending commands cannot be dropped. */
  async discard(id: string): Promise<void> {
    await this.recordingStorage(async () => {
      const command = await this.store.get(id);
      if (command?.state === 'parked') await this.store.remove(id);
    });
    this.changed();
  }

  async snapshot(): Promise<OutboxSnapshot> {
    // Reads do not clear a quota error: only a write that succeeds proves there is room again.
    const commands = await this.store.all().catch(() => [] as OutboxCommand[]);
    const pending = commands.filter((c) => c.state === 'pending');
    const parked = commands.filter((c) => c.state === 'parked');
    return {
      pending,
      parked,
      unsynced: commands.length,
      draining: this.draining,
      storageError: this.storageError,
    };
  }

  subscribe(listener: (snapshot: OutboxSnapshot) => void): () => void {
    this.listeners.add(listener);
    void this.snapshot().then(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.retryTimer !== null) this.scheduler.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.channel?.close();
    this.listeners.clear();
  }

  private async drainPass(): Promise<void> {
    this.draining = true;
    try {
      for (;;) {
        const head = (await this.recordingStorage(() => this.store.all())).find((c) => c.state === 'pending');
        if (!head) return;
        const waitMs = (head.nextAttemptAt ?? 0) - this.scheduler.now();
        if (waitMs > 0) return this.scheduleRetry(waitMs);
        const result = await this.send(head);
        if (result.ok) {
          await this.recordingStorage(() => this.store.remove(head.id));
        } else if (result.failure.transient) {
          const attempts = head.attempts + 1;
          const delay = retryDelayMs(attempts, this.backoff);
          const nextAttemptAt = this.scheduler.now() + delay;
          await this.recordingStorage(() =>
            this.store.put({ ...head, attempts, nextAttemptAt, lastFailure: result.failure }),
          );
          this.changed();
          return this.scheduleRetry(delay);
        } else {
          await this.recordingStorage(() =>
            this.store.put({ ...head, state: 'parked', attempts: head.attempts + 1, lastFailure: result.failure }),
          );
        }
        this.changed();
      }
    } catch (error) {
      // Storage broke mid-pass: the command is still stored (or will be re-sent idempotently);
      // the error is already on the snapshot for the UI.
      if (!(error instanceof OutboxStorageError)) throw error;
    } finally {
      this.draining = false;
      this.changed();
    }
  }

  private async send(command: OutboxCommand): Promise<ExecutionResult> {
    try {
      return await this.execute(command);
    } catch (error) {
      return { ok: false, failure: failureFromThrown(error) };
    }
  }

  private scheduleRetry(delayMs: number): void {
    if (this.retryTimer !== null) this.scheduler.clearTimeout(this.retryTimer);
    this.retryTimer = this.scheduler.setTimeout(() => {
      this.retryTimer = null;
      void this.drain();
    }, delayMs);
  }

  /** Runs a storage operation, keeping the last storage failure on the snapshot for the UI. */
  private async recordingStorage<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof OutboxStorageError) {
        this.storageError = error;
        void this.publish();
      }
      throw error;
    }
  }

  private changed(): void {
    this.channel?.postMessage('changed');
    void this.publish();
  }

  private async publish(): Promise<void> {
    if (this.listeners.size === 0) return;
    const snapshot = await this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
