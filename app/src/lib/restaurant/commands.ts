import type { TablesUpdate } from '#lib/database.types.ts';
import { type DbResult, runDb } from '#lib/db.ts';
import { invalidate, queryClient } from '#lib/query.ts';
import { createRestaurantArgs, type OnboardingDraft } from '#lib/restaurant/draft.ts';
import { fieldOfRestaurantCode } from '#lib/restaurant/errors.ts';
import { queryKeys, type Restaurant } from '#lib/restaurant/queries.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * Creating, joining and configuring a restaurant. Online only: each needs the database's verdict
 * on the spot (a taken web address, an expired join code). Failures carry the form field their
 * code concerns (`field`: name, slug, timezone, currency, tax_rate), for `fieldErrorFor`.
 */

/** `create_restaurant` (supabase/migrations/20261121000100_tenancy.sql); answers the new row. */
export function createRestaurant(draft: OnboardingDraft) {
  return runDb(supabase.rpc('create_restaurant', createRestaurantArgs(draft)), { fieldOf: fieldOfRestaurantCode });
}

/** The wizard's settings `create_restaurant` does not take (see `settingsAfterCreate`). */
export function applySettingsAfterCreate(restaurantId: string, settings: TablesUpdate<'restaurants'>) {
  return runDb(supabase.from('restaurants').update(settings).eq('id', restaurantId).select('id').single(), {
    fieldOf: fieldOfRestaurantCode,
  });
}

/** Joins with a code an owner or manager gave (`accept_invite`); answers the restaurant joined. */
export function joinRestaurant(code: string) {
  return runDb(supabase.rpc('accept_invite', { p_code: code }), { fieldOf: fieldOfRestaurantCode });
}

/** The settings screen's save; answers the row as stored. The currency is never sent (see settingsUpdate). */
export function saveSettings(restaurantId: string, update: TablesUpdate<'restaurants'>): Promise<DbResult<Restaurant>> {
  return runDb(supabase.from('restaurants').update(update).eq('id', restaurantId).select('*').single(), {
    fieldOf: fieldOfRestaurantCode,
  });
}

/** Shows a saved row at once, and re-reads the memberships (the switcher shows the name). */
export async function showSavedRestaurant(row: Restaurant, userId: string): Promise<void> {
  queryClient.setQueryData(queryKeys.restaurant(row.id), row);
  await invalidate(queryKeys.memberships(userId));
}
