import type { DbResult } from '#lib/db.ts';
import { runDb } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';

/** What the customers' board shows: numbers only (`board_orders`, readable without signing in). */
export interface BoardState {
  restaurantName: string;
  preparing: number[];
  ready: number[];
}

export function parseBoard(data: unknown): BoardState | null {
  if (!data || typeof data !== 'object') return null;
  const { restaurant_name, preparing, ready } = data as Record<string, unknown>;
  const numbers = (value: unknown) =>
    Array.isArray(value) ? value.filter((entry): entry is number => typeof entry === 'number') : [];
  return {
    restaurantName: typeof restaurant_name === 'string' ? restaurant_name : '',
    preparing: numbers(preparing),
    ready: numbers(ready),
  };
}

type UntypedRpc = (
  name: string,
  args: Record<string, string>,
) => PromiseLike<{ data: unknown; error: { message: string; code?: string | null } | null; status: number }>;

/** `board_orders(p_token)`: `board_not_found` for a wrong or rotated token. */
export async function fetchBoard(token: string): Promise<DbResult<BoardState>> {
  // Typed by hand until database.types.ts has the RPC (issue 10's migration).
  const rpc = supabase.rpc.bind(supabase) as unknown as UntypedRpc;
  const result = await runDb(rpc('board_orders', { p_token: token }));
  if (!result.ok) return result;
  const board = parseBoard(result.data);
  return board
    ? { ok: true, data: board }
    : { ok: false, failure: { code: 'board_not_found', transient: false, message: '' } };
}
