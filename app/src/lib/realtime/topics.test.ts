import { describe, expect, it } from 'vitest';
import {
  type ChannelLike,
  createTopicManager,
  type PresenceEntry,
  type RealtimeTransport,
  type SubscribeState,
} from './topics.ts';

/** A channel the test drives: it says what the server would (joined, closed, a broadcast). */
class FakeChannel implements ChannelLike {
  broadcast: ((event: string, payload: unknown) => void) | undefined;
  presenceSync: ((entries: PresenceEntry[]) => void) | undefined;
  status: ((state: SubscribeState) => void) | undefined;
  tracked: Record<string, unknown>[] = [];
  removed = false;
  constructor(
    readonly topic: string,
    readonly presenceKey: string | undefined,
  ) {}
  onBroadcast(listener: (event: string, payload: unknown) => void) {
    this.broadcast = listener;
  }
  onPresenceSync(listener: (entries: PresenceEntry[]) => void) {
    this.presenceSync = listener;
  }
  subscribe(listener: (state: SubscribeState) => void) {
    this.status = listener;
  }
  async track(meta: Record<string, unknown>) {
    this.tracked.push(meta);
    return 'ok';
  }
}

function harness(options: { authorize?: () => Promise<boolean>; online?: boolean } = {}) {
  let clock = 1_000;
  const opened: FakeChannel[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  let authorizations = 0;
  let online = options.online ?? true;
  const networkListeners = new Set<(online: boolean) => void>();
  const transport: RealtimeTransport = {
    authorize: async () => {
      authorizations++;
      return options.authorize ? options.authorize() : true;
    },
    open: (topic, { presenceKey }) => {
      const channel = new FakeChannel(topic, presenceKey);
      opened.push(channel);
      return channel;
    },
    close: async (channel) => {
      (channel as FakeChannel).removed = true;
    },
  };
  const manager = createTopicManager({
    transport,
    now: () => clock,
    firstDelayMs: 100,
    maxDelayMs: 400,
    setTimer: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      const index = timers.indexOf(timer as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
    network: {
      online: () => online,
      subscribe(listener) {
        networkListeners.add(listener);
        return () => networkListeners.delete(listener);
      },
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    manager,
    opened,
    timers,
    authorizations: () => authorizations,
    advance: (ms: number) => {
      clock += ms;
    },
    last: () => {
      const channel = opened.at(-1);
      if (!channel) throw new Error('no channel was opened');
      return channel;
    },
    /** Fires the pending retry and lets the join reach `open`. */
    fireRetry: async () => {
      const timer = timers.shift();
      if (!timer) throw new Error('no retry was scheduled');
      timer.run();
      await settle();
      return timer.ms;
    },
    setOnline: (next: boolean) => {
      online = next;
      for (const listener of networkListeners) listener(next);
    },
    settle,
  };
}

describe('subscribeTopic', () => {
  it('joins after authorising, goes live and asks the screen to read its set', async () => {
    const h = harness();
    const messages: unknown[] = [];
    let reads = 0;
    const handle = h.manager.subscribeTopic('restaurant:r:orders', {
      onMessage: (event, payload) => messages.push([event, payload]),
      onResubscribed: () => reads++,
    });
    expect(handle.status()).toBe('connecting');
    await h.settle();
    expect(h.authorizations()).toBe(1);
    expect(h.last().topic).toBe('restaurant:r:orders');
    h.last().status?.('SUBSCRIBED');
    expect(handle.status()).toBe('live');
    expect(reads).toBe(1);
    h.advance(500);
    h.last().broadcast?.('INSERT', { table: 'orders' });
    expect(messages).toEqual([['INSERT', { table: 'orders' }]]);
    expect(handle.lastMessageAt()).toBe(1_500);
    handle.close();
    expect(h.last().removed).toBe(true);
  });

  it.each<SubscribeState>(['CLOSED', 'CHANNEL_ERROR', 'TIMED_OUT'])(
    'on %s: down with its start time, re-joins with a fresh authorisation and backoff, re-reads',
    async (state) => {
      const h = harness();
      let reads = 0;
      const handle = h.manager.subscribeTopic('t', { onResubscribed: () => reads++ });
      await h.settle();
      h.last().status?.('SUBSCRIBED');
      h.advance(1_000);
      const first = h.last();
      first.status?.(state);
      await h.settle();
      expect(handle.status()).toBe('down');
      expect(handle.downSince()).toBe(2_000);
      expect(h.manager.overall()).toEqual({ status: 'down', downSince: 2_000 });
      expect(first.removed).toBe(true);
      // The first re-join fails too: the wait doubles, and the down time keeps its start.
      expect(await h.fireRetry()).toBe(100);
      expect(h.authorizations()).toBe(2);
      h.last().status?.('TIMED_OUT');
      await h.settle();
      expect(handle.downSince()).toBe(2_000);
      expect(await h.fireRetry()).toBe(200);
      h.last().status?.('SUBSCRIBED');
      expect(handle.status()).toBe('live');
      expect(handle.downSince()).toBeNull();
      expect(reads).toBe(2);
      expect(h.opened).toHaveLength(3);
      // The closed channels' late callbacks change nothing.
      first.status?.('CLOSED');
      first.broadcast?.('INSERT', {});
      expect(handle.status()).toBe('live');
      handle.close();
    },
  );

  it('keeps retrying, capped, while the session cannot be authorised (expired and offline)', async () => {
    let allowed = false;
    const h = harness({ authorize: async () => allowed });
    const handle = h.manager.subscribeTopic('t', {});
    await h.settle();
    expect(h.opened).toHaveLength(0);
    expect(handle.status()).toBe('down');
    expect(await h.fireRetry()).toBe(100);
    expect(await h.fireRetry()).toBe(200);
    expect(await h.fireRetry()).toBe(400);
    expect(await h.fireRetry()).toBe(400);
    allowed = true;
    await h.fireRetry();
    expect(h.opened).toHaveLength(1);
    h.last().status?.('SUBSCRIBED');
    expect(handle.status()).toBe('live');
    handle.close();
  });

  it('goes down when the network is lost and re-joins at once when it returns', async () => {
    const h = harness();
    let reads = 0;
    const handle = h.manager.subscribeTopic('t', { onResubscribed: () => reads++ });
    await h.settle();
    h.last().status?.('SUBSCRIBED');
    h.setOnline(false);
    await h.settle();
    expect(handle.status()).toBe('down');
    expect(h.opened[0]?.removed).toBe(true);
    expect(h.timers).toEqual([]);
    h.setOnline(true);
    await h.settle();
    expect(h.opened).toHaveLength(2);
    h.last().status?.('SUBSCRIBED');
    expect(reads).toBe(2);
    handle.close();
  });

  it('tracks presence after each join and reports who is present', async () => {
    const h = harness();
    const handle = h.manager.subscribeTopic('t', {
      presence: { key: 'device-1', meta: () => ({ role: 'kitchen', station: 'grill' }) },
    });
    await h.settle();
    expect(h.last().presenceKey).toBe('device-1');
    h.last().status?.('SUBSCRIBED');
    await h.settle();
    expect(h.last().tracked).toEqual([{ role: 'kitchen', station: 'grill' }]);
    h.last().presenceSync?.([{ key: 'device-1', meta: { role: 'kitchen' } }]);
    expect(handle.presence()).toEqual([{ key: 'device-1', meta: { role: 'kitchen' } }]);
    h.last().status?.('CLOSED');
    await h.settle();
    await h.fireRetry();
    h.last().status?.('SUBSCRIBED');
    await h.settle();
    expect(h.last().tracked).toHaveLength(1);
    handle.close();
  });

  it('shares one channel between subscribers of a topic and closes it with the last', async () => {
    const h = harness();
    const a: string[] = [];
    const b: string[] = [];
    const first = h.manager.subscribeTopic('t', { onMessage: (event) => a.push(event) });
    await h.settle();
    h.last().status?.('SUBSCRIBED');
    let secondReads = 0;
    const second = h.manager.subscribeTopic('t', {
      onMessage: (event) => b.push(event),
      onResubscribed: () => secondReads++,
    });
    await h.settle();
    expect(secondReads).toBe(1);
    expect(h.opened).toHaveLength(1);
    expect(h.manager.overall()).toEqual({ status: 'live', downSince: null });
    h.last().broadcast?.('UPDATE', {});
    expect([a, b]).toEqual([['UPDATE'], ['UPDATE']]);
    first.close();
    expect(h.last().removed).toBe(false);
    second.close();
    expect(h.last().removed).toBe(true);
    expect(h.manager.overall()).toBeNull();
  });

  it('a closed handle stops retrying', async () => {
    const h = harness({ authorize: async () => false });
    const handle = h.manager.subscribeTopic('t', {});
    await h.settle();
    expect(h.timers).toHaveLength(1);
    handle.close();
    expect(h.timers).toEqual([]);
  });
});
