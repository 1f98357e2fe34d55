/**
 * Test doubles for the outbox: a clock whose timers fire only when told, and a fake server that
 * applies each command UUID at most once, as the real RPCs do. Used by the outbox's unit tests.
 */
import { resultFromResponse } from '#lib/db.ts';
import type { Scheduler } from '#lib/outbox/outbox.ts';
import type { ExecutionResult, OutboxCommand } from '#lib/outbox/types.ts';

export class ManualScheduler implements Scheduler {
  time = 0;
  private timers: { at: number; callback: () => void; handle: number }[] = [];
  private nextHandle = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.push({ at: this.time + ms, callback, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.handle !== handle);
  }

  /** Delays of the timers still waiting, relative to now. */
  pendingDelays(): number[] {
    return this.timers.map((t) => t.at - this.time);
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.callback();
  }
}

/** How the fake server answers the next call; `lost-response` applies it, then the reply is lost. */
export type Reply = 'ok' | 'network' | 'lost-response' | 408 | 429 | 500 | 503 | 'refuse';

export class FakeServer {
  readonly applied: unknown[] = [];
  readonly calls: string[] = [];
  private readonly seen = new Set<string>();
  private replies: Reply[] = [];
  inFlight = 0;
  maxInFlight = 0;

  /** Queues the answers to the next calls; once used up, every call succeeds. */
  reply(...replies: Reply[]): void {
    this.replies.push(...replies);
  }

  execute = async (command: OutboxCommand): Promise<ExecutionResult> => {
    this.calls.push(command.id);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // Yield to the event loop so another "tab" gets every chance to send concurrently.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const reply = this.replies.shift() ?? 'ok';
      if (reply === 'network') throw new TypeError('fetch failed');
      if (typeof reply === 'number') {
        return resultFromResponse({ error: { message: 'unavailable', code: '' }, status: reply });
      }
      if (reply === 'refuse') {
        return resultFromResponse({
          error: { message: 'slug_taken', code: 'P0001', hint: 'This slug is already used.', details: '{}' },
          status: 400,
        });
      }
      this.apply(command);
      if (reply === 'lost-response') throw new TypeError('network connection lost');
      return { ok: true };
    } finally {
      this.inFlight--;
    }
  };

  private apply(command: OutboxCommand): void {
    if (this.seen.has(command.id)) return;
    this.seen.add(command.id);
    this.applied.push(command.payload);
  }
}
