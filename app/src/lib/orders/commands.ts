import type { Database, Json } from '#lib/database.types.ts';
import { failureFromThrown, resultFromResponse } from '#lib/db.ts';
import type { OrderWithLines } from '#lib/orders/queries.ts';
import type { ExecutionResult } from '#lib/outbox/types.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The order commands the outbox sends (registered in lib/outbox/commands.ts). Each payload carries
 * the client's UUID, which the RPC treats as its idempotency key: a command whose reply was lost
 * offline is sent again and answers the stored order rather than placing a second one.
 */

/** One cart line as place_order / add_order_round take it. */
export interface OrderLinePayload {
  item_id: string;
  qty: number;
  note?: string;
  /** Chosen modifier option ids. */
  modifiers?: string[];
}

/** `place_order(p_order)`: the order as the device priced it (see supabase/migrations). */
export interface PlaceOrderPayload {
  /** The order's id, generated on the device: also the outbox command's id. */
  id: string;
  restaurant_id: string;
  type: 'dine_in' | 'takeaway';
  table_id?: string | null;
  note?: string;
  lines: OrderLinePayload[];
  /** When the cashier took it (device clock): the business date comes from it. */
  ordered_at?: string;
  /** The menu version the cart was priced from; the database keeps those prices. */
  menu_version?: number;
  /** The device's code for the order until it has its number ("A-7"). */
  provisional_code?: string;
}

/** `add_order_round(p_round)`: more lines for a table's open order (drinks, dessert). */
export interface AddOrderRoundPayload {
  /** The round's id, generated on the device: also the outbox command's id. */
  id: string;
  order_id: string;
  lines: OrderLinePayload[];
  ordered_at?: string;
  menu_version?: number;
}

/** `transition_order`: the order's status, guarded by the version the person saw. */
export type TransitionOrderPayload = Database['public']['Functions']['transition_order']['Args'];

type Listener = (order: OrderWithLines) => void;
const listeners = new Set<Listener>();

/**
 * Called with the database's order whenever one of these commands succeeds (from whichever tab
 * sends it), so the screen that placed an order can show its number at once.
 */
export function onOrderStored(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function storedOrder(data: unknown): void {
  if (!data || typeof data !== 'object' || !('id' in data)) return;
  for (const listener of listeners) listener(data as OrderWithLines);
}

async function sendRpc(
  call: PromiseLike<{ data: unknown; error: Parameters<typeof resultFromResponse>[0]['error']; status: number }>,
): Promise<ExecutionResult> {
  let response: Awaited<typeof call>;
  try {
    response = await call;
  } catch (thrown) {
    return { ok: false, failure: failureFromThrown(thrown) };
  }
  const result = resultFromResponse(response);
  if (result.ok) storedOrder(response.data);
  return result;
}

export function sendPlaceOrder(payload: PlaceOrderPayload): Promise<ExecutionResult> {
  return sendRpc(supabase.rpc('place_order', { p_order: payload as unknown as Json }));
}

export function sendAddOrderRound(payload: AddOrderRoundPayload): Promise<ExecutionResult> {
  // Typed by hand until database.types.ts has the RPC (issue 10's migration).
  const rpc = supabase.rpc.bind(supabase) as unknown as (
    name: string,
    args: Record<string, Json>,
  ) => PromiseLike<{ data: unknown; error: { message: string; code?: string | null } | null; status: number }>;
  return sendRpc(rpc('add_order_round', { p_round: payload as unknown as Json }));
}

export function sendTransitionOrder(payload: TransitionOrderPayload): Promise<ExecutionResult> {
  return sendRpc(supabase.rpc('transition_order', payload));
}
