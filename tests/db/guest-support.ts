import { createUser, type OrderJson, type Restaurant } from './fixtures.ts';
import { type Actor, rpc, sql, user, uuid } from './support.ts';

/** Helpers shared by the guest-*.test.ts files (issue 13: guests ordering from their table). */

/** A fresh anonymous sign-in, as the guest page makes one. */
export const newGuest = async (): Promise<Actor> => user(await createUser({ anonymous: true }), true);

/** A guest order payload: one line of fries unless lines are given. */
export const guestPayload = (r: Restaurant, over: Record<string, unknown> = {}) => ({
  id: uuid(),
  lines: [{ item_id: r.fries, qty: 1 }],
  ...over,
});

export const guestOrder = (guest: Actor, token: string, order: Record<string, unknown>) =>
  rpc<OrderJson>(guest, 'guest_place_order', { p_qr_token: token, p_order: order });

/** Everything a guest call could have written for the restaurant, messages included. */
export async function guestFootprint(restaurantId: string) {
  const [row] = await sql(
    `select (select count(*) from public.orders where restaurant_id = $1)::int as orders,
            (select count(*) from public.order_lines where restaurant_id = $1)::int as lines,
            (select count(*) from public.order_events where restaurant_id = $1)::int as events,
            (select count(*) from public.order_counters where restaurant_id = $1)::int as counters,
            (select count(*) from public.print_jobs where restaurant_id = $1)::int as print_jobs,
            (select count(*) from public.service_requests where restaurant_id = $1)::int as requests,
            (select count(*) from realtime.messages where topic like 'restaurant:' || $1 || ':%')::int as broadcasts`,
    [restaurantId],
  );
  return row;
}

/** Messages stored on `topic` since `since`, oldest first. */
export const messagesOn = (topic: string, since: Date) =>
  sql<{ event: string; private: boolean; payload: Record<string, unknown> }>(
    `select event, private, payload from realtime.messages
     where topic = $1 and inserted_at >= $2::timestamptz at time zone 'UTC' order by inserted_at, id`,
    [topic, since.toISOString()],
  );

/** Makes the restaurant's recent QR orders look `minutes` older (the limits count by created_at). */
export const ageGuestOrders = (restaurantId: string, minutes: number) =>
  sql(`update public.orders set created_at = created_at - make_interval(mins => $2) where restaurant_id = $1`, [
    restaurantId,
    minutes,
  ]);
