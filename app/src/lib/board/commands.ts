import { type DbResult, runDb } from '#lib/db.ts';
import { siteUrl } from '#lib/env.ts';
import type { Restaurant } from '#lib/restaurant/queries.ts';
import { supabase } from '#lib/supabase.ts';

/** `rotate_board_token`: a new board link; screens on the old one get `board_not_found`. */
export function rotateBoardToken(restaurantId: string): Promise<DbResult<Restaurant>> {
  return runDb(supabase.rpc('rotate_board_token', { p_restaurant_id: restaurantId }));
}

/** The board's address on the site URL (the screen showing it may be another device). */
export function boardUrl(token: string): string {
  return `${siteUrl()}/board/${encodeURIComponent(token)}`;
}
