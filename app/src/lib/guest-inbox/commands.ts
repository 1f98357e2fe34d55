import type { Database } from '#lib/database.types.ts';
import { failureFromThrown, resultFromResponse } from '#lib/db.ts';
import { orderKeys } from '#lib/orders/queries.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { queryClient } from '#lib/query.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The guest inbox's offline command (registered in lib/outbox/commands.ts, loaded on first send):
 * a waiter call or bill request marked done. The request's id is its idempotency key — the
 * database answers an already acknowledged request as it is, so a resend after a lost reply is
 * harmless.
 */
export type AcknowledgeServiceRequestPayload = Database['public']['Functions']['acknowledge_service_request']['Args'];

const call = (payload: AcknowledgeServiceRequestPayload) => supabase.rpc('acknowledge_service_request', payload);

export async function sendAcknowledgeServiceRequest(
  payload: AcknowledgeServiceRequestPayload,
): Promise<ExecutionResult> {
  let response: Awaited<ReturnType<typeof call>>;
  try {
    response = await call(payload);
  } catch (thrown) {
    return { ok: false, failure: failureFromThrown(thrown) };
  }
  // The inbox drops the call now, not only when the orders topic's message arrives.
  if (!response.error && response.data) {
    void queryClient.invalidateQueries({ queryKey: orderKeys.all(response.data.restaurant_id) });
  }
  return resultFromResponse(response);
}
