import { A, type RouteSectionProps } from '@solidjs/router';
import { lazy, onCleanup, onMount, Show, Suspense } from 'solid-js';
import { ConnectionStatus } from '#components/shell/connection-status.tsx';
import { RequireMembership, useMembership } from '#components/shell/require-membership.tsx';
import { claimDeviceCode } from '#lib/orders/device-code.ts';
import { watchMenu, watchOrders } from '#lib/orders/live.ts';
import { deviceId, deviceName } from '#lib/realtime/device.ts';
import type { MemberRole } from '#lib/restaurant/current.ts';
import { canAdminister } from '#lib/restaurant/current.ts';
import * as m from '#paraglide/messages.js';
import '#components/pos/pos.css';

// The guest inbox's count and chime: right after the first paint, outside the till's download.
const GuestInboxBadge = lazy(() => import('#components/pos/guest-inbox-badge.tsx'));

/** Who takes orders (the database's place_order allows the same roles). */
export const posRoles: readonly MemberRole[] = ['owner', 'manager', 'cashier', 'waiter'];

/**
 * The till's shell: the restaurant, "New order" / "Open orders" / "Guest orders", the live topics, and connection
 * honesty (online, live updates, unsent and refused commands).
 */
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
  const orders = watchOrders(membership().restaurantId, {
    key: deviceId(),
    meta: () => ({
      device: deviceName(m.presence_pos()),
      role: membership().role,
      station: null,
      screen: 'pos',
      since: new Date().toISOString(),
    }),
  });
  watchMenu(membership().restaurantId);
  // The device's own letter(s) for provisional codes: claimed once; retried when the network
  // comes back if the POS was opened offline.
  const claim = () => void claimDeviceCode(membership().restaurantId);
  onMount(() => {
    claim();
    window.addEventListener('online', claim);
  });
  onCleanup(() => window.removeEventListener('online', claim));
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
        {/* The name stays the words; the count (loaded after the first paint) is its description. */}
        <A
          href="/pos/guests"
          activeClass="active"
          class="pos-guest-link"
          aria-label={m.pos_guest_inbox_link()}
          aria-describedby="pos-guest-count"
        >
          {m.pos_guest_inbox_link()}
          <Suspense>
            <GuestInboxBadge restaurantId={membership().restaurantId} />
          </Suspense>
        </A>
        {/* The drawer is the cash staff's (open_shift refuses waiters). */}
        <Show when={membership().role !== 'waiter'}>
          <A href="/pos/drawer" activeClass="active">
            {m.drawer_nav()}
          </A>
        </Show>
        <Show when={canAdminister(membership().role)}>
          <A href="/admin">{m.pos_nav_admin()}</A>
        </Show>
      </nav>
      <ConnectionStatus topic={orders} attentionHref="/pos/orders#attention-title" />
      {props.children}
    </div>
  );
}
