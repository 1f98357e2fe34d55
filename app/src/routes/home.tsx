import { A, Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { AttentionList } from '#components/shell/attention-list.tsx';
import { RequireMembership, useMembership } from '#components/shell/require-membership.tsx';
import { session } from '#lib/auth/session.ts';
import { canAdminister, type MemberRole, restaurantSelection } from '#lib/restaurant/current.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { useMemberships } from '#lib/restaurant/queries.ts';
import * as m from '#paraglide/messages.js';

/**
 * Where signing in lands: no restaurant → onboarding; several and none chosen → switcher; else the
 * screen of the person's role in the remembered or only restaurant: owners and managers the admin,
 * cashiers and waiters the till, cooks the kitchen display. The print bridge's account has no
 * screen: a page says so.
 */
export default function Home() {
  return (
    <RequireMembership>
      <Landing />
    </RequireMembership>
  );
}

function Landing() {
  const membership = useMembership();
  const memberships = useMemberships();
  const screen = () => screenFor(membership().role);
  return (
    <Show when={!screen()} fallback={<SelectAndGo restaurantId={membership().restaurantId} href={screen() ?? '/'} />}>
      <main id="main">
        <h1>{membership().name}</h1>
        <p>{m.home_signed_in_as({ email: session()?.user.email ?? '' })}</p>
        <p>{m.tenancy_member_page({ role: roleLabel(membership().role) })}</p>
        <Show when={(memberships.data?.length ?? 0) > 1}>
          <p>
            <A href="/restaurants">{m.switcher_link()}</A>
          </p>
        </Show>
        <AttentionList />
      </main>
    </Show>
  );
}

function screenFor(role: MemberRole): string | null {
  if (canAdminister(role)) return '/admin';
  if (role === 'cashier' || role === 'waiter') return '/pos';
  if (role === 'kitchen') return '/kitchen';
  return null;
}

function SelectAndGo(props: { restaurantId: string; href: string }) {
  restaurantSelection.select(props.restaurantId);
  return <Navigate href={props.href} />;
}
