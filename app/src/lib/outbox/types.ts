import type { DbFailure } from '#lib/db.ts';

/** A staff write waiting to reach the database. Its `id` is the idempotency key the RPC receives. */
export interface OutboxCommand<Payload = unknown> {
  id: string;
  /** What to do, e.g. an RPC name; the executor decides how to send it. */
  kind: string;
  payload: Payload;
  createdAt: string;
  /** Sort key giving the FIFO position; assigned once at enqueue and never changed. */
  order: string;
  attempts: number;
  /** Epoch ms before which a transiently failed command must not be retried. */
  nextAttemptAt: number | null;
  state: 'pending' | 'parked';
  lastFailure: OutboxFailure | null;
}

/** Why a command was not applied: the same failure every database request answers (lib/db.ts). */
export type OutboxFailure = DbFailure;

export type ExecutionResult = { ok: true } | { ok: false; failure: OutboxFailure };

/** Sends one command; injected so tests and future RPC wiring share the same outbox. */
export type Executor = (command: OutboxCommand) => Promise<ExecutionResult>;

export interface OutboxSnapshot {
  /** Commands still to be sent, in order. */
  pending: OutboxCommand[];
  /** Commands the server refused, waiting for a person to retry or discard them. */
  parked: OutboxCommand[];
  /** pending + parked: the work that would be lost by signing out or clearing the browser. */
  unsynced: number;
  draining: boolean;
  storageError: OutboxStorageError | null;
}

export class OutboxStorageError extends Error {
  constructor(
    readonly kind: 'quota' | 'unavailable',
    options?: { cause?: unknown },
  ) {
    super(kind === 'quota' ? 'Device storage is full' : 'Device storage is unavailable', options);
    this.name = 'OutboxStorageError';
  }
}
