import { A, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { RequireMembership, useMembership } from '#components/shell/require-membership.tsx';
import { watchMenu, watchOrders } from '#lib/orders/live.ts';
import type { MemberRole } from '#lib/restaurant/current.ts';
import { canAdminister } from '#lib/restaurant/current.ts';
import * as m from '#paraglide/messages.js';
import '#components/pos/pos.css';

/** Who takes orders (the database's place_order allows the same roles). */
export const posRoles: readonly MemberRole[] = ['owner', 'manager', 'cashier', 'waiter'];

/** The till's shell: the restaurant, "New order" / "Open orders", and the live topics. */
export default function PosLayout(props: RouteSectionProps) {
  return (
    <RequireMembership roles={posRoles}>
      <PosShell>{props.children}</PosShell>
    </RequireMembership>
  );
}

function PosShell(props: { children: RouteSectionProps['children'] }) {
  const membership = useMembership();
  // Both live for as long as the POS is open, whichever of its screens shows.
  const orders = watchOrders(membership().restaurantId);
  watchMenu(membership().restaurantId);
  return (
    <div class="pos-shell">
      <nav class="pos-nav" aria-label={m.pos_nav_label()}>
        <span class="pos-restaurant">{membership().name}</span>
        <A href="/pos" end activeClass="active">
          {m.pos_nav_new()}
        </A>
        <A href="/pos/orders" activeClass="active">
          {m.pos_nav_orders()}
        </A>
        <Show when={canAdminister(membership().role)}>
          <A href="/admin">{m.pos_nav_admin()}</A>
        </Show>
        <span class="pos-live" data-status={orders.status()}>
          {orders.status() === 'live'
            ? m.pos_live_on()
            : orders.status() === 'down'
              ? m.pos_live_down()
              : m.pos_live_connecting()}
        </span>
      </nav>
      {props.children}
    </div>
  );
}
