import type { Database } from '#lib/database.types.ts';
import { failureFromThrown, resultFromResponse } from '#lib/db.ts';
import { orderKeys } from '#lib/orders/queries.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { queryClient } from '#lib/query.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The checkout's offline commands (registered in lib/outbox/commands.ts): a payment, a refund, a
 * discount and its removal. Each carries its own client UUID (p_payment_id, p_refund_id,
 * p_discount_id), which is also the outbox command's id and the RPC's idempotency key: a command
 * whose reply was lost offline is sent again and the database answers the row it already stored.
 * The outbox sends them in order, so a payment queued offline follows its order's place_order.
 */

type Functions = Database['public']['Functions'];
export type PaymentMethod = Database['public']['Enums']['payment_method'];
export type DiscountKind = Database['public']['Enums']['discount_kind'];

export type RecordPaymentPayload = Functions['record_payment']['Args'];
export type RefundPaymentPayload = Functions['refund_payment']['Args'];
/** Value in basis points (percent) or minor units (amount); no p_line_id: the whole order. */
export type ApplyDiscountPayload = Functions['apply_discount']['Args'];
export type RemoveDiscountPayload = Functions['remove_discount']['Args'];

/** A command the database stored, as the screens hear of it (from whichever tab sent it). */
export interface StoredEvent {
  commandId: string;
  restaurantId: string | null;
  orderId: string | null;
}

type Listener = (event: StoredEvent) => void;
const listeners = new Set<Listener>();

/** Called whenever one of these commands succeeds, so screens refresh and outcomes resolve. */
export function onPaymentStored(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function field(data: unknown, name: string): string | null {
  if (!data || typeof data !== 'object' || !(name in data)) return null;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

type RpcResponse = { data: unknown; error: Parameters<typeof resultFromResponse>[0]['error']; status: number };

async function send(
  call: () => PromiseLike<RpcResponse>,
  commandId: string,
  orderOf: (data: unknown) => string | null,
): Promise<ExecutionResult> {
  let response: RpcResponse;
  try {
    response = await call();
  } catch (thrown) {
    return { ok: false, failure: failureFromThrown(thrown) };
  }
  const result = resultFromResponse(response);
  if (result.ok) {
    const event = { commandId, restaurantId: field(response.data, 'restaurant_id'), orderId: orderOf(response.data) };
    // Whatever it changed (paid, totals, payments, discounts), the order's screens re-read it.
    if (event.restaurantId) void queryClient.invalidateQueries({ queryKey: orderKeys.all(event.restaurantId) });
    for (const listener of listeners) listener(event);
  }
  return result;
}

export function sendRecordPayment(payload: RecordPaymentPayload): Promise<ExecutionResult> {
  return send(
    () => supabase.rpc('record_payment', payload),
    payload.p_payment_id,
    (data) => field(data, 'order_id'),
  );
}

export function sendRefundPayment(payload: RefundPaymentPayload): Promise<ExecutionResult> {
  return send(
    () => supabase.rpc('refund_payment', payload),
    payload.p_refund_id,
    (data) => field(data, 'order_id'),
  );
}

export function sendApplyDiscount(payload: ApplyDiscountPayload): Promise<ExecutionResult> {
  // Answers the order (private.order_json): its id and restaurant_id.
  return send(
    () => supabase.rpc('apply_discount', payload),
    payload.p_discount_id,
    (data) => field(data, 'id'),
  );
}

export function sendRemoveDiscount(payload: RemoveDiscountPayload): Promise<ExecutionResult> {
  return send(
    () => supabase.rpc('remove_discount', payload),
    payload.p_discount_id,
    (data) => field(data, 'id'),
  );
}
