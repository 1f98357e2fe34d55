import { useQuery } from '@tanstack/solid-query';
import { createEffect, createRoot } from 'solid-js';
import { session } from '#lib/auth/session.ts';
import type { Tables } from '#lib/database.types.ts';
import { read } from '#lib/db.ts';
import { queryClient } from '#lib/query.ts';
import { type MembershipSummary, pickCurrent, restaurantSelection } from '#lib/restaurant/current.ts';
import { supabase } from '#lib/supabase.ts';

export type Restaurant = Tables<'restaurants'>;

export const queryKeys = {
  memberships: (userId: string) => ['memberships', userId] as const,
  restaurant: (restaurantId: string) => ['restaurant', restaurantId] as const,
};

// The remembered restaurant belongs to whoever is signed in on this device.
createRoot(() => createEffect(() => restaurantSelection.useFor(session()?.user.id ?? null)));

export function fetchMemberships(userId: string): Promise<MembershipSummary[]> {
  return read(
    supabase.from('memberships').select('restaurant_id, role, restaurants(name, slug)').eq('user_id', userId),
  ).then((rows) =>
    rows.flatMap((row) =>
      row.restaurants
        ? [{ restaurantId: row.restaurant_id, role: row.role, name: row.restaurants.name, slug: row.restaurants.slug }]
        : [],
    ),
  );
}

/**
 * Re-reads the memberships after creating or joining a restaurant, before navigating: the cached
 * list (possibly empty) would otherwise send the person straight back to onboarding.
 */
export async function refreshMemberships(): Promise<void> {
  const userId = session()?.user.id;
  if (!userId) return;
  await queryClient.fetchQuery({
    queryKey: queryKeys.memberships(userId),
    queryFn: () => fetchMemberships(userId),
    staleTime: 0,
  });
}

/** The signed-in person's restaurants (persisted, so the switcher works offline). */
export function useMemberships() {
  return useQuery(() => {
    const userId = session()?.user.id ?? '';
    return {
      queryKey: queryKeys.memberships(userId),
      queryFn: () => fetchMemberships(userId),
      enabled: userId !== '',
    };
  });
}

/** The restaurant the admin screens work on: the remembered one, or the only one. */
export function useCurrentMembership() {
  const memberships = useMemberships();
  return {
    memberships,
    current: () => pickCurrent(memberships.data ?? [], restaurantSelection.currentId()),
  };
}

export function useRestaurant(restaurantId: () => string | undefined) {
  return useQuery(() => {
    const id = restaurantId() ?? '';
    return {
      queryKey: queryKeys.restaurant(id),
      queryFn: () => read(supabase.from('restaurants').select('*').eq('id', id).single()),
      enabled: id !== '',
      // The persisted cache may predate the last save (it is written a moment later); re-read.
      refetchOnMount: 'always' as const,
    };
  });
}

/** The currencies the database accepts (code, exponent, English name); rarely changes. */
export function useCurrencies() {
  return useQuery(() => ({
    queryKey: ['currencies'] as const,
    queryFn: () => read(supabase.from('currencies').select('code, exponent, name').order('code')),
    staleTime: 24 * 60 * 60 * 1000,
    enabled: !!session(),
  }));
}
