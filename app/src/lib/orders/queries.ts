import type { Database, Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';

export type OrderStatus = Database['public']['Enums']['order_status'];
export type LineStatus = Database['public']['Enums']['line_status'];

/**
 * Columns issue 10's migrations add (provisional code, device time, price review, rounds); optional
 * here so the screens compile against either generation of database.types.ts.
 */
interface OrderAdditions {
  provisional_code?: string | null;
  ordered_at?: string | null;
  price_override?: boolean;
}
interface LineAdditions {
  round?: number;
}

export type OrderLine = Tables<'order_lines'> & LineAdditions;
export type OrderEvent = Tables<'order_events'>;
export type OrderRow = Omit<Tables<'orders'>, 'payload_hash'> & OrderAdditions;
export type OrderWithLines = OrderRow & { lines: OrderLine[] };
export type OrderDetail = OrderWithLines & { events: OrderEvent[] };

/** Orders someone still has to act on: the POS's open orders and the kitchen's tickets. */
export const activeStatuses = ['draft', 'placed', 'preparing', 'ready'] as const satisfies readonly OrderStatus[];
export type ActiveStatus = (typeof activeStatuses)[number];

/** Query keys; writes and Realtime messages invalidate by these. */
export const orderKeys = {
  all: (restaurantId: string) => ['orders', restaurantId] as const,
  active: (restaurantId: string) => ['orders', restaurantId, 'active'] as const,
  order: (restaurantId: string, orderId: string) => ['orders', restaurantId, 'order', orderId] as const,
};

// payload_hash is the database's idempotency bookkeeping, not for screens.
const orderColumns = '*';

/** Lines come back in position order; a round's lines follow the earlier rounds'. */
export function sortLines<T extends { position: number; round?: number }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => (a.round ?? 1) - (b.round ?? 1) || a.position - b.position);
}

function withoutHash<T extends { payload_hash?: string }>(row: T): Omit<T, 'payload_hash'> {
  const { payload_hash: _hash, ...rest } = row;
  return rest;
}

/** The restaurant's active orders with their lines, newest first. */
export async function fetchActiveOrders(restaurantId: string): Promise<OrderWithLines[]> {
  const rows = await read(
    supabase
      .from('orders')
      .select(`${orderColumns}, lines:order_lines(*)`)
      .eq('restaurant_id', restaurantId)
      .in('status', [...activeStatuses])
      .order('created_at', { ascending: false }),
  );
  return rows.map((row) => ({ ...withoutHash(row), lines: sortLines(row.lines as OrderLine[]) }));
}

/**
 * One order with its lines and audit trail. The trail is readable by owners and managers only
 * (RLS), so other roles get an empty list. Null when the order is not (yet) in the database.
 */
export async function fetchOrder(restaurantId: string, orderId: string): Promise<OrderDetail | null> {
  const row = await read(
    supabase
      .from('orders')
      .select(`${orderColumns}, lines:order_lines(*), events:order_events(*)`)
      .eq('restaurant_id', restaurantId)
      .eq('id', orderId)
      .maybeSingle(),
  );
  if (!row) return null;
  const events = [...(row.events as OrderEvent[])].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return { ...withoutHash(row), lines: sortLines(row.lines as OrderLine[]), events };
}

export const activeOrdersQueryOptions = (restaurantId: string) => ({
  queryKey: orderKeys.active(restaurantId),
  queryFn: () => fetchActiveOrders(restaurantId),
});

export const orderQueryOptions = (restaurantId: string, orderId: string) => ({
  queryKey: orderKeys.order(restaurantId, orderId),
  queryFn: () => fetchOrder(restaurantId, orderId),
});

/** What the POS needs from the restaurant besides the menu: its tax rule and time zone. */
export interface PosSettings {
  taxMode: 'inclusive' | 'exclusive';
  taxRateBp: number;
  timezone: string;
}

export async function fetchPosSettings(restaurantId: string): Promise<PosSettings> {
  const row = await read(
    supabase.from('restaurants').select('tax_mode, tax_rate_bp, timezone').eq('id', restaurantId).single(),
  );
  return { taxMode: row.tax_mode, taxRateBp: row.tax_rate_bp, timezone: row.timezone };
}

export const posSettingsQueryOptions = (restaurantId: string) => ({
  queryKey: ['pos-settings', restaurantId] as const,
  queryFn: () => fetchPosSettings(restaurantId),
});
