import { A, type RouteSectionProps } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Refusal } from '#components/shell/refusal.tsx';
import { RequireMembership, useMembership } from '#components/shell/require-membership.tsx';
import { AdminRestaurantContext } from '#lib/restaurant/admin-context.ts';
import { adminRoles } from '#lib/restaurant/current.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { useMemberships } from '#lib/restaurant/queries.ts';
import * as m from '#paraglide/messages.js';
import './admin.css';

const sections = [
  { href: '/admin/menu', label: m.admin_nav_menu },
  { href: '/admin/tables', label: m.admin_nav_tables },
  { href: '/admin/staff', label: m.admin_nav_staff },
  { href: '/admin/printers', label: m.admin_nav_printers },
  { href: '/admin/reports', label: m.report_nav },
  { href: '/admin/settings', label: m.admin_nav_settings },
];

/**
 * The owner's and manager's shell: which restaurant, navigation between the admin screens, and
 * the screen. The guard decides the restaurant before rendering any screen, so each can rely on it.
 */
export default function AdminLayout(props: RouteSectionProps) {
  return (
    <RequireMembership
      roles={adminRoles}
      refusal={(membership) => (
        <Refusal
          membership={membership}
          title={m.admin_refused_title()}
          body={m.admin_refused_body({ role: roleLabel(membership.role), restaurant: membership.name })}
        />
      )}
    >
      <AdminShell>{props.children}</AdminShell>
    </RequireMembership>
  );
}

function AdminShell(props: { children: RouteSectionProps['children'] }) {
  const restaurant = useMembership();
  const memberships = useMemberships();
  return (
    <AdminRestaurantContext.Provider value={restaurant}>
      <div class="admin-shell">
        <nav class="admin-nav" aria-label={m.admin_nav_label()}>
          <p class="admin-restaurant">
            <A href="/admin" end class="admin-restaurant-name">
              {restaurant().name}
            </A>
            <Show when={(memberships.data?.length ?? 0) > 1}>
              <A href="/restaurants" class="admin-switch">
                {m.switcher_link()}
              </A>
            </Show>
          </p>
          <ul>
            <For each={sections}>
              {(section) => (
                <li>
                  <A href={section.href} activeClass="active">
                    {section.label()}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        {props.children}
      </div>
    </AdminRestaurantContext.Provider>
  );
}
