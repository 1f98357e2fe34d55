import { useQuery } from '@tanstack/solid-query';
import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';

export type Membership = Tables<'memberships'>;
export type Invite = Tables<'invites'>;

/** Query keys; staff commands invalidate by these. */
export const staffKeys = {
  staff: (restaurantId: string) => ['staff', restaurantId] as const,
  invites: (restaurantId: string) => ['invites', restaurantId] as const,
};

export const staffQueryOptions = (restaurantId: string) => ({
  queryKey: staffKeys.staff(restaurantId),
  queryFn: () =>
    read(
      supabase
        .from('memberships')
        .select('*')
        .eq('restaurant_id', restaurantId)
        .order('created_at', { ascending: true }),
    ),
  enabled: restaurantId !== '',
  // People join by code from their own phones: opening the screen shows who joined meanwhile.
  refetchOnMount: 'always' as const,
});

/** Invites nobody used or revoked yet; expired ones stay listed (marked) until revoked. */
export const openInvitesQueryOptions = (restaurantId: string) => ({
  queryKey: staffKeys.invites(restaurantId),
  queryFn: () =>
    read(
      supabase
        .from('invites')
        .select('*')
        .eq('restaurant_id', restaurantId)
        .is('accepted_at', null)
        .is('revoked_at', null)
        .order('created_at', { ascending: false }),
    ),
  enabled: restaurantId !== '',
});

export function useStaff(restaurantId: () => string | undefined) {
  return useQuery(() => staffQueryOptions(restaurantId() ?? ''));
}

export function useOpenInvites(restaurantId: () => string | undefined) {
  return useQuery(() => openInvitesQueryOptions(restaurantId() ?? ''));
}
