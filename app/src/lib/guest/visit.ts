import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type { DbFailure } from '#lib/db.ts';
import type { GuestMenu, GuestOrder, ServiceKind, ServiceRequest } from '#lib/guest/api.ts';
import { type CartLine, orderPayload, parseStoredCart, type StoredCart } from '#lib/guest/cart.ts';
import { subscribeTopic } from '#lib/guest/client.ts';
import { coalesce } from '#lib/guest/coalesce.ts';
import {
  cancelGuestOrder,
  fetchGuestMenu,
  fetchGuestOrder,
  fetchGuestVisit,
  guestUserId,
  placeGuestOrder,
  requestService,
} from '#lib/guest/commands.ts';
import type { TopicHandle } from '#lib/realtime/topics.ts';

/**
 * One guest's visit to one table, live: the menu (re-read when the restaurant changes it), their
 * orders (each followed on `order:<id>` and re-read from the database on every message), their
 * waiter calls (acknowledged on `guest:<uid>`), and the cart kept in localStorage. Everything is
 * re-read when the page comes back to the foreground or the network returns, and after every
 * Realtime re-join. A rotated or unknown token makes the whole visit `invalid`.
 * Call inside a component (it cleans up its subscriptions with the owner).
 */

export type VisitState = 'loading' | 'ready' | 'invalid' | 'failed';

/** Orders in these states change no more: their topic is left. */
const finalStatuses = new Set(['completed', 'rejected', 'cancelled']);

const cartKey = (token: string) => `comanda-guest-cart:${token}`;

export function createGuestVisit(token: string, locale: Accessor<string>) {
  const [state, setState] = createSignal<VisitState>('loading');
  const [failure, setFailure] = createSignal<DbFailure | null>(null);
  const [menu, setMenu] = createSignal<GuestMenu | null>(null);
  const [orders, setOrders] = createSignal<GuestOrder[]>([]);
  const [requests, setRequests] = createSignal<ServiceRequest[]>([]);
  const stored = parseStoredCart(readStorage(cartKey(token)));
  const [cart, setCartSignal] = createSignal<StoredCart>(stored);
  let userId: string | null = null;
  const topics = new Map<string, TopicHandle>();
  let disposed = false;

  const saveCart = (next: StoredCart) => {
    setCartSignal(next);
    writeStorage(cartKey(token), next.lines.length || next.pendingOrderId ? JSON.stringify(next) : null);
  };

  const invalidate = () => {
    setState('invalid');
    for (const handle of topics.values()) handle.close();
    topics.clear();
  };

  /** A refusal that means this table's code is no good any more; anything else is the caller's. */
  const checkToken = (f: DbFailure): boolean => {
    if (f.code !== 'table_not_found') return false;
    invalidate();
    return true;
  };

  const follow = (topic: string, onMessage: (event: string, payload: unknown) => void, onResubscribed?: () => void) => {
    if (topics.has(topic) || disposed || state() === 'invalid') return;
    topics.set(topic, subscribeTopic(topic, { onMessage, ...(onResubscribed ? { onResubscribed } : {}) }));
  };
  const leave = (topic: string) => {
    topics.get(topic)?.close();
    topics.delete(topic);
  };

  const upsertOrder = (order: GuestOrder) => {
    // Reads overlap (a message, a re-join, the poll): an answer older than the one shown is dropped,
    // or a slow read could put "sent" back over "accepted" with nothing left to correct it.
    const shown = orders().find((o) => o.id === order.id);
    if (shown && shown.version > order.version) return;
    setOrders((list) => {
      const rest = list.filter((o) => o.id !== order.id);
      return [order, ...rest].sort((a, b) => b.created_at.localeCompare(a.created_at));
    });
    if (finalStatuses.has(order.status)) leave(`order:${order.id}`);
    else
      follow(
        `order:${order.id}`,
        () => void refreshOrder(order.id),
        () => void refreshOrder(order.id),
      );
  };

  async function refreshOrder(id: string) {
    const result = await fetchGuestOrder(id);
    if (result.ok) upsertOrder(result.data);
  }

  // Menu messages come in bursts and each answer is large (a whole menu): coalesced.
  const loadMenu = coalesce(readMenu);

  async function readMenu(): Promise<boolean> {
    const result = await fetchGuestMenu(token, locale());
    if (disposed) return false;
    if (!result.ok) {
      if (!checkToken(result.failure) && !menu()) {
        setFailure(result.failure);
        setState('failed');
      }
      return false;
    }
    setMenu(result.data);
    setFailure(null);
    setState('ready');
    const restaurantId = result.data.restaurant.id;
    let joined = false;
    follow(
      `restaurant:${restaurantId}:guest`,
      (event, payload) => {
        if (event === 'menu_changed') void loadMenu();
        if (event === 'table_rotated') {
          const tableId = (payload as { table_id?: string } | null)?.table_id;
          if (!tableId || tableId === menu()?.table.id) invalidate();
        }
      },
      // After a re-join, changes made while the socket was away were missed: read the menu again
      // (not after the first join: the menu was just read).
      () => {
        if (joined) void loadMenu();
        joined = true;
      },
    );
    return true;
  }

  async function loadVisit() {
    const result = await fetchGuestVisit(token);
    if (disposed) return;
    if (!result.ok) {
      checkToken(result.failure);
      return;
    }
    for (const order of result.data.orders) upsertOrder(order);
    setRequests(result.data.requests);
  }

  async function start() {
    setState('loading');
    const user = await guestUserId();
    if (!user.ok) {
      setFailure(user.failure);
      setState('failed');
      return;
    }
    userId = user.data;
    if (!(await loadMenu())) return;
    void loadVisit();
    follow(
      `guest:${userId}`,
      (event, payload) => {
        if (event === 'service_request' && payload && typeof payload === 'object') {
          const request = payload as ServiceRequest;
          setRequests((list) => [request, ...list.filter((r) => r.id !== request.id)]);
        }
      },
      () => void loadVisit(),
    );
  }

  /** Everything again: back from the background, the network back, or "Try again". */
  async function refresh() {
    if (state() === 'invalid') return;
    if (!userId) return start();
    if (await loadMenu()) await loadVisit();
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible') void refresh();
  };
  const onOnline = () => void refresh();
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', onOnline);
  // A topic that is not live (still joining, or down) tells nothing: its open order is re-read
  // every 10 s until it is; a live one every 30 s anyway, in case a message was lost on a phone's
  // flaky network. One small read per open order: the guest sees "ready" in time either way.
  let ticks = 0;
  const poll = setInterval(() => {
    ticks++;
    if (document.visibilityState !== 'visible') return;
    for (const order of orders()) {
      if (finalStatuses.has(order.status)) continue;
      if (ticks % 3 === 0 || topics.get(`order:${order.id}`)?.status() !== 'live') void refreshOrder(order.id);
    }
    // The same for a waiter call or bill request the staff have not acknowledged yet.
    const waiting = requests().some((request) => request.status === 'open');
    if (waiting && (ticks % 3 === 0 || topics.get(`guest:${userId}`)?.status() !== 'live')) void loadVisit();
  }, 10_000);
  onCleanup(() => {
    clearInterval(poll);
    disposed = true;
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('online', onOnline);
    for (const handle of topics.values()) handle.close();
    topics.clear();
  });

  /**
   * Sends the cart. Its id is chosen once and kept (in localStorage too) until the database
   * answers: a retry after a lost answer returns the order already stored rather than a second one.
   */
  async function submit(): Promise<{ ok: true; order: GuestOrder } | { ok: false; failure: DbFailure }> {
    const current = cart();
    const id = current.pendingOrderId ?? crypto.randomUUID();
    if (!current.pendingOrderId) saveCart({ ...current, pendingOrderId: id });
    const result = await placeGuestOrder(token, orderPayload(id, current.lines));
    if (result.ok) {
      saveCart({ lines: [], pendingOrderId: null });
      upsertOrder(result.data);
      return { ok: true, order: result.data };
    }
    // Refused: nothing was written, so the cart may change and go again under a new id.
    if (!result.failure.transient) saveCart({ ...cart(), pendingOrderId: null });
    checkToken(result.failure);
    return result;
  }

  async function cancel(orderId: string): Promise<DbFailure | null> {
    const result = await cancelGuestOrder(orderId);
    if (result.ok) {
      upsertOrder(result.data);
      return null;
    }
    void refreshOrder(orderId);
    return result.failure;
  }

  async function ask(kind: ServiceKind, id: string): Promise<DbFailure | null> {
    const result = await requestService(token, { id, kind });
    if (result.ok) {
      setRequests((list) => [result.data, ...list.filter((r) => r.id !== result.data.id)]);
      return null;
    }
    checkToken(result.failure);
    return result.failure;
  }

  /** A cart edit; the pending id goes with it, since the content it stood for changed. */
  const setLines = (lines: CartLine[]) => saveCart({ lines, pendingOrderId: null });

  void start();

  return { state, failure, menu, orders, requests, cart, setLines, submit, cancel, ask, refresh, loadMenu };
}

export type GuestVisitStore = ReturnType<typeof createGuestVisit>;

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode or a full storage: the cart lives for this page only.
  }
}
