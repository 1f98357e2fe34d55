import type { Database } from '#lib/database.types.ts';
import { type DbFailure, failureFromThrown, resultFromResponse } from '#lib/db.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { forgetShift, markShiftSynced, refreshCurrentShift, reopenClosingShift } from '#lib/shifts/current.ts';
import { asShiftReport, type ShiftReport } from '#lib/shifts/queries.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The drawer's offline commands (registered in lib/outbox/commands.ts). Each carries the client's
 * UUID the RPC treats as its idempotency key (shift id, movement id; a close is idempotent by its
 * shift and count), so a command whose reply was lost offline is sent again without a double.
 * The senders keep the device's current shift (current.ts) in step with what the database said.
 */

type Args<Name extends keyof Database['public']['Functions']> = Database['public']['Functions'][Name]['Args'];

/** `open_shift`: the shift id is generated on the device and is also the command's id. */
export type OpenShiftPayload = Args<'open_shift'>;
/** `record_cash_movement`: the movement id is the command's id. */
export type RecordCashMovementPayload = Args<'record_cash_movement'>;
/** `close_shift`, with the restaurant so the sender can update the device's record (not sent). */
export type CloseShiftPayload = Args<'close_shift'> & { restaurant_id: string };

/** What a shift command answered when it reached the database (from whichever tab sent it). */
export type ShiftCommandEvent =
  | { kind: 'open_shift'; shiftId: string; restaurantId: string }
  | { kind: 'record_cash_movement'; shiftId: string; movementId: string }
  | { kind: 'close_shift'; shiftId: string; restaurantId: string; report: ShiftReport }
  | { kind: 'refused'; command: 'open_shift' | 'close_shift'; shiftId: string; failure: DbFailure };

type Listener = (event: ShiftCommandEvent) => void;
const listeners = new Set<Listener>();

/** Called whenever a shift command is stored or refused, so the drawer screen follows at once. */
export function onShiftCommand(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: ShiftCommandEvent): void {
  for (const listener of listeners) listener(event);
}

type RpcResponse = { data: unknown; error: Parameters<typeof resultFromResponse>[0]['error']; status: number };

async function call(request: PromiseLike<RpcResponse>): Promise<{ result: ExecutionResult; data: unknown }> {
  try {
    const response = await request;
    return { result: resultFromResponse(response), data: response.data };
  } catch (thrown) {
    return { result: { ok: false, failure: failureFromThrown(thrown) }, data: null };
  }
}

export async function sendOpenShift(payload: OpenShiftPayload): Promise<ExecutionResult> {
  const { result, data } = await call(supabase.rpc('open_shift', payload));
  const restaurantId = payload.p_restaurant_id;
  if (result.ok) {
    const row = data as { id: string; opened_at: string; opening_float: number };
    markShiftSynced(restaurantId, row);
    emit({ kind: 'open_shift', shiftId: payload.p_shift_id, restaurantId });
  } else if (!result.failure.transient) {
    // Refused (say another shift is already open on this device): the device's record goes, and
    // the server's open shift, if any, becomes current.
    forgetShift(restaurantId, payload.p_shift_id);
    void refreshCurrentShift(restaurantId);
    emit({ kind: 'refused', command: 'open_shift', shiftId: payload.p_shift_id, failure: result.failure });
  }
  return result;
}

export async function sendRecordCashMovement(payload: RecordCashMovementPayload): Promise<ExecutionResult> {
  const { result } = await call(supabase.rpc('record_cash_movement', payload));
  if (result.ok) emit({ kind: 'record_cash_movement', shiftId: payload.p_shift_id, movementId: payload.p_movement_id });
  return result;
}

export async function sendCloseShift({
  restaurant_id: restaurantId,
  ...args
}: CloseShiftPayload): Promise<ExecutionResult> {
  const { result, data } = await call(supabase.rpc('close_shift', args));
  if (result.ok) {
    forgetShift(restaurantId, args.p_shift_id);
    emit({ kind: 'close_shift', shiftId: args.p_shift_id, restaurantId, report: asShiftReport(data as never) });
  } else if (!result.failure.transient) {
    if (result.failure.code === 'shift_not_found' || result.failure.code === 'shift_closed') {
      // Closed with another count, or gone: the database's answer stands; the next read says which.
      forgetShift(restaurantId, args.p_shift_id);
      void refreshCurrentShift(restaurantId);
    } else {
      // A variance without a reason, a bad count: the shift is still open, and the person fixes it.
      reopenClosingShift(restaurantId, args.p_shift_id);
    }
    emit({ kind: 'refused', command: 'close_shift', shiftId: args.p_shift_id, failure: result.failure });
  }
  return result;
}
