import { failureFromThrown, resultFromResponse } from '#lib/db.ts';
import { type KioskOrder, type KioskOrderType, kioskRpc } from '#lib/kiosk/api.ts';
import { kioskKeys } from '#lib/kiosk/queries.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { queryClient } from '#lib/query.ts';

/**
 * kiosk_place_order's body, sent through the outbox (kind `kiosk_place_order`): the command id is
 * the order id, so a reply lost offline is sent again and answered with the stored order. Only ids,
 * quantities, notes, options and the provisional code: never a price, a table or a status.
 */
export interface KioskPlaceOrderPayload {
  id: string;
  type: KioskOrderType;
  provisional_code: string;
  ordered_at: string;
  menu_version?: number;
  lines: { item_id: string; qty: number; note?: string; modifiers?: string[] }[];
}

export async function sendKioskPlaceOrder(payload: KioskPlaceOrderPayload): Promise<ExecutionResult> {
  let response: Awaited<ReturnType<typeof kioskRpc>>;
  try {
    response = await kioskRpc('kiosk_place_order', { p_order: payload });
  } catch (thrown) {
    return { ok: false, failure: failureFromThrown(thrown) };
  }
  const result = resultFromResponse(response);
  // The confirmation on screen swaps the provisional code for the day's number from this answer.
  const order = response.data as KioskOrder | null;
  if (result.ok && order?.id) queryClient.setQueryData(kioskKeys.order(order.kiosk_id, order.id), order);
  return result;
}
