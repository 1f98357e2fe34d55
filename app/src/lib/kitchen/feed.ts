import { createSignal } from 'solid-js';
import { type ActiveStatus, fetchActiveOrders, type OrderWithLines } from '#lib/orders/queries.ts';
import { subscribeTopic } from '#lib/realtime/client.ts';
import type { TopicHandle } from '#lib/realtime/topics.ts';
import { applyOrderChange, parseOrderChange } from './tickets.ts';

export interface KitchenFeedOptions {
  restaurantId: string;
  presence?: { key: string; meta: () => Record<string, unknown> };
}

/**
 * The kitchen's live orders: read in full on every (re)join of `restaurant:<id>:orders`, patched by
 * its messages in between, and changed at once by the cook's own taps (the outbox sends them; the
 * database's answer arrives as a message and replaces the guess).
 */
export interface KitchenFeed {
  orders: () => OrderWithLines[];
  /** True once the first read answered (or the read failed with nothing to show). */
  loaded: () => boolean;
  readFailed: () => boolean;
  topic: TopicHandle;
  /** Read the active set again (coalesced: one read at a time, one more if asked meanwhile). */
  reread: () => Promise<void>;
  /** The cook's own change, shown before the database confirms it. */
  guessOrder: (orderId: string, status: ActiveStatus) => void;
  guessLine: (lineId: string, status: OrderWithLines['lines'][number]['kitchen_status']) => void;
}

export function createKitchenFeed(options: KitchenFeedOptions): KitchenFeed {
  const [orders, setOrders] = createSignal<OrderWithLines[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [readFailed, setReadFailed] = createSignal(false);
  let reading: Promise<void> | null = null;
  let again = false;

  async function readOnce() {
    try {
      setOrders(await fetchActiveOrders(options.restaurantId));
      setReadFailed(false);
    } catch {
      setReadFailed(true);
    }
    setLoaded(true);
  }

  function reread(): Promise<void> {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        await readOnce();
      } while (again);
      reading = null;
    })();
    return reading;
  }

  const topic = subscribeTopic(`restaurant:${options.restaurantId}:orders`, {
    onMessage: (_event, payload) => {
      const change = parseOrderChange(payload);
      if (!change) return;
      const next = applyOrderChange(orders(), change);
      setOrders(next.orders);
      if (next.needsRead) void reread();
    },
    onResubscribed: () => void reread(),
    presence: options.presence,
  });

  return {
    orders,
    loaded,
    readFailed,
    topic,
    reread,
    guessOrder(orderId, status) {
      setOrders((list) =>
        list.map((order) => {
          if (order.id !== orderId) return order;
          const lines =
            status === 'ready'
              ? order.lines.map((line) =>
                  line.kitchen_status === 'queued' || line.kitchen_status === 'preparing'
                    ? { ...line, kitchen_status: 'ready' as const, version: line.version + 1 }
                    : line,
                )
              : status === 'preparing' && order.status === 'ready'
                ? order.lines.map((line) =>
                    line.kitchen_status === 'ready'
                      ? { ...line, kitchen_status: 'preparing' as const, version: line.version + 1 }
                      : line,
                  )
                : order.lines;
          return { ...order, status, version: order.version + 1, updated_at: new Date().toISOString(), lines };
        }),
      );
    },
    guessLine(lineId, status) {
      setOrders((list) =>
        list.map((order) =>
          order.lines.some((line) => line.id === lineId)
            ? {
                ...order,
                lines: order.lines.map((line) =>
                  line.id === lineId ? { ...line, kitchen_status: status, version: line.version + 1 } : line,
                ),
              }
            : order,
        ),
      );
    },
  };
}
