import { type Accessor, createContext, useContext } from 'solid-js';
import type { MembershipSummary } from '#lib/restaurant/current.ts';

/**
 * The restaurant an admin screen works on, provided by routes/admin/layout.tsx once it has
 * checked the person is its owner or manager. An accessor: the switcher can change it in place.
 */
export const AdminRestaurantContext = createContext<Accessor<MembershipSummary>>();

export function useAdminRestaurant(): Accessor<MembershipSummary> {
  const restaurant = useContext(AdminRestaurantContext);
  if (!restaurant) throw new Error('useAdminRestaurant outside the admin layout');
  return restaurant;
}
