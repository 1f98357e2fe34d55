import type { OutboxCommand } from '#lib/outbox/types.ts';
import { OutboxStorageError } from '#lib/outbox/types.ts';
import type { KeyValueStore } from '#lib/storage/key-value.ts';

/**
 * Commands keyed by their UUID, so enqueuing the same command twice stores it once. Every tab opens
 * the same IndexedDB database, which is what lets one tab drain what another enqueued.
 */
export class OutboxStore {
  constructor(private readonly kv: KeyValueStore) {}

  async get(id: string): Promise<OutboxCommand | null> {
    return this.guard(() => this.kv.getItem<OutboxCommand>(id));
  }

  async put(command: OutboxCommand): Promise<void> {
    await this.guard(() => this.kv.setItem(command.id, command));
  }

  async remove(id: string): Promise<void> {
    await this.guard(() => this.kv.removeItem(id));
  }

  /** All commands in FIFO order. */
  async all(): Promise<OutboxCommand[]> {
    const commands: OutboxCommand[] = [];
    await this.guard(() =>
      this.kv.iterate<OutboxCommand, void>((command) => {
        commands.push(command);
      }),
    );
    return commands.sort((a, b) => compare(a.order, b.order) || compare(a.id, b.id));
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new OutboxStorageError(isQuotaError(error) ? 'quota' : 'unavailable', { cause: error });
    }
  }
}

/** Browsers disagree on how they report a full disk; IndexedDB may also wrap it in an abort. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message, inner } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    inner?: unknown;
  };
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014)
    return true;
  if (typeof message === 'string' && /quota/i.test(message)) return true;
  return inner !== undefined && isQuotaError(inner);
}

/**
 * FIFO keys: the enqueue time, then a per-tab counter for commands created in the same millisecond.
 * Within a tab the order is exact; across tabs, commands created at the same instant have no order
 * anyone could rely on anyway.
 */
export function createOrderKeys(now: () => number = Date.now): () => string {
  let lastTime = 0;
  let counter = 0;
  return () => {
    const time = Math.max(now(), lastTime);
    counter = time === lastTime ? counter + 1 : 0;
    lastTime = time;
    return `${String(time).padStart(15, '0')}.${String(counter).padStart(6, '0')}`;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
