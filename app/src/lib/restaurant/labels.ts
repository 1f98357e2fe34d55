import type { MemberRole } from '#lib/restaurant/current.ts';
import * as m from '#paraglide/messages.js';

const roleLabels: Record<MemberRole, () => string> = {
  owner: m.tenancy_role_owner,
  manager: m.tenancy_role_manager,
  cashier: m.tenancy_role_cashier,
  kitchen: m.tenancy_role_kitchen,
  waiter: m.tenancy_role_waiter,
  print_bridge: m.tenancy_role_print_bridge,
  kiosk: m.tenancy_role_kiosk,
};

export function roleLabel(role: MemberRole): string {
  return roleLabels[role]();
}

/**
 * Roles a person of `actor` may give (the database's private.can_manage_role). Never `kiosk`: a
 * kiosk joins only by claiming a kiosk pairing code.
 */
export function assignableRoles(actor: MemberRole | undefined): MemberRole[] {
  if (actor === 'owner') return ['owner', 'manager', 'cashier', 'kitchen', 'waiter', 'print_bridge'];
  if (actor === 'manager') return ['cashier', 'kitchen', 'waiter', 'print_bridge'];
  return [];
}
