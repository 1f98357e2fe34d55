import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { type OrderLine, type OrderRow, type OrderWithLines, orderKeys, sortLines } from '#lib/orders/queries.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * The POS guest inbox's data: guest drafts waiting for staff (orders `draft` from the QR page) and
 * open waiter calls / bill requests. Its key sits under `orderKeys.all`, so every message on
 * `restaurant:<id>:orders` (orders, lines and service_requests rows are all broadcast there)
 * re-reads it, as the open orders are.
 */

/** A `service_requests` row as the staff read it (RLS: the restaurant's staff). */
export type ServiceRequest = Pick<
  Tables<'service_requests'>,
  'id' | 'restaurant_id' | 'table_id' | 'kind' | 'status' | 'created_at' | 'acknowledged_at'
>;

export interface GuestInbox {
  /** Oldest first: whoever has waited longest is served first. */
  drafts: OrderWithLines[];
  requests: ServiceRequest[];
}

export const guestInboxKey = (restaurantId: string) => [...orderKeys.all(restaurantId), 'guest-inbox'] as const;

const requestColumns = 'id, restaurant_id, table_id, kind, status, created_at, acknowledged_at';

function withoutHash<T extends { payload_hash?: string }>(row: T): Omit<T, 'payload_hash'> {
  const { payload_hash: _hash, ...rest } = row;
  return rest;
}

export async function fetchGuestInbox(restaurantId: string): Promise<GuestInbox> {
  const [drafts, requests] = await Promise.all([
    read(
      supabase
        .from('orders')
        .select('*, lines:order_lines(*)')
        .eq('restaurant_id', restaurantId)
        .eq('status', 'draft')
        .eq('source', 'qr')
        .order('created_at', { ascending: true }),
    ),
    read(
      supabase
        .from('service_requests')
        .select(requestColumns)
        .eq('restaurant_id', restaurantId)
        .eq('status', 'open')
        .order('created_at', { ascending: true }),
    ),
  ]);
  return {
    drafts: drafts.map((row) => ({
      ...(withoutHash(row) as OrderRow),
      lines: sortLines(row.lines as OrderLine[]),
    })),
    requests,
  };
}

export const guestInboxQueryOptions = (restaurantId: string) => ({
  queryKey: guestInboxKey(restaurantId),
  queryFn: () => fetchGuestInbox(restaurantId),
});

/** What waits for staff: each draft and each open request counts once (the nav's badge). */
export function inboxCount(inbox: GuestInbox | undefined): number {
  return inbox ? inbox.drafts.length + inbox.requests.length : 0;
}

/** Every id in the inbox, to tell a new arrival from one already seen. */
export function inboxIds(inbox: GuestInbox): string[] {
  return [...inbox.drafts.map((draft) => draft.id), ...inbox.requests.map((request) => request.id)];
}

/**
 * Follows the inbox's ids and says when one arrives that was never seen: the first reading only
 * learns what is already waiting (opening the POS must not ring for old drafts).
 */
export function arrivalTracker(): (ids: readonly string[]) => boolean {
  let seen: Set<string> | null = null;
  return (ids) => {
    if (!seen) {
      seen = new Set(ids);
      return false;
    }
    let arrived = false;
    for (const id of ids) {
      if (!seen.has(id)) {
        seen.add(id);
        arrived = true;
      }
    }
    return arrived;
  };
}

/**
 * Guest drafts and calls this device already acted on (accept, reject, done) and still holds in its
 * outbox: not shown as waiting again while the command is on its way.
 */
export function actedOn(commands: readonly { kind: string; payload: unknown }[]): Set<string> {
  const ids = new Set<string>();
  for (const command of commands) {
    const payload = (command.payload ?? {}) as { p_request_id?: unknown; p_order_id?: unknown };
    if (command.kind === 'acknowledge_service_request' && typeof payload.p_request_id === 'string') {
      ids.add(payload.p_request_id);
    }
    if (command.kind === 'transition_order' && typeof payload.p_order_id === 'string') ids.add(payload.p_order_id);
  }
  return ids;
}
