import { type Accessor, createSignal, getOwner, onCleanup, untrack } from 'solid-js';

/**
 * Realtime topics that never go silently stale.
 *
 * supabase-js re-joins a channel after a socket error, but not after the server closed it (an
 * access token that expired while a tablet slept: the gateway sends `phx_close`), and a screen
 * cannot tell "nothing happened" from "nothing arrives". So each topic here has a status the screen
 * shows, re-joins on CLOSED / CHANNEL_ERROR / TIMED_OUT with backoff (authorising first, which
 * refreshes an expired session), and calls `onResubscribed` after every (re)join so the screen
 * re-reads its whole active set: messages sent while it was away are never replayed.
 */

export type TopicStatus = 'connecting' | 'live' | 'down';
export type SubscribeState = 'SUBSCRIBED' | 'CLOSED' | 'CHANNEL_ERROR' | 'TIMED_OUT';

/** One device on a topic's presence, as tracked by `track`. */
export interface PresenceEntry {
  key: string;
  meta: Record<string, unknown>;
}

/** The I/O edge: one channel of the Realtime client (the Supabase one in ./client.ts). */
export interface ChannelLike {
  onBroadcast(listener: (event: string, payload: unknown) => void): void;
  onPresenceSync(listener: (entries: PresenceEntry[]) => void): void;
  /** Joins; `listener` hears every status the join goes through, including a later close. */
  subscribe(listener: (state: SubscribeState) => void): void;
  track(meta: Record<string, unknown>): Promise<unknown>;
}

export interface RealtimeTransport {
  /** Makes the socket carry a valid access token, refreshing an expired session; false when signed out or unreachable. */
  authorize(): Promise<boolean>;
  open(topic: string, options: { presenceKey?: string }): ChannelLike;
  close(channel: ChannelLike): Promise<void>;
}

/** Tells the manager when the API stops or starts answering (lib/network/api.ts). */
export interface NetworkWatch {
  online(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface TopicOptions {
  /** Every broadcast on the topic: `event` is INSERT/UPDATE for Broadcast from Database. */
  onMessage?: (event: string, payload: unknown) => void;
  /** After the first join and after every re-join: re-read what the screen shows. */
  onResubscribed?: () => void;
  /** Track this device on the topic's presence (re-tracked after each re-join). */
  presence?: { key: string; meta: () => Record<string, unknown> };
}

export interface TopicHandle {
  status: Accessor<TopicStatus>;
  /** When the topic last proved alive: a message, or a (re)join (the screen re-reads then). */
  lastMessageAt: Accessor<number | null>;
  /** Since when the topic has been down; null while live or on the first connection. */
  downSince: Accessor<number | null>;
  /** Devices present on the topic (only when someone tracks). */
  presence: Accessor<PresenceEntry[]>;
  close(): void;
}

export interface TopicManagerOptions {
  transport: RealtimeTransport;
  network?: NetworkWatch;
  now?: () => number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Entry {
  topic: string;
  subscribers: Set<TopicOptions>;
  channel: ChannelLike | null;
  /** Bumped on every attempt so callbacks of a channel given up on are ignored. */
  attempt: number;
  timer: unknown;
  delayMs: number;
  closed: boolean;
  stopNetwork: (() => void) | null;
  setStatus(status: TopicStatus): void;
  status: Accessor<TopicStatus>;
  setLastMessageAt(at: number | null): void;
  lastMessageAt: Accessor<number | null>;
  setDownSince(at: number | null): void;
  downSince: Accessor<number | null>;
  setPresence(entries: PresenceEntry[]): void;
  presence: Accessor<PresenceEntry[]>;
}

export interface TopicManager {
  subscribeTopic(topic: string, options: TopicOptions): TopicHandle;
  /** All open topics at once, for the shell: null when the screen holds none. */
  overall: Accessor<{ status: TopicStatus; downSince: number | null } | null>;
}

export function createTopicManager(options: TopicManagerOptions): TopicManager {
  const { transport, network } = options;
  const now = options.now ?? Date.now;
  const firstDelayMs = options.firstDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  // One channel per topic on a page (supabase-js hands back the same channel for a topic anyway).
  const entries = new Map<string, Entry>();
  const [openEntries, setOpenEntries] = createSignal<Entry[]>([]);
  const overall = () => {
    const list = openEntries();
    if (list.length === 0) return null;
    const down = list.filter((entry) => entry.status() === 'down');
    if (down.length > 0) {
      const since = down.map((entry) => entry.downSince() ?? now());
      return { status: 'down' as const, downSince: Math.min(...since) };
    }
    const connecting = list.some((entry) => entry.status() === 'connecting');
    return { status: connecting ? ('connecting' as const) : ('live' as const), downSince: null };
  };

  function presenceOf(entry: Entry) {
    for (const subscriber of entry.subscribers) if (subscriber.presence) return subscriber.presence;
    return undefined;
  }

  function markDown(entry: Entry) {
    if (entry.downSince() === null) entry.setDownSince(now());
    entry.setStatus('down');
  }

  async function join(entry: Entry) {
    const attempt = ++entry.attempt;
    entry.timer = undefined;
    const stale = () => entry.closed || attempt !== entry.attempt;
    if (network && !network.online()) {
      markDown(entry); // the network watch re-joins when the API answers again
      return;
    }
    let authorized = false;
    try {
      authorized = await transport.authorize();
    } catch {
      authorized = false;
    }
    if (stale()) return;
    if (!authorized) {
      retryLater(entry);
      return;
    }
    const presence = presenceOf(entry);
    const channel = transport.open(entry.topic, { presenceKey: presence?.key });
    entry.channel = channel;
    channel.onBroadcast((event, payload) => {
      if (stale()) return;
      entry.setLastMessageAt(now());
      for (const subscriber of [...entry.subscribers]) subscriber.onMessage?.(event, payload);
    });
    channel.onPresenceSync((list) => {
      if (!stale()) entry.setPresence(list);
    });
    channel.subscribe((state) => {
      if (stale()) return;
      if (state === 'SUBSCRIBED') {
        entry.delayMs = firstDelayMs;
        entry.setStatus('live');
        entry.setDownSince(null);
        entry.setLastMessageAt(now());
        if (presence) void channel.track(presence.meta()).catch(() => undefined);
        for (const subscriber of [...entry.subscribers]) subscriber.onResubscribed?.();
        return;
      }
      void dropChannel(entry).then(() => retryLater(entry));
    });
  }

  /** Gives the current channel up: its later callbacks are ignored. */
  async function dropChannel(entry: Entry) {
    entry.attempt++;
    markDown(entry);
    const channel = entry.channel;
    entry.channel = null;
    if (channel) await transport.close(channel).catch(() => undefined);
  }

  function retryLater(entry: Entry) {
    if (entry.closed || entry.timer !== undefined) return;
    markDown(entry);
    const delay = entry.delayMs;
    entry.delayMs = Math.min(entry.delayMs * 2, maxDelayMs);
    entry.timer = setTimer(() => void join(entry), delay);
  }

  function cancelRetry(entry: Entry) {
    if (entry.timer !== undefined) clearTimer(entry.timer);
    entry.timer = undefined;
  }

  function start(topic: string): Entry {
    const [status, setStatus] = createSignal<TopicStatus>('connecting');
    const [lastMessageAt, setLastMessageAt] = createSignal<number | null>(null);
    const [downSince, setDownSince] = createSignal<number | null>(null);
    const [presence, setPresence] = createSignal<PresenceEntry[]>([]);
    const entry: Entry = {
      topic,
      subscribers: new Set(),
      channel: null,
      attempt: 0,
      timer: undefined,
      delayMs: firstDelayMs,
      closed: false,
      stopNetwork: null,
      status,
      setStatus,
      lastMessageAt,
      setLastMessageAt,
      downSince,
      setDownSince,
      presence,
      setPresence,
    };
    entry.stopNetwork =
      network?.subscribe((online) => {
        if (entry.closed) return;
        cancelRetry(entry);
        if (online) {
          // Straight away: the socket may have died unnoticed while the network was gone.
          entry.delayMs = firstDelayMs;
          void dropChannel(entry).then(() => join(entry));
        } else void dropChannel(entry);
      }) ?? null;
    void join(entry);
    return entry;
  }

  // Untracked: a screen subscribing from an effect must not depend on the topic's own signals (a
  // join offline marks the topic down at once; tracked, that re-ran the effect, which re-subscribed…).
  function subscribeTopic(topic: string, subscriber: TopicOptions): TopicHandle {
    return untrack(() => subscribeUntracked(topic, subscriber));
  }

  function subscribeUntracked(topic: string, subscriber: TopicOptions): TopicHandle {
    const existing = entries.get(topic);
    const entry = existing ?? start(topic);
    if (!existing) {
      entries.set(topic, entry);
      setOpenEntries([...entries.values()]);
    }
    entry.subscribers.add(subscriber);
    // Joining an already live topic: this subscriber reads its set now, like after a join.
    if (existing?.status() === 'live') queueMicrotask(() => subscriber.onResubscribed?.());
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      entry.subscribers.delete(subscriber);
      if (entry.subscribers.size > 0) return;
      entry.closed = true;
      entries.delete(topic);
      setOpenEntries([...entries.values()]);
      cancelRetry(entry);
      entry.stopNetwork?.();
      const channel = entry.channel;
      entry.channel = null;
      if (channel) void transport.close(channel).catch(() => undefined);
    };
    if (getOwner()) onCleanup(close);
    return {
      status: entry.status,
      lastMessageAt: entry.lastMessageAt,
      downSince: entry.downSince,
      presence: entry.presence,
      close,
    };
  }

  return { subscribeTopic, overall };
}
