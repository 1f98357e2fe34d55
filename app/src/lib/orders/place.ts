import type { DbFailure } from '#lib/db.ts';
import type { AddOrderRoundPayload, PlaceOrderPayload, TransitionOrderPayload } from '#lib/orders/commands.ts';
import { onOrderStored } from '#lib/orders/commands.ts';
import { type OrderStatus, type OrderWithLines, orderKeys } from '#lib/orders/queries.ts';
import { type OutboxSnapshot, OutboxStorageError } from '#lib/outbox/types.ts';
import { queryClient } from '#lib/query.ts';
import { online, outbox } from '#lib/sync.ts';

/**
 * What the POS does with an order, through the outbox: the answer comes at once either way — the
 * database's order when it answered within a moment, "queued" (with the provisional code) when
 * the device is offline or the network is slow, or the refusal in the database's code.
 */
export type SendOutcome =
  | { kind: 'stored'; order: OrderWithLines }
  | { kind: 'queued' }
  | { kind: 'refused'; failure: DbFailure; commandId: string }
  | { kind: 'storage'; reason: 'storage_full' | 'storage_unavailable' };

/** How long an online cashier waits for the number before the screen says "queued". */
const onlineWaitMs = 2500;

// Every stored order refreshes the screens that list orders.
onOrderStored((order) => {
  queryClient.setQueryData(orderKeys.order(order.restaurant_id, order.id), (old: object | null | undefined) =>
    old ? { ...old, ...order } : undefined,
  );
  void queryClient.invalidateQueries({ queryKey: orderKeys.all(order.restaurant_id) });
});

function storageOutcome(error: unknown): SendOutcome {
  if (error instanceof OutboxStorageError && error.kind === 'quota') return { kind: 'storage', reason: 'storage_full' };
  return { kind: 'storage', reason: 'storage_unavailable' };
}

/**
 * Waits until the command with `commandId` is stored (its order reported by the sender), parked
 * (refused), or the wait is over. Offline it does not wait at all.
 */
function awaitOutcome(commandId: string, orderId: string, waitMs: number): Promise<SendOutcome> {
  if (!online()) return Promise.resolve({ kind: 'queued' });
  return new Promise((resolve) => {
    const cleanups: (() => void)[] = [];
    const finish = (outcome: SendOutcome) => {
      for (const cleanup of cleanups) cleanup();
      resolve(outcome);
    };
    cleanups.push(
      onOrderStored((order) => {
        if (order.id === orderId) finish({ kind: 'stored', order });
      }),
    );
    cleanups.push(
      outbox.subscribe((snapshot: OutboxSnapshot) => {
        const parked = snapshot.parked.find((command) => command.id === commandId);
        if (parked?.lastFailure) finish({ kind: 'refused', failure: parked.lastFailure, commandId });
      }),
    );
    const timer = setTimeout(() => finish({ kind: 'queued' }), waitMs);
    cleanups.push(() => clearTimeout(timer));
  });
}

async function enqueueAndWait<Kind extends 'place_order' | 'add_order_round' | 'transition_order'>(
  kind: Kind,
  payload: Kind extends 'place_order'
    ? PlaceOrderPayload
    : Kind extends 'add_order_round'
      ? AddOrderRoundPayload
      : TransitionOrderPayload,
  commandId: string,
  orderId: string,
  waitMs: number,
): Promise<SendOutcome> {
  // Listen before enqueuing: online, the RPC may answer before enqueue resolves.
  const outcome = awaitOutcome(commandId, orderId, waitMs);
  try {
    await outbox.enqueue(kind, payload as never, { id: commandId });
  } catch (error) {
    return storageOutcome(error);
  }
  return outcome;
}

export function placeOrder(payload: PlaceOrderPayload, waitMs = onlineWaitMs): Promise<SendOutcome> {
  return enqueueAndWait('place_order', payload, payload.id, payload.id, waitMs);
}

export function addRound(payload: AddOrderRoundPayload, waitMs = onlineWaitMs): Promise<SendOutcome> {
  return enqueueAndWait('add_order_round', payload, payload.id, payload.order_id, waitMs);
}

/** Moves an order on (complete, cancel with a reason…), guarded by the version the person saw. */
export function transitionOrder(
  order: { id: string; version: number },
  to: OrderStatus,
  reason?: string,
  waitMs = onlineWaitMs,
): Promise<SendOutcome> {
  const payload: TransitionOrderPayload = {
    p_order_id: order.id,
    p_to: to,
    p_expected_version: order.version,
    ...(reason ? { p_reason: reason } : {}),
  };
  return enqueueAndWait('transition_order', payload, crypto.randomUUID(), order.id, waitMs);
}

/** The place_order commands still waiting on this device: the orders the database has not seen. */
export function queuedOrders(snapshot: OutboxSnapshot, restaurantId: string): PlaceOrderPayload[] {
  return [...snapshot.pending, ...snapshot.parked]
    .filter((command) => command.kind === 'place_order')
    .map((command) => command.payload as PlaceOrderPayload)
    .filter((payload) => payload.restaurant_id === restaurantId);
}
