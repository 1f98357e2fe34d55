import type { SupabaseClient } from '@supabase/supabase-js';
import { failureFromThrown, resultFromResponse } from '#lib/db.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The guest inbox's offline command (registered in lib/outbox/commands.ts, loaded on first send):
 * a waiter call or bill request marked done. The request's id is its idempotency key — the
 * database answers an already acknowledged request as it is, so a resend after a lost reply is
 * harmless.
 */
// TODO(issue 13 SQL): typed once database.types.ts has the RPC.
export interface AcknowledgeServiceRequestPayload {
  p_request_id: string;
}

export async function sendAcknowledgeServiceRequest(
  payload: AcknowledgeServiceRequestPayload,
): Promise<ExecutionResult> {
  try {
    return resultFromResponse(
      await (supabase as unknown as SupabaseClient).rpc('acknowledge_service_request', { ...payload }),
    );
  } catch (thrown) {
    return { ok: false, failure: failureFromThrown(thrown) };
  }
}
