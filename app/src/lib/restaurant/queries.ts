import { useQuery } from '@tanstack/solid-query';
import { createEffect, createRoot } from 'solid-js';
import { session } from '#lib/auth/session.ts';
import type { Database } from '#lib/database.types.ts';
import { failureFromThrown, resultFromResponse, type SupabaseResponseLike } from '#lib/outbox/classify.ts';
import type { OutboxFailure } from '#lib/outbox/types.ts';
import { queryClient } from '#lib/query.ts';
import { type MembershipSummary, pickCurrent, restaurantSelection } from '#lib/restaurant/current.ts';
import { supabase } from '#lib/supabase.ts';

export type Restaurant = Database['public']['Tables']['restaurants']['Row'];
export type Membership = Database['public']['Tables']['memberships']['Row'];
export type Invite = Database['public']['Tables']['invites']['Row'];

export type DbResult<T> = { ok: true; data: T } | { ok: false; failure: OutboxFailure };

/** A supabase-js response: on success `data` holds the rows (or null for a void RPC). */
type Response = SupabaseResponseLike & { data: unknown };
type Data<R extends Response> = Exclude<R['data'], null>;

/**
 * Runs one supabase-js request and classifies its error like the outbox does, so screens that
 * write directly show the same translated database codes next to their fields.
 */
export async function runDb<R extends Response>(request: PromiseLike<R>): Promise<DbResult<Data<R>>> {
  try {
    const response = await request;
    const result = resultFromResponse(response);
    if (!result.ok) return result;
    return { ok: true, data: response.data as Data<R> };
  } catch (thrown) {
    return { ok: false, failure: failureFromThrown(thrown) };
  }
}

/** Reads throw so solid-query keeps the cached data and retries; the message carries the code. */
async function read<R extends Response>(request: PromiseLike<R>): Promise<Data<R>> {
  const result = await runDb(request);
  if (!result.ok) throw new Error(result.failure.code);
  return result.data;
}

export const queryKeys = {
  memberships: (userId: string) => ['memberships', userId] as const,
  restaurant: (restaurantId: string) => ['restaurant', restaurantId] as const,
  staff: (restaurantId: string) => ['staff', restaurantId] as const,
  invites: (restaurantId: string) => ['invites', restaurantId] as const,
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

export function useStaff(restaurantId: () => string | undefined) {
  return useQuery(() => {
    const id = restaurantId() ?? '';
    return {
      queryKey: queryKeys.staff(id),
      queryFn: () =>
        read(supabase.from('memberships').select('*').eq('restaurant_id', id).order('created_at', { ascending: true })),
      enabled: id !== '',
      // People join by code from their own phones: opening the screen shows who joined meanwhile.
      refetchOnMount: 'always' as const,
    };
  });
}

/** Invites nobody used or revoked yet; expired ones stay listed (marked) until revoked. */
export function useOpenInvites(restaurantId: () => string | undefined) {
  return useQuery(() => {
    const id = restaurantId() ?? '';
    return {
      queryKey: queryKeys.invites(id),
      queryFn: () =>
        read(
          supabase
            .from('invites')
            .select('*')
            .eq('restaurant_id', id)
            .is('accepted_at', null)
            .is('revoked_at', null)
            .order('created_at', { ascending: false }),
        ),
      enabled: id !== '',
    };
  });
}

export function invalidate(key: readonly unknown[]): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: key });
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
