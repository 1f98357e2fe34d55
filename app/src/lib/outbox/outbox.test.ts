import 'fake-indexeddb/auto';
import localforage from 'localforage';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalLockManager, type LockManagerLike } from '#lib/outbox/locks.ts';
import { Outbox } from '#lib/outbox/outbox.ts';
import { OutboxStore } from '#lib/outbox/store.ts';
import { FakeServer, ManualScheduler } from '#lib/outbox/testing.ts';
import { OutboxStorageError } from '#lib/outbox/types.ts';
import type { KeyValueStore } from '#lib/storage/key-value.ts';

const backoff = { baseMs: 1_000, capMs: 4_000, random: () => 1 };
let dbName: string;
let server: FakeServer;
let clock: ManualScheduler;

beforeEach(() => {
  dbName = `outbox-test-${crypto.randomUUID()}`;
  server = new FakeServer();
  clock = new ManualScheduler();
});

/** One browser tab: its own Outbox over the shared IndexedDB database and the shared lock manager. */
function openTab(locks: LockManagerLike = createLocalLockManager(), kv?: KeyValueStore): Outbox {
  const storage =
    kv ?? localforage.createInstance({ name: dbName, storeName: 'outbox', driver: localforage.INDEXEDDB });
  return new Outbox({ store: new OutboxStore(storage), execute: server.execute, locks, scheduler: clock, backoff });
}

describe('outbox', () => {
  it('sends commands in the order they were enqueued', async () => {
    const outbox = openTab();
    for (const n of [1, 2, 3, 4, 5]) await outbox.enqueue('add_line', { n });
    await outbox.drain();
    expect(server.applied).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
    expect((await outbox.snapshot()).unsynced).toBe(0);
  });

  it('keeps later commands waiting behind one that failed transiently', async () => {
    const outbox = openTab();
    server.reply('ok', 503);
    for (const n of [1, 2, 3]) await outbox.enqueue('add_line', { n });
    await outbox.drain();
    expect(server.applied).toEqual([{ n: 1 }]);
    expect((await outbox.snapshot()).pending.map((c) => c.payload)).toEqual([{ n: 2 }, { n: 3 }]);

    clock.advance(1_000);
    await outbox.drain();
    expect(server.applied).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('stores a command once when the same UUID is enqueued twice', async () => {
    const outbox = openTab();
    const id = crypto.randomUUID();
    server.reply(503); // hold the first attempt so the second enqueue finds it still queued
    const first = await outbox.enqueue('place_order', { total: 1 }, { id });
    const again = await outbox.enqueue('place_order', { total: 1 }, { id });
    await outbox.drain();
    expect(again).toEqual(first);
    expect((await outbox.snapshot()).unsynced).toBe(1);

    clock.advance(1_000);
    await outbox.drain();
    expect(server.applied).toEqual([{ total: 1 }]);
    expect((await outbox.snapshot()).unsynced).toBe(0);
  });

  it('replays with the same UUID when the reply was lost, and the server applies it once', async () => {
    const outbox = openTab();
    server.reply('lost-response');
    const command = await outbox.enqueue('place_order', { total: 7 });
    await outbox.drain();
    expect((await outbox.snapshot()).pending).toHaveLength(1);

    clock.advance(1_000);
    await outbox.drain();
    expect(server.calls).toEqual([command.id, command.id]);
    expect(server.applied).toEqual([{ total: 7 }]);
    expect((await outbox.snapshot()).unsynced).toBe(0);
  });

  it('retries transient failures with capped exponential backoff until they succeed', async () => {
    const outbox = openTab();
    server.reply('network', 503, 429, 408, 500);
    await outbox.enqueue('add_line', { n: 1 });
    const delays: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      await outbox.drain();
      const [delay] = clock.pendingDelays();
      if (delay === undefined) throw new Error('expected a retry to be scheduled');
      delays.push(delay);
      const [pending] = (await outbox.snapshot()).pending;
      expect(pending?.attempts).toBe(attempt + 1);
      expect(pending?.lastFailure?.transient).toBe(true);
      clock.advance(delay);
    }
    await outbox.drain();
    expect(delays).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(server.applied).toEqual([{ n: 1 }]);
  });

  it('sends immediately on retryNow instead of waiting out the backoff', async () => {
    const outbox = openTab();
    server.reply('network');
    await outbox.enqueue('add_line', { n: 1 });
    await outbox.drain();
    await outbox.retryNow();
    expect(server.applied).toEqual([{ n: 1 }]);
  });

  it('parks a refused command with the database code and goes on with the rest', async () => {
    const outbox = openTab();
    server.reply('ok', 'refuse');
    for (const n of [1, 2, 3]) await outbox.enqueue('add_line', { n });
    await outbox.drain();
    expect(server.applied).toEqual([{ n: 1 }, { n: 3 }]);

    const { parked, pending, unsynced } = await outbox.snapshot();
    expect(pending).toHaveLength(0);
    expect(unsynced).toBe(1);
    expect(parked).toHaveLength(1);
    expect(parked[0]?.payload).toEqual({ n: 2 });
    expect(parked[0]?.lastFailure).toMatchObject({
      transient: false,
      code: 'slug_taken',
      status: 400,
      hint: 'This slug is already used.',
    });
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('sends a parked command again on retry, and drops it only on discard', async () => {
    const outbox = openTab();
    server.reply('refuse', 'refuse');
    const first = await outbox.enqueue('add_line', { n: 1 });
    const second = await outbox.enqueue('add_line', { n: 2 });
    await outbox.drain();
    expect((await outbox.snapshot()).parked.map((c) => c.id)).toEqual([first.id, second.id]);

    await outbox.retry(first.id);
    expect(server.applied).toEqual([{ n: 1 }]);

    await outbox.discard(second.id);
    expect(await outbox.snapshot()).toMatchObject({ unsynced: 0, parked: [], pending: [] });
  });

  it('refuses to discard a command that is still pending', async () => {
    const outbox = openTab();
    server.reply(503);
    const command = await outbox.enqueue('add_line', { n: 1 });
    await outbox.drain();
    await outbox.discard(command.id);
    expect((await outbox.snapshot()).pending.map((c) => c.id)).toEqual([command.id]);
  });

  it('has exactly one drainer across two tabs, each command sent once and in order', async () => {
    const locks = createLocalLockManager();
    const tabA = openTab(locks);
    const tabB = openTab(locks);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await (n % 2 ? tabA : tabB).enqueue('add_line', { n });
      clock.advance(1); // tabs share one clock; across tabs, order is the order in time
    }
    await Promise.all([tabA.drain(), tabB.drain(), tabA.drain(), tabB.drain()]);

    expect(server.maxInFlight).toBe(1);
    expect(server.calls).toHaveLength(6);
    expect(new Set(server.calls).size).toBe(6);
    expect(server.applied).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ n })));
    expect((await tabB.snapshot()).unsynced).toBe(0);
  });

  it('reports a full device instead of losing the command', async () => {
    const full: KeyValueStore = {
      getItem: async () => null,
      setItem: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: async () => undefined,
      iterate: async () => undefined as never,
    };
    const outbox = openTab(undefined, full);
    const failure = await outbox.enqueue('add_line', { n: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutboxStorageError);
    expect((failure as OutboxStorageError).kind).toBe('quota');
    expect((await outbox.snapshot()).storageError?.kind).toBe('quota');
  });
});
