import { type DbResult, runDb } from '#lib/db.ts';
import { invalidate } from '#lib/query.ts';
import type { MemberRole } from '#lib/restaurant/current.ts';
import { staffKeys } from '#lib/staff/queries.ts';
import { supabase } from '#lib/supabase.ts';

/**
 * Staff changes go straight to the database rather than through the outbox: each needs its
 * verdict on the spot (a join code to hand over, "last owner" to show next to the row), and none
 * is work a person would do offline.
 */
export async function createInvite(restaurantId: string, role: MemberRole, validHours: number) {
  const result = await runDb(
    supabase.rpc('create_invite', { p_restaurant_id: restaurantId, p_role: role, p_valid_hours: validHours }),
  );
  await refreshAfter(result, staffKeys.invites(restaurantId));
  return result;
}

export async function revokeInvite(restaurantId: string, inviteId: string) {
  const result = await runDb(supabase.rpc('revoke_invite', { p_invite_id: inviteId }));
  await refreshAfter(result, staffKeys.invites(restaurantId));
  return result;
}

export async function changeMemberRole(restaurantId: string, userId: string, role: MemberRole) {
  const result = await runDb(
    supabase.rpc('change_member_role', { p_restaurant_id: restaurantId, p_user_id: userId, p_role: role }),
  );
  await refreshAfter(result, staffKeys.staff(restaurantId));
  return result;
}

export async function removeMember(restaurantId: string, userId: string) {
  const result = await runDb(supabase.rpc('remove_member', { p_restaurant_id: restaurantId, p_user_id: userId }));
  await refreshAfter(result, staffKeys.staff(restaurantId));
  return result;
}

/** Renames the signed-in person in one restaurant (the database trims and checks 1..100 characters). */
export async function setMyDisplayName(restaurantId: string, displayName: string) {
  const result = await runDb(
    supabase.rpc('set_my_display_name', { p_restaurant_id: restaurantId, p_display_name: displayName }),
  );
  await refreshAfter(result, staffKeys.staff(restaurantId));
  return result;
}

/**
 * Re-reads the list after a change, or after a refusal saying the row is gone. Not after other
 * refusals: nothing changed, and re-rendering the rows would drop the error shown beside one.
 */
async function refreshAfter(result: DbResult<unknown>, key: readonly unknown[]): Promise<void> {
  if (result.ok || result.failure.code.endsWith('_not_found')) await invalidate(key);
}
