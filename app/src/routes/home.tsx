import { A, Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { AttentionList } from '#components/shell/attention-list.tsx';
import { RequireMembership, useMembership } from '#components/shell/require-membership.tsx';
import { session } from '#lib/auth/session.ts';
import { canAdminister, restaurantSelection } from '#lib/restaurant/current.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { useMemberships } from '#lib/restaurant/queries.ts';
import * as m from '#paraglide/messages.js';

/**
 * Where signing in lands: no restaurant → onboarding; the remembered or only one → its admin (or,
 * for floor and kitchen roles, a page naming it until their screens exist); several → switcher.
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
  return (
    <Show
      when={!canAdminister(membership().role)}
      fallback={<SelectAndGo restaurantId={membership().restaurantId} href="/admin" />}
    >
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

function SelectAndGo(props: { restaurantId: string; href: string }) {
  restaurantSelection.select(props.restaurantId);
  return <Navigate href={props.href} />;
}
