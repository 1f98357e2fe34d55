import { A, Navigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, For, Match, Show, Switch } from 'solid-js';
import { LoadFailed } from '#components/ui/load-failed.tsx';
import { AdminRestaurantContext } from '#lib/restaurant/admin-context.ts';
import { canAdminister, landingFor, type MembershipSummary, restaurantSelection } from '#lib/restaurant/current.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { useCurrentMembership } from '#lib/restaurant/queries.ts';
import * as m from '#paraglide/messages.js';
import './admin.css';

const sections = [
  { href: '/admin/menu', label: m.admin_nav_menu },
  { href: '/admin/tables', label: m.admin_nav_tables },
  { href: '/admin/staff', label: m.admin_nav_staff },
  { href: '/admin/printers', label: m.admin_nav_printers },
  { href: '/admin/settings', label: m.admin_nav_settings },
];

/**
 * The owner's and manager's shell: which restaurant, navigation between the admin screens, and
 * the screen. Decides the restaurant before rendering any screen, so each can rely on it.
 */
export default function AdminLayout(props: RouteSectionProps) {
  const { memberships, current } = useCurrentMembership();
  // Remember the only restaurant too, so the next visit skips the lookup.
  createEffect(() => {
    const chosen = current();
    if (chosen && restaurantSelection.currentId() !== chosen.restaurantId)
      restaurantSelection.select(chosen.restaurantId);
  });
  const landing = () => (memberships.data ? landingFor(memberships.data) : undefined);
  return (
    <Switch fallback={<p class="loading">{m.common_loading()}</p>}>
      <Match when={memberships.isError && !memberships.data}>
        <LoadFailed onRetry={() => void memberships.refetch()} />
      </Match>
      <Match when={landing()?.kind === 'onboarding'}>
        <Navigate href="/onboarding" />
      </Match>
      <Match when={current()}>
        {(restaurant) => (
          <Show when={canAdminister(restaurant().role)} fallback={<Refusal restaurant={restaurant()} />}>
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
          </Show>
        )}
      </Match>
      <Match when={landing()?.kind === 'choose'}>
        <Navigate href="/restaurants" />
      </Match>
    </Switch>
  );
}

function Refusal(props: { restaurant: MembershipSummary }) {
  return (
    <main id="main" class="narrow">
      <h1>{m.admin_refused_title()}</h1>
      <p>{m.admin_refused_body({ role: roleLabel(props.restaurant.role), restaurant: props.restaurant.name })}</p>
      <p>
        <A href="/" class="button secondary">
          {m.admin_refused_back()}
        </A>
      </p>
    </main>
  );
}
