import type { Database } from '#lib/database.types.ts';
import { failureFromThrown, resultFromResponse } from '#lib/db.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * `set_line_status`: a cook bumps one line (or takes a bump back), guarded by the line version the
 * cook saw. Sent through the outbox (registered in lib/outbox/commands.ts): a replay of a step
 * already taken answers the line as it is, a line that moved on meanwhile is refused
 * (`version_conflict`, `invalid_transition`) and parked with the database's message.
 */
export type SetLineStatusPayload = Database['public']['Functions']['set_line_status']['Args'];

export async function sendSetLineStatus(payload: SetLineStatusPayload): Promise<ExecutionResult> {
  try {
    return resultFromResponse(await supabase.rpc('set_line_status', payload));
  } catch (thrown) {
    return { ok: false, failure: failureFromThrown(thrown) };
  }
}
