import { type DbResponse, resultFromResponse } from '#lib/db.ts';
import { supabase } from '#lib/supabase.ts';

/** How far a restaurant's set-up has come, from the rows that exist (never from a stored flag). */
export interface SetupCounts {
  menuItems: number;
  tables: number;
  /** People who joined besides the owner, plus join codes still open. */
  staffInvited: number;
  printers: number;
}

export type SetupStep = 'menu' | 'tables' | 'staff' | 'printer' | 'receipt';

/** The admin home's checklist, in the order a newcomer does it, each with whether it is done. */
export function setupSteps(counts: SetupCounts, receiptHeader: string): { step: SetupStep; done: boolean }[] {
  return [
    { step: 'menu', done: counts.menuItems > 0 },
    { step: 'tables', done: counts.tables > 0 },
    { step: 'staff', done: counts.staffInvited > 0 },
    { step: 'printer', done: counts.printers > 0 },
    { step: 'receipt', done: receiptHeader.trim() !== '' },
  ];
}

export const setupKeys = { counts: (restaurantId: string) => ['setup', restaurantId] as const };

/** A `head` count request's number; a failure throws its code, as `read` does for query functions. */
async function count(request: PromiseLike<DbResponse & { count: number | null }>): Promise<number> {
  const response = await request;
  const result = resultFromResponse(response);
  if (!result.ok) throw new Error(result.failure.code);
  return response.count ?? 0;
}

export async function fetchSetupCounts(restaurantId: string): Promise<SetupCounts> {
  const head = { count: 'exact', head: true } as const;
  const [menuItems, tables, members, invites, printers] = await Promise.all([
    count(supabase.from('menu_items').select('id', head).eq('restaurant_id', restaurantId)),
    count(supabase.from('dining_tables').select('id', head).eq('restaurant_id', restaurantId)),
    count(supabase.from('memberships').select('user_id', head).eq('restaurant_id', restaurantId)),
    count(
      supabase
        .from('invites')
        .select('id', head)
        .eq('restaurant_id', restaurantId)
        .is('accepted_at', null)
        .is('revoked_at', null),
    ),
    count(supabase.from('printers').select('id', head).eq('restaurant_id', restaurantId)),
  ]);
  return { menuItems, tables, staffInvited: Math.max(0, members - 1) + invites, printers };
}

export const setupQueryOptions = (restaurantId: string) => ({
  queryKey: setupKeys.counts(restaurantId),
  queryFn: () => fetchSetupCounts(restaurantId),
  // Set-up happens on the other screens: coming back home shows what they did.
  refetchOnMount: 'always' as const,
});
